// `npm test`: installs what is missing, compiles, then runs the suites against real parts.
//   node scripts/test.mjs                 lint, unit, integration, extension host (in code-server), end to end
//   node scripts/test.mjs unit|integration|exthost|e2e [grep]
//   node scripts/test.mjs exthost --desktop [grep]   the extension-host suite in a desktop VS Code
//                                                    that @vscode/test-electron downloads
//   node scripts/test.mjs record          re-record the unit tests' responses from the pinned server
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { root, say } from './lib/setup.mjs';
import { prepareOrExit } from './vscode/setup.mjs';
import { parseTestArgs } from './vscode/testArgs.mjs';

const { mode, desktop, grep, error } = parseTestArgs(process.argv.slice(2));
if (error) {
  process.stderr.write(`${error}\n`);
  process.exit(2);
}
const suites = mode === 'all' ? ['unit', 'integration', 'exthost', 'e2e'] : [mode];
// code-server (and Chromium) for e2e, and for exthost unless a downloaded desktop VS Code runs it.
const needsCodeServer = suites.includes('e2e') || (suites.includes('exthost') && !desktop);

prepareOrExit({ python: mode !== 'unit' && mode !== 'lint', vscode: needsCodeServer });

if (mode === 'record') {
  const r = spawnSync(process.execPath, [path.join(root, 'out', 'scripts', 'testbed', 'recordFixtures.js')], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

let passed = 0;
let failed = 0;
let ok = true;

// Lint first (it is fast): the walls of design.md, type-aware correctness rules, Prettier's check.
if (mode === 'all' || mode === 'lint') {
  say('Linting (npm run lint)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'lint'], { stdio: 'inherit', cwd: root });
  if (r.status === 0) {
    passed += 1;
    process.stdout.write('lint: passed\n');
  } else {
    failed += 1;
    ok = false;
    process.stdout.write('lint: FAILED (npm run lint says where)\n');
  }
  if (mode === 'lint') process.exit(ok ? 0 : 1);
}
for (const suite of suites) {
  say(`Running the ${suite} suite...`);
  const resultFile = path.join(root, 'out', 'test-results', `${suite}.json`);
  fs.rmSync(resultFile, { force: true });
  const entry =
    suite === 'exthost' && desktop
      ? [path.join(root, 'out', 'scripts', 'vscode', 'runDesktopExtensionHostTests.js'), ...(grep ? [grep] : [])]
      : suite === 'exthost'
        ? [path.join(root, 'out', 'scripts', 'vscode', 'runExtensionHostTests.js')]
        : [path.join(root, 'out', 'test', 'runner.js'), suite, ...(grep ? [grep] : [])];
  const r = spawnSync(process.execPath, entry, { stdio: 'inherit', cwd: root });
  if (fs.existsSync(resultFile)) {
    const res = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    passed += res.passes;
    failed += res.failures;
  } else {
    failed += 1; // the runner died before it could count: that is a failure, not a pass
  }
  if (r.status !== 0) ok = false;
}
process.stdout.write(`\ntotal: ${passed} passed, ${failed} failed\n`);
process.exit(ok && failed === 0 ? 0 : 1);

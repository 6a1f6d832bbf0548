import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.join(__dirname, '..', '..', '..', '..');
const testScript = path.join(root, 'scripts', 'test.mjs');

interface Parsed {
  mode: string;
  desktop: boolean;
  grep?: string;
  error?: string;
}

/** scripts/vscode/testArgs.mjs is plain ESM (test.mjs reads it before anything compiles): ask a node child. */
function parseAll(cases: string[][]): Parsed[] {
  const module = pathToFileURL(path.join(root, 'scripts', 'vscode', 'testArgs.mjs')).href;
  const script = `import { parseTestArgs } from ${JSON.stringify(module)};
process.stdout.write(JSON.stringify(${JSON.stringify(cases)}.map((c) => parseTestArgs(c))));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Parsed[];
}

describe('npm test arguments: --desktop is a flag, other words a mocha grep', function () {
  this.timeout(30_000);
  const cases: [string[], Parsed][] = [
    [[], { mode: 'all', desktop: false }],
    [['exthost'], { mode: 'exthost', desktop: false }],
    [['exthost', '--desktop'], { mode: 'exthost', desktop: true }],
    [['exthost', '--desktop', 'details'], { mode: 'exthost', desktop: true, grep: 'details' }],
    [['exthost', 'details', '--desktop'], { mode: 'exthost', desktop: true, grep: 'details' }],
    [['unit', 'paging', 'retry'], { mode: 'unit', desktop: false, grep: 'paging retry' }],
    [['integration', 'filters'], { mode: 'integration', desktop: false, grep: 'filters' }],
    [['--desktop'], { mode: 'all', desktop: true }],
  ];
  let parsed: Parsed[];
  before(function () {
    parsed = parseAll(cases.map(([args]) => args));
  });

  for (const [i, [args, expected]] of cases.entries()) {
    it(`node scripts/test.mjs ${args.join(' ') || '(nothing)'}`, function () {
      assert.deepEqual(parsed[i], expected);
    });
  }

  it('refuses a mistyped flag instead of running no tests with it as a grep', function () {
    const r = spawnSync(process.execPath, [testScript, 'exthost', '--destkop'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option --destkop \(known: --desktop\)/);
  });

  it('refuses --desktop for a suite that has no desktop route', function () {
    const r = spawnSync(process.execPath, [testScript, 'e2e', '--desktop'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--desktop applies to the exthost suite, not to e2e/);
  });
});

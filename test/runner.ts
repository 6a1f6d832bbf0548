/**
 * Runs one mocha suite (unit | integration) from the compiled tests in out/test/<suite>,
 * prints "<suite>: N passed, N failed" and writes the counts to out/test-results/<suite>.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { startSharedServer, stopSharedServer } from './support/testbed';

const suite = process.argv[2];
const grep = process.argv[3];
if (suite !== 'unit' && suite !== 'integration' && suite !== 'e2e') {
  process.stderr.write('usage: runner.js unit|integration|e2e [grep]\n');
  process.exit(2);
}

function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? testFiles(p) : e.name.endsWith('.test.js') ? [p] : [];
    })
    .sort();
}

const mocha = new Mocha({
  reporter: 'spec',
  timeout: suite === 'unit' ? 10_000 : suite === 'e2e' ? 180_000 : 60_000,
  grep,
  rootHooks:
    suite === 'integration'
      ? {
          async beforeAll(this: Mocha.Context) {
            this.timeout(600_000);
            await startSharedServer();
          },
          async afterAll(this: Mocha.Context) {
            this.timeout(60_000);
            await stopSharedServer();
          },
        }
      : undefined,
});
const files = testFiles(path.join(__dirname, suite));
for (const f of files) mocha.addFile(f);

const runner = mocha.run((failures) => {
  const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
  const resultsDir = path.join(__dirname, '..', 'test-results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(
    path.join(resultsDir, `${suite}.json`),
    JSON.stringify({ suite, passes: stats.passes, failures: stats.failures, pending: stats.pending, files: files.length }),
  );
  process.stdout.write(
    `\n${suite}: ${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} skipped` : ''}\n`,
  );
  process.exitCode = failures || files.length === 0 ? 1 : 0;
});

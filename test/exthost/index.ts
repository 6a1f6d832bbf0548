/**
 * The extension-host suite's entry, required by the test-runner extension inside a real VS
 * Code (code-server here; @vscode/test-electron's download on a desktop). Runs mocha on the
 * compiled *.test.js beside this file and returns the counts and each test's outcome.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface ExtHostResults {
  passes: number;
  failures: number;
  pending: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; error?: string }[];
}

export function run(): Promise<ExtHostResults> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    reporter: function Silent() {
      /* results are collected below */
    } as unknown as Mocha.ReporterConstructor,
  });
  for (const f of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  const results: ExtHostResults = { passes: 0, failures: 0, pending: 0, tests: [] };
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(results));
    runner.on('pass', (t) => {
      results.passes++;
      results.tests.push({ title: t.fullTitle(), state: 'passed' });
    });
    runner.on('fail', (t, err: Error) => {
      results.failures++;
      results.tests.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) });
    });
    runner.on('pending', (t) => {
      results.pending++;
      results.tests.push({ title: t.fullTitle(), state: 'pending' });
    });
  });
}

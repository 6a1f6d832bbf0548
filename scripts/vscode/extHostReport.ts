/** Prints the extension-host suite's results and writes the counts npm test adds up. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ExtHostResults } from '../../test/exthost/index';

export type SuiteResults = ExtHostResults & { error?: string };

/** Prints each test and "extension-host: N passed, N failed"; writes out/test-results/exthost.json. Returns the exit code. */
export function reportExtHostResults(root: string, where: string, results: SuiteResults): number {
  process.stdout.write(`\n  extension-host suite (${where})\n`);
  for (const t of results.tests) {
    process.stdout.write(`    ${t.state === 'passed' ? '✔' : t.state === 'pending' ? '-' : '✖'} ${t.title}\n`);
    if (t.error) process.stdout.write(`${t.error.replace(/^/gm, '        ')}\n`);
  }
  if (results.error) process.stdout.write(`  the suite could not run:\n${results.error}\n`);
  const out = path.join(root, 'out', 'test-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, 'exthost.json'),
    JSON.stringify({ suite: 'exthost', passes: results.passes, failures: results.failures, pending: results.pending }),
  );
  process.stdout.write(
    `\nextension-host: ${results.passes} passed, ${results.failures} failed${results.pending ? `, ${results.pending} skipped` : ''}\n`,
  );
  return results.failures === 0 && results.passes > 0 && !results.error ? 0 : 1;
}

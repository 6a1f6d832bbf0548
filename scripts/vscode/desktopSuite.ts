/**
 * The extension-host suite's entry on a desktop: @vscode/test-electron starts VS Code with
 * --extensionTestsPath pointing here, and VS Code calls run() in its extension host. It runs
 * the same suite as code-server's runner extension (test/exthost/index.ts), writes the results
 * where runDesktopExtensionHostTests.ts reads them, and rejects when a test failed, which
 * makes VS Code exit non-zero as test-electron expects.
 */
import * as fs from 'node:fs';
import Mocha from 'mocha';
import { type ExtHostResults, run as runSuite } from '../../test/exthost/index';

/**
 * test/exthost/index.ts builds its own Mocha and takes no grep; `npm run test:exthost --
 * --desktop <grep>` narrows it here by setting the grep on that Mocha just before it runs.
 */
function applyGrep(grep: string): void {
  const original = Mocha.prototype.run;
  Mocha.prototype.run = function (this: Mocha, ...args: Parameters<Mocha['run']>) {
    this.grep(grep);
    return original.apply(this, args);
  };
}

export async function run(): Promise<void> {
  const resultsFile = process.env.MLFLOW_REGISTRY_EXTHOST_RESULTS;
  if (!resultsFile) throw new Error('MLFLOW_REGISTRY_EXTHOST_RESULTS is not set: start the suite with npm run test:exthost -- --desktop');
  const grep = process.env.MLFLOW_REGISTRY_EXTHOST_GREP;
  if (grep) applyGrep(grep);
  let results: ExtHostResults & { error?: string };
  try {
    results = await runSuite();
  } catch (e) {
    results = { passes: 0, failures: 1, pending: 0, tests: [], error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  fs.writeFileSync(`${resultsFile}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${resultsFile}.tmp`, resultsFile);
  if (results.failures > 0 || results.passes === 0) {
    throw new Error(`extension-host suite: ${results.passes} passed, ${results.failures} failed`);
  }
}

/**
 * The extension-host suite (what @vscode/test-electron runs on a desktop) run here in
 * code-server: the product's VSIX plus the project's own test-runner extension, a seeded
 * MLflow server, and Chromium to start the extension host. Prints every test and
 * "extension-host: N passed, N failed"; writes out/test-results/exthost.json.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Workbench } from '../../test/e2e/support/workbench';
import { startMlflowServer } from '../testbed/mlflowServer';
import { projectRoot, venvBin } from '../testbed/paths';
import { startCodeServer } from './codeServer';
import { reportExtHostResults, type SuiteResults } from './extHostReport';

async function main(): Promise<number> {
  const root = projectRoot();
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'exthost-')), 'results.json');
  const mlflow = await startMlflowServer({ seed: true });
  const vscode = await startCodeServer({
    vsixes: [
      path.join(root, 'out', 'mlflow-model-registry.vsix'),
      path.join(root, 'out', 'mlflow-registry-test-runner.vsix'),
      path.join(root, 'out', 'python-extension-standin.vsix'),
    ],
    settings: { 'mlflowRegistry.trackingUri': mlflow.url },
    env: {
      MLFLOW_REGISTRY_EXTHOST_TESTS: path.join(root, 'out', 'test', 'exthost', 'index.js'),
      MLFLOW_REGISTRY_EXTHOST_RESULTS: resultsFile,
      MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL: mlflow.url,
      MLFLOW_REGISTRY_EXTHOST_MLFLOW_DB: mlflow.dbPath,
      MLFLOW_REGISTRY_EXTHOST_PYTHON: venvBin('python'),
    },
  });
  let wb: Workbench | undefined;
  try {
    wb = await Workbench.open(vscode.workbenchUrl); // the extension host starts when a window connects
    const deadline = Date.now() + 300_000;
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > deadline) throw new Error(`no results from the extension host within 5 minutes; log: ${vscode.logPath}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults;
    return reportExtHostResults(root, 'in code-server', results);
  } finally {
    await wb?.close();
    await vscode.stop();
    await mlflow.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  },
);

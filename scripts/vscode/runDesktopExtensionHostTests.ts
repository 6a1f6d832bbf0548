/**
 * `npm run test:exthost -- --desktop [grep]`: the extension-host suite in a desktop VS Code
 * that @vscode/test-electron downloads (into .testbed/vscode-desktop), against the same seeded
 * MLflow server as the code-server route. Prints every test and "extension-host: N passed,
 * N failed"; writes out/test-results/exthost.json. Where VS Code cannot be downloaded it says
 * so in one sentence and exits 1.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { startMlflowServer } from '../testbed/mlflowServer';
import { projectRoot, venvBin } from '../testbed/paths';
import { DesktopUnavailable, downloadVsCode } from './desktopDownload';
import {
  desktopCachePath,
  type DesktopRun,
  desktopTestOptions,
  desktopUserSettings,
  desktopVsCodeVersion,
  userSettingsFile,
} from './desktopOptions';
import { reportExtHostResults, type SuiteResults } from './extHostReport';

async function main(): Promise<number> {
  const root = projectRoot();
  const grep = process.argv[2] || undefined;
  const version = desktopVsCodeVersion(process.env);
  // First, before any server starts: without VS Code there is nothing to run.
  const vscodeExecutablePath = await downloadVsCode(version, desktopCachePath(root));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'exthost-desktop-'));
  const mlflow = await startMlflowServer({ seed: true });
  try {
    const run: DesktopRun = {
      root,
      vscodeExecutablePath,
      workspace: path.join(tmp, 'workspace'),
      profileDir: path.join(tmp, 'profile'),
      resultsFile: path.join(tmp, 'results.json'),
      mlflow: { url: mlflow.url, dbPath: mlflow.dbPath },
      python: venvBin('python'),
      grep,
    };
    fs.mkdirSync(run.workspace, { recursive: true });
    fs.mkdirSync(path.dirname(userSettingsFile(run.profileDir)), { recursive: true });
    fs.writeFileSync(userSettingsFile(run.profileDir), JSON.stringify(desktopUserSettings(mlflow.url), null, 2));
    let exit = 'exited normally';
    try {
      await runTests(desktopTestOptions(run));
    } catch (e) {
      // A failing test also exits non-zero: the results file tells the two apart.
      if (!(e instanceof TestRunFailedError)) throw e;
      exit = e.message;
    }
    const results: SuiteResults = fs.existsSync(run.resultsFile)
      ? (JSON.parse(fs.readFileSync(run.resultsFile, 'utf8')) as SuiteResults)
      : { passes: 0, failures: 1, pending: 0, tests: [], error: `VS Code ${version} wrote no results (${exit}).` };
    return reportExtHostResults(root, `in VS Code ${version}`, results);
  } finally {
    await mlflow.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(e instanceof DesktopUnavailable ? `\n${e.message}\n` : `${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  },
);

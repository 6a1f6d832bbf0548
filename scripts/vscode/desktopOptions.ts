/**
 * What @vscode/test-electron's runTests gets for the extension-host suite on a desktop: pure,
 * so a unit test can check it without VS Code or a network. runDesktopExtensionHostTests.ts
 * does the rest (download, MLflow, folders, printing).
 */
import * as path from 'node:path';
import { type TestOptions } from '@vscode/test-electron';

/** The VS Code that code-server 4.139.1 carries: both routes test the same VS Code. */
export const DESKTOP_VSCODE_VERSION = '1.139.1';

/** VSCODE_TEST_VERSION=1.96.0 tries the oldest VS Code that package.json's engines accept. */
export function desktopVsCodeVersion(env: NodeJS.ProcessEnv): string {
  return env.VSCODE_TEST_VERSION || DESKTOP_VSCODE_VERSION;
}

/** Where test-electron keeps the downloaded VS Code: ignored by git, next to code-server. */
export function desktopCachePath(root: string): string {
  return path.join(root, '.testbed', 'vscode-desktop');
}

export const DOWNLOAD_FAILED =
  'the desktop route needs a machine that can download VS Code; here use npm run test:exthost without --desktop';

export interface DesktopRun {
  /** The repository: the product extension's development path. */
  root: string;
  /** The downloaded VS Code's executable. */
  vscodeExecutablePath: string;
  /** The folder VS Code opens (the suite copies stores into it). */
  workspace: string;
  /** A throwaway folder for user data and extensions: nothing of the user's own VS Code. */
  profileDir: string;
  /** Where the suite's entry writes its counts and each test's outcome. */
  resultsFile: string;
  mlflow: { url: string; dbPath: string };
  /** The test bed's Python, which the Python extension stand-in names. */
  python: string;
  /** Only the tests whose full title matches (mocha grep). */
  grep?: string;
}

/** The compiled entry VS Code requires and calls run() on (scripts/vscode/desktopSuite.ts). */
export function desktopSuiteEntry(root: string): string {
  return path.join(root, 'out', 'scripts', 'vscode', 'desktopSuite.js');
}

/** The variables the suite reads: the same the code-server route gives its extension host. */
export function extHostTestEnv(run: DesktopRun): Record<string, string> {
  return {
    MLFLOW_REGISTRY_EXTHOST_RESULTS: run.resultsFile,
    MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL: run.mlflow.url,
    MLFLOW_REGISTRY_EXTHOST_MLFLOW_DB: run.mlflow.dbPath,
    MLFLOW_REGISTRY_EXTHOST_PYTHON: run.python,
    ...(run.grep ? { MLFLOW_REGISTRY_EXTHOST_GREP: run.grep } : {}),
  };
}

export function desktopTestOptions(run: DesktopRun): TestOptions {
  return {
    vscodeExecutablePath: run.vscodeExecutablePath,
    // The product from the repository, and the stand-in for ms-python.python: the suite checks
    // that a local server starts with the Python that extension names, so it must name the test
    // bed's .venv (a real Python extension would pick its own).
    extensionDevelopmentPath: [run.root, path.join(run.root, 'test', 'python-extension-standin')],
    extensionTestsPath: desktopSuiteEntry(run.root),
    extensionTestsEnv: extHostTestEnv(run),
    // runTests adds --disable-workspace-trust, --skip-welcome and --disable-updates itself.
    launchArgs: [
      run.workspace,
      `--user-data-dir=${path.join(run.profileDir, 'user-data')}`,
      `--extensions-dir=${path.join(run.profileDir, 'extensions')}`,
      '--disable-telemetry',
    ],
  };
}

/** User settings written before VS Code starts: the code-server route's, for the same suite. */
export function desktopUserSettings(mlflowUrl: string): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    'mlflowRegistry.trackingUri': mlflowUrl,
  };
}

export function userSettingsFile(profileDir: string): string {
  return path.join(profileDir, 'user-data', 'User', 'settings.json');
}

/** The one sentence for a failed download, with the reason after it. */
export function downloadFailureMessage(version: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `${DOWNLOAD_FAILED} (downloading VS Code ${version} failed: ${reason}).`;
}

/**
 * One e2e suite's real parts: a seeded MLflow server, code-server with the packaged VSIX, and a
 * Chromium page on the workbench, started in `before` and stopped in `after`; a failing test
 * leaves a FAILED-… screenshot.
 */
import * as path from 'node:path';
import { type MlflowServer, type StartOptions, startMlflowServer } from '../../../scripts/testbed/mlflowServer';
import { projectRoot } from '../../../scripts/testbed/paths';
import { type CodeServer, type CodeServerOptions, startCodeServer } from '../../../scripts/vscode/codeServer';
import { Workbench } from './workbench';

export interface E2eSession {
  readonly mlflow: MlflowServer;
  readonly vscode: CodeServer;
  readonly wb: Workbench;
}

export interface SessionOptions {
  mlflow?: StartOptions;
  /** Runs against the server before VS Code starts (seed what the suite needs). */
  prepare?: (mlflow: MlflowServer) => Promise<void>;
  /** code-server options beyond the VSIX; by default the tracking URI points at the server. */
  vscode?: (mlflow: MlflowServer) => Omit<CodeServerOptions, 'vsixes'>;
}

export function useE2eSession(options: SessionOptions = {}): E2eSession {
  const parts: { mlflow?: MlflowServer; vscode?: CodeServer; wb?: Workbench } = {};
  before(async function () {
    this.timeout(600_000);
    const mlflow = await startMlflowServer(options.mlflow ?? { seed: true });
    parts.mlflow = mlflow;
    await options.prepare?.(mlflow);
    const extra = options.vscode?.(mlflow) ?? { settings: { 'mlflowRegistry.trackingUri': mlflow.url } };
    const vscode = await startCodeServer({ ...extra, vsixes: [path.join(projectRoot(), 'out', 'mlflow-model-registry.vsix')] });
    parts.vscode = vscode;
    parts.wb = await Workbench.open(vscode.workbenchUrl);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await parts.wb?.screenshot(`FAILED-${this.currentTest.title.slice(0, 50).replace(/\W+/g, '-')}`);
  });
  after(async function () {
    this.timeout(60_000);
    await parts.wb?.close();
    await parts.vscode?.stop();
    await parts.mlflow?.stop();
  });
  return {
    get mlflow() {
      return parts.mlflow!;
    },
    get vscode() {
      return parts.vscode!;
    },
    get wb() {
      return parts.wb!;
    },
  };
}

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MlflowServer, startMlflowServer } from '../../scripts/testbed/mlflowServer';
import { projectRoot } from '../../scripts/testbed/paths';
import { CodeServer, startCodeServer } from '../../scripts/vscode/codeServer';
import { Workbench } from './support/workbench';

describe('workspace trust: a cloned folder cannot point the extension at a registry', function () {
  this.timeout(180_000);
  let mlflow: MlflowServer;
  let vscode: CodeServer;
  let wb: Workbench;

  before(async function () {
    this.timeout(600_000);
    mlflow = await startMlflowServer({ seed: true });
    vscode = await startCodeServer({
      vsixes: [path.join(projectRoot(), 'out', 'mlflow-model-registry.vsix')],
      trusted: false,
      workspaceSettings: { 'mlflowRegistry.trackingUri': mlflow.url },
      env: { MLFLOW_TRACKING_URI: '', MLFLOW_REGISTRY_URI: '' },
    });
    wb = await Workbench.open(vscode.workbenchUrl);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`FAILED-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await wb?.close();
    await vscode?.stop();
    await mlflow?.stop();
  });

  it('in Restricted Mode the workspace trackingUri is ignored, and the view says why', async () => {
    await wb.openRegistryView();
    await wb.page.locator('.part.sidebar').getByText('This folder is not trusted', { exact: false }).waitFor({ timeout: 30_000 });
    await wb.page.locator('.part.sidebar').getByText('mlflowRegistry.trackingUri', { exact: false }).first().waitFor();
    assert.equal(await wb.row('power-forecasting-model').count(), 0, 'no model from the folder-named registry is listed');
    assert.equal(served(mlflow), 0, 'not a single request reached the registry the folder names');
    await wb.screenshot('trust-restricted');
  });
});

function served(server: MlflowServer): number {
  return fs.readFileSync(server.logPath, 'utf8').split('\n').filter((l) => l.includes('/api/2.0/')).length;
}

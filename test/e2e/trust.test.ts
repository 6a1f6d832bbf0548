import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { useE2eSession } from './support/session';

describe('workspace trust: a cloned folder cannot point the extension at a registry', function () {
  this.timeout(180_000);
  const session = useE2eSession({
    vscode: (mlflow) => ({
      trusted: false,
      // A folder that names a registry and a program to run: both must be ignored until trusted.
      workspaceSettings: { 'mlflowRegistry.trackingUri': mlflow.url, 'mlflowRegistry.pythonPath': './tools/python' },
      env: { MLFLOW_TRACKING_URI: '', MLFLOW_REGISTRY_URI: '' },
    }),
  });

  it('in Restricted Mode the workspace trackingUri is ignored, and the view says why', async () => {
    await session.wb.openRegistryView();
    await session.wb.page.locator('.part.sidebar').getByText('This folder is not trusted', { exact: false }).waitFor({ timeout: 30_000 });
    await session.wb.page.locator('.part.sidebar').getByText('mlflowRegistry.trackingUri', { exact: false }).first().waitFor();
    await session.wb.page.locator('.part.sidebar').getByText('mlflowRegistry.pythonPath', { exact: false }).first().waitFor();
    assert.equal(await session.wb.row('power-forecasting-model').count(), 0, 'no model from the folder-named registry is listed');
    assert.equal(served(session.mlflow), 0, 'not a single request reached the registry the folder names');
    await session.wb.screenshot('trust-restricted');
  });
});

function served(server: { logPath: string }): number {
  return fs
    .readFileSync(server.logPath, 'utf8')
    .split('\n')
    .filter((l) => l.includes('/api/2.0/')).length;
}

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MlflowServer, startMlflowServer } from '../../scripts/testbed/mlflowServer';
import { projectRoot } from '../../scripts/testbed/paths';
import { CodeServer, startCodeServer } from '../../scripts/vscode/codeServer';
import { Workbench } from './support/workbench';

describe('connecting for the first time in a real VS Code', function () {
  this.timeout(180_000);
  let mlflow: MlflowServer;
  let vscode: CodeServer;
  let wb: Workbench;

  before(async function () {
    this.timeout(600_000);
    mlflow = await startMlflowServer({ seed: true });
    vscode = await startCodeServer({
      vsixes: [path.join(projectRoot(), 'out', 'mlflow-model-registry.vsix')],
      env: { MLFLOW_TRACKING_URI: '', MLFLOW_REGISTRY_URI: '' },
    });
    wb = await Workbench.open(vscode.workbenchUrl);
  });

  after(async () => {
    await wb?.close();
    await vscode?.stop();
    await mlflow?.stop();
  });

  it('with nothing configured, the view says so and offers Connect; the status bar says not connected', async () => {
    await wb.openRegistryView();
    await wb.page.locator('.part.sidebar').getByText('No MLflow registry is configured', { exact: false }).waitFor({ timeout: 30_000 });
    await wb.page.locator('.part.sidebar .monaco-button:has-text("Connect to a Registry")').waitFor();
    await wb.page.locator('.statusbar-item:has-text("MLflow: not connected")').waitFor();
    await wb.screenshot('connect-welcome');
  });

  it('Connect refuses a URI that is not http(s), then saves a good one in the workspace settings and lists the models', async () => {
    await wb.page.locator('.part.sidebar .monaco-button:has-text("Connect to a Registry")').click();
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('ftp://example.com');
    await wb.page.locator('.quick-input-widget').getByText('Use an http:// or https:// URL', { exact: false }).waitFor();
    await wb.screenshot('connect-invalid');
    await input.fill(mlflow.url);
    await wb.page.keyboard.press('Enter');
    await wb.row('power-forecasting-model').waitFor({ timeout: 60_000 });
    const saved = JSON.parse(fs.readFileSync(path.join(vscode.workspace, '.vscode', 'settings.json'), 'utf8')) as Record<string, string>;
    assert.equal(saved['mlflowRegistry.trackingUri'], mlflow.url);
    await wb.page.locator(`.statusbar-item:has-text("${new URL(mlflow.url).host}")`).waitFor({ timeout: 30_000 });
    await wb.screenshot('connect-connected');
  });
});

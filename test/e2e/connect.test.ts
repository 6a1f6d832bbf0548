import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useE2eSession } from './support/session';

describe('connecting for the first time in a real VS Code', function () {
  this.timeout(180_000);
  const session = useE2eSession({ vscode: () => ({ env: { MLFLOW_TRACKING_URI: '', MLFLOW_REGISTRY_URI: '' } }) });

  it('with nothing configured, the view says so and offers Connect; the status bar says not connected', async () => {
    await session.wb.openRegistryView();
    await session.wb.page.locator('.part.sidebar').getByText('No MLflow registry is configured', { exact: false }).waitFor({ timeout: 30_000 });
    await session.wb.page.locator('.part.sidebar .monaco-button:has-text("Connect to a Registry")').waitFor();
    await session.wb.page.locator('.statusbar-item:has-text("MLflow: not connected")').waitFor();
    await session.wb.screenshot('connect-welcome');
  });

  it('Connect refuses a URI that is not http(s), then saves a good one in the workspace settings and lists the models', async () => {
    await session.wb.page.locator('.part.sidebar .monaco-button:has-text("Connect to a Registry")').click();
    const input = session.wb.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('ftp://example.com');
    await session.wb.page.locator('.quick-input-widget').getByText('Use an http:// or https:// URL', { exact: false }).waitFor();
    await session.wb.screenshot('connect-invalid');
    await input.fill(session.mlflow.url);
    await session.wb.page.keyboard.press('Enter');
    await session.wb.row('power-forecasting-model').waitFor({ timeout: 60_000 });
    const saved = JSON.parse(fs.readFileSync(path.join(session.vscode.workspace, '.vscode', 'settings.json'), 'utf8')) as Record<string, string>;
    assert.equal(saved['mlflowRegistry.trackingUri'], session.mlflow.url);
    await session.wb.page.locator(`.statusbar-item:has-text("${new URL(session.mlflow.url).host}")`).waitFor({ timeout: 30_000 });
    await session.wb.screenshot('connect-connected');
  });
});

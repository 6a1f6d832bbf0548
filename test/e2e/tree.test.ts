import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RegistryClient } from '../../src/registry/client';
import { MlflowServer, startMlflowServer } from '../../scripts/testbed/mlflowServer';
import { projectRoot } from '../../scripts/testbed/paths';
import { CodeServer, startCodeServer } from '../../scripts/vscode/codeServer';
import { Workbench } from './support/workbench';

const WALKTHROUGH = 'power-forecasting-model';
const BIG = 'e2e-many-versions';

/** Requests the MLflow server logged (uvicorn's access log) whose line contains `part`. */
function served(server: MlflowServer, part: string): number {
  return fs.readFileSync(server.logPath, 'utf8').split('\n').filter((l) => l.includes(part)).length;
}

describe('the registry tree in a real VS Code (code-server + Chromium)', function () {
  this.timeout(180_000);
  let mlflow: MlflowServer;
  let vscode: CodeServer;
  let wb: Workbench;

  before(async function () {
    this.timeout(600_000);
    mlflow = await startMlflowServer({ seed: true });
    const client = new RegistryClient({ baseUrl: mlflow.url });
    const source = (await client.versions.get(WALKTHROUGH, 4)).source!;
    await client.models.create(BIG, { description: 'A model with 250 versions, to page through.' });
    for (let i = 0; i < 250; i++) await client.versions.create(BIG, source, { modelId: source.slice('models:/'.length) });
    await client.close();
    const vsix = path.join(projectRoot(), 'out', 'mlflow-model-registry.vsix');
    vscode = await startCodeServer({ vsixes: [vsix], settings: { 'mlflowRegistry.trackingUri': mlflow.url } });
    wb = await Workbench.open(vscode.workbenchUrl);
  });

  after(async () => {
    await wb?.close();
    await vscode?.stop();
    await mlflow?.stop();
  });

  it('opening the view lists the models with one search request and none per model', async () => {
    const searchesBefore = served(mlflow, 'registered-models/search');
    await wb.openRegistryView();
    await wb.row(WALKTHROUGH).waitFor({ timeout: 60_000 });
    await wb.row(BIG).waitFor();
    await wb.page.waitForTimeout(1000);
    assert.equal(served(mlflow, 'registered-models/search') - searchesBefore, 1, 'exactly one search');
    assert.equal(served(mlflow, 'model-versions/search'), 0, 'no version search before a model is expanded');
    assert.equal(served(mlflow, 'registered-models/get?'), 0, 'no request per model');
    const rows = await wb.rowTexts();
    assert.ok(rows.some((r) => r.startsWith(WALKTHROUGH) && r.includes('Production v2 · Staging v3 · None v4')), rows.join('\n'));
    await wb.screenshot('tree-models');
  });

  it('expanding the walkthrough model shows Production (v2, v1), Staging (v3), None (v4) with their aliases', async () => {
    await wb.setExpanded(wb.row(WALKTHROUGH), true);
    await wb.row('Version 4').waitFor({ timeout: 30_000 });
    const rows = await wb.rowTexts();
    const at = rows.findIndex((r) => r.startsWith(WALKTHROUGH));
    // "Version 2 @champion · 3 minutes ago": keep the label and the aliases, drop the age.
    const under = rows.slice(at + 1, at + 8).map((r) => r.split(' · ')[0].replace(/ \S+ \S+ ago$/, '').replace(/ (now|yesterday)$/, ''));
    assert.deepEqual(under, [
      'Production 2', 'Version 2 @champion', 'Version 1', 'Staging 1', 'Version 3 @challenger', 'None 1', 'Version 4',
    ]);
    await wb.screenshot('tree-walkthrough-expanded');
  });

  it("a model's tooltip shows its description", async () => {
    await wb.row(WALKTHROUGH).hover();
    const hover = wb.page.locator('.monaco-hover').filter({ hasText: 'forecasts the power output of a wind farm' }).first();
    await hover.waitFor({ timeout: 15_000 });
    await wb.screenshot('tree-model-tooltip');
    await wb.page.mouse.move(900, 600);
    await wb.setExpanded(wb.row(WALKTHROUGH), false);
  });

  it('a model with 250 versions pages with "Load more…" and counts read N+ until every page is in', async () => {
    const searchesBefore = served(mlflow, 'model-versions/search');
    await wb.setExpanded(wb.row(BIG), true);
    const none = wb.row('None');
    await none.waitFor({ timeout: 30_000 });
    assert.match(await none.innerText(), /100\+/);
    await wb.setExpanded(none, false); // fold the 100 rows so "Load more…" is on screen
    await wb.row('Load more…').click();
    await wb.page.locator('.part.sidebar .monaco-list-row:has-text("200+")').waitFor({ timeout: 30_000 });
    await wb.row('Load more…').click();
    await wb.page.locator('.part.sidebar .monaco-list-row:has(.label-description:text-is("250"))').waitFor({ timeout: 30_000 });
    assert.equal(await wb.row('Load more…').count(), 0, 'no "Load more…" once every page is loaded');
    assert.equal(served(mlflow, 'model-versions/search') - searchesBefore, 3, 'three pages of 100, 100 and 50');
    await wb.screenshot('tree-paged-250');
  });

  it('a stopped server shows the unreachable message; after a restart, Retry brings the tree back', async () => {
    await mlflow.halt();
    await wb.runCommand('MLflow: Refresh');
    const message = wb.page.locator('.part.sidebar').getByText('nothing is listening there', { exact: false });
    await message.waitFor({ timeout: 30_000 });
    // VS Code hides welcome content while a view has a message, so Retry and Show Log are view actions.
    const retry = wb.page.locator('.part.sidebar .title-actions .action-label[aria-label="Retry"]');
    await retry.waitFor({ timeout: 10_000 });
    assert.equal(await wb.page.locator('.part.sidebar .title-actions .action-label[aria-label="Show Log"]').count(), 1);
    assert.equal(await wb.page.locator('.notification-toast').count(), 0, 'no burst of notifications');
    await wb.screenshot('tree-unreachable');
    await mlflow.resume();
    await retry.click();
    await wb.row(WALKTHROUGH).waitFor({ timeout: 30_000 });
    assert.equal(await message.count(), 0, 'the message is gone');
    await wb.screenshot('tree-back');
  });
});

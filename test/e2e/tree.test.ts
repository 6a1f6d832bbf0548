import * as assert from 'node:assert/strict';
import { RegistryClient } from '../../src/registry/client';
import { eventually } from '../support/eventually';
import { served } from './support/serverLog';
import { useE2eSession } from './support/session';

const WALKTHROUGH = 'power-forecasting-model';
const BIG = 'e2e-many-versions';

describe('the registry tree in a real VS Code (code-server + Chromium)', function () {
  this.timeout(180_000);
  const session = useE2eSession({
    prepare: async (server) => {
      const client = new RegistryClient({ baseUrl: server.url });
      const source = (await client.versions.get(WALKTHROUGH, 4)).source!;
      await client.models.create(BIG, { description: 'A model with 250 versions, to page through.' });
      for (let i = 0; i < 250; i++) await client.versions.create(BIG, source, { modelId: source.slice('models:/'.length) });
      await client.close();
    },
  });
  it('opening the view lists the models with one search request and none per model', async () => {
    const searchesBefore = served(session.mlflow, 'registered-models/search');
    await session.wb.openRegistryView();
    await session.wb.row(WALKTHROUGH).waitFor({ timeout: 60_000 });
    await session.wb.row(BIG).waitFor();
    // The rows are drawn from the search's answer; its log line may land a moment later.
    await eventually(() => assert.ok(served(session.mlflow, 'registered-models/search') > searchesBefore), {
      timeout: 10_000,
      message: 'the search in the server log',
    });
    assert.equal(served(session.mlflow, 'registered-models/search') - searchesBefore, 1, 'exactly one search');
    assert.equal(served(session.mlflow, 'model-versions/search'), 0, 'no version search before a model is expanded');
    assert.equal(served(session.mlflow, 'registered-models/get?'), 0, 'no request per model');
    const rows = await session.wb.rowTexts();
    assert.ok(
      rows.some((r) => r.startsWith(WALKTHROUGH) && r.includes('Production v2 · Staging v3 · None v4')),
      rows.join('\n'),
    );
    await session.wb.screenshot('tree-models');
  });

  it('expanding the walkthrough model shows Production (v2, v1), Staging (v3), None (v4) with their aliases', async () => {
    await session.wb.setExpanded(session.wb.row(WALKTHROUGH), true);
    await session.wb.row('Version 4').waitFor({ timeout: 30_000 });
    const rows = await session.wb.rowTexts();
    const at = rows.findIndex((r) => r.startsWith(WALKTHROUGH));
    // "Version 2 @champion · 3 minutes ago": keep the label and the aliases, drop the age.
    const under = rows.slice(at + 1, at + 8).map((r) =>
      r
        .split(' · ')[0]
        .replace(/ \S+ \S+ ago$/, '')
        .replace(/ (now|yesterday)$/, ''),
    );
    assert.deepEqual(under, [
      'Production 2',
      'Version 2 @champion',
      'Version 1',
      'Staging 1',
      'Version 3 @challenger',
      'None 1',
      'Version 4',
    ]);
    await session.wb.screenshot('tree-walkthrough-expanded');
  });

  it('"Copy Model URI…" on the Staging row copies models:/power-forecasting-model/Staging', async () => {
    await session.wb.contextMenu(session.wb.row('Staging'), 'Copy Model URI…');
    await eventually(async () => assert.equal(await session.wb.clipboardText(), 'models:/power-forecasting-model/Staging'), {
      timeout: 10_000,
      interval: 250,
      message: 'the URI on the clipboard',
    });
  });

  it('"Open in MLflow Web UI" on Version 2 opens that version\'s page of the MLflow web UI', async () => {
    const url = await session.wb.externalPageOpenedBy(() => session.wb.contextMenu(session.wb.row('Version 2'), 'Open in MLflow Web UI'));
    // Through asExternalUri: code-server maps a loopback server to its own /proxy/<port>/ path.
    const port = session.mlflow.port;
    const expected = [`${session.mlflow.url}/#/models/${WALKTHROUGH}/versions/2`, `/proxy/${port}/#/models/${WALKTHROUGH}/versions/2`];
    assert.ok(url === expected[0] || url.endsWith(expected[1]), url);
  });

  it("a model's tooltip shows its description", async () => {
    await session.wb.row(WALKTHROUGH).hover();
    const hover = session.wb.page.locator('.monaco-hover').filter({ hasText: 'forecasts the power output of a wind farm' }).first();
    await hover.waitFor({ timeout: 15_000 });
    await session.wb.screenshot('tree-model-tooltip');
    await session.wb.page.mouse.move(900, 600);
    await session.wb.setExpanded(session.wb.row(WALKTHROUGH), false);
  });

  it('a model with 250 versions pages with "Load more…" and counts read N+ until every page is in', async () => {
    const searchesBefore = served(session.mlflow, 'model-versions/search');
    await session.wb.setExpanded(session.wb.row(BIG), true);
    const none = session.wb.row('None');
    await none.waitFor({ timeout: 30_000 });
    assert.match(await none.innerText(), /100\+/);
    await session.wb.setExpanded(none, false); // fold the 100 rows so "Load more…" is on screen
    await session.wb.row('Load more…').click();
    await session.wb.page.locator('.part.sidebar .monaco-list-row:has-text("200+")').waitFor({ timeout: 30_000 });
    await session.wb.row('Load more…').click();
    await session.wb.page.locator('.part.sidebar .monaco-list-row:has(.label-description:text-is("250"))').waitFor({ timeout: 30_000 });
    assert.equal(await session.wb.row('Load more…').count(), 0, 'no "Load more…" once every page is loaded');
    assert.equal(served(session.mlflow, 'model-versions/search') - searchesBefore, 3, 'three pages of 100, 100 and 50');
    await session.wb.screenshot('tree-paged-250');
  });

  it('a stopped server shows the unreachable message; after a restart, Retry brings the tree back', async () => {
    await session.mlflow.halt();
    await session.wb.runCommand('MLflow: Refresh');
    const message = session.wb.page.locator('.part.sidebar').getByText('nothing is listening there', { exact: false });
    await message.waitFor({ timeout: 30_000 });
    // VS Code hides welcome content while a view has a message, so Retry and Show Log are view actions.
    const retry = session.wb.page.locator('.part.sidebar .title-actions .action-label[aria-label="Retry"]');
    await retry.waitFor({ timeout: 10_000 });
    assert.equal(await session.wb.page.locator('.part.sidebar .title-actions .action-label[aria-label="Show Log"]').count(), 1);
    assert.equal(await session.wb.page.locator('.notification-toast').count(), 0, 'no burst of notifications');
    await session.wb.screenshot('tree-unreachable');
    await session.mlflow.resume();
    await retry.click();
    await session.wb.row(WALKTHROUGH).waitFor({ timeout: 30_000 });
    assert.equal(await message.count(), 0, 'the message is gone');
    await session.wb.screenshot('tree-back');
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RegistryClient } from '../../src/registry/client';
import type { MlflowServer } from '../../scripts/testbed/mlflowServer';
import { eventually } from '../support/eventually';
import { served } from './support/serverLog';
import { useE2eSession } from './support/session';

const WALKTHROUGH = 'power-forecasting-model';
/** Models of this suite's own, so the list has several rows whose name and update orders differ. */
const OWN = ['e2e-view-alpha', 'e2e-view-beta', 'e2e-view-gamma'];
const TOUCHED = 'e2e-view-beta';
const ARRIVED = 'e2e-view-arrived-later';

interface RestModel {
  name: string;
  last_updated_timestamp: number;
}

/** Every model the server holds, straight from its REST API (not through the extension's client). */
async function restModels(server: MlflowServer): Promise<RestModel[]> {
  const res = await fetch(`${server.url}/api/2.0/mlflow/registered-models/search?max_results=1000`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { registered_models: RestModel[] }).registered_models;
}

describe('view options, refresh and the log in a real VS Code (code-server + Chromium)', function () {
  this.timeout(180_000);
  const session = useE2eSession({
    prepare: async (server) => {
      const client = new RegistryClient({ baseUrl: server.url });
      for (const name of OWN) await client.models.create(name, { description: 'A model of the view-options e2e suite.' });
      await client.close();
    },
  });
  const page = () => session.wb.page;

  /** The top-level (model) rows' labels, in screen order. */
  async function modelRows(): Promise<string[]> {
    return page()
      .locator('.part.sidebar .monaco-list-row[aria-level="1"]')
      .evaluateAll((rows) =>
        rows
          .map((r) => ({ at: Number(r.getAttribute('data-index') ?? 0), label: r.querySelector('.label-name')?.textContent?.trim() ?? '' }))
          .sort((a, b) => a.at - b.at)
          .map((r) => r.label),
      );
  }

  /** Waits until the model rows are exactly `expected` (the tree reloads asynchronously). */
  async function waitForModelRows(expected: string[]): Promise<void> {
    await eventually(async () => assert.deepEqual(await modelRows(), expected), { interval: 250, message: 'the model rows' });
  }

  /** "MLflow: Sort Models By…" from the Command Palette, then the quick pick entry `choice`. */
  async function sortFromPalette(choice: string, screenshot?: string): Promise<void> {
    await session.wb.runCommand('MLflow: Sort Models By');
    const widget = page().locator('.quick-input-widget');
    await widget.getByText('Sort Models By', { exact: false }).first().waitFor({ timeout: 15_000 });
    await widget.locator('.monaco-list-row').filter({ hasText: 'Last updated' }).waitFor();
    await widget.locator('input').fill(choice);
    // Enter takes the focused row: wait until the filtered list has put the choice there.
    await eventually(
      async () =>
        assert.match(
          (await widget.locator('.monaco-list-row.focused').first().textContent({ timeout: 1000 })) ?? '',
          new RegExp(`^\\s*${choice}`),
        ),
      { timeout: 10_000, message: `"${choice}" focused in the quick pick` },
    );
    if (screenshot) await session.wb.screenshot(screenshot);
    await page().keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** `mlflowRegistry.tree.sortBy` as written in the user's or the workspace's settings file. */
  function writtenSortBy(): { user?: unknown; workspace?: unknown } {
    const read = (file: string) =>
      fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)['mlflowRegistry.tree.sortBy']
        : undefined;
    return {
      user: read(path.join(session.vscode.userDataDir, 'User', 'settings.json')),
      workspace: read(path.join(session.vscode.workspace, '.vscode', 'settings.json')),
    };
  }

  it('"Sort Models By…" → Last updated orders the models most recently updated first, and → Name back A to Z', async () => {
    await session.wb.openRegistryView();
    const alphabetical = [...OWN, WALKTHROUGH].sort();
    await waitForModelRows(alphabetical);

    // Touch a model in the middle of the alphabet, so "last updated" cannot coincide with name order.
    const client = new RegistryClient({ baseUrl: session.mlflow.url });
    await client.models.update(TOUCHED, 'Touched by the e2e suite just before sorting.');
    await client.close();
    const expected = (await restModels(session.mlflow))
      .sort((a, b) => b.last_updated_timestamp - a.last_updated_timestamp || a.name.localeCompare(b.name))
      .map((m) => m.name);
    assert.equal(expected[0], TOUCHED, `the touched model is the most recently updated: ${expected.join(', ')}`);
    assert.notDeepEqual(expected, alphabetical, 'the two orders differ, so the test can tell them apart');

    await sortFromPalette('Last updated', 'view-sort-quick-pick');
    await waitForModelRows(expected);
    await eventually(() => assert.equal(writtenSortBy().user ?? writtenSortBy().workspace, 'lastUpdated'), {
      message: 'sortBy in a settings file',
    });
    assert.deepEqual(
      writtenSortBy(),
      { user: 'lastUpdated', workspace: undefined },
      'written to the user settings (no workspace value existed)',
    );
    await session.wb.calmMouse();
    await session.wb.screenshot('view-sorted-last-updated');

    await sortFromPalette('Name');
    await waitForModelRows(alphabetical);
    await eventually(() => assert.equal(writtenSortBy().user, 'name'), { message: 'sortBy name in the user settings' });
    await session.wb.screenshot('view-sorted-name');
  });

  it('Refresh reloads the tree from the server and keeps the expanded model and the selected version', async () => {
    const wb = session.wb;
    await wb.setExpanded(wb.row(WALKTHROUGH), true);
    const staging = wb.row('Staging');
    await staging.waitFor({ timeout: 30_000 });
    await wb.setExpanded(staging, true);
    const version3 = wb.row('Version 3');
    await version3.waitFor({ timeout: 30_000 });
    await version3.click();
    await eventually(async () => assert.equal(await version3.getAttribute('aria-selected'), 'true'), { message: 'Version 3 selected' });
    // Fold Production so the state after the refresh is not simply every group's default.
    await wb.setExpanded(wb.row('Production'), false);

    // A change only a reload can show, and a count of the version searches the reload must repeat.
    const client = new RegistryClient({ baseUrl: session.mlflow.url });
    await client.models.create(ARRIVED, { description: 'Created on the server after the view was loaded.' });
    await client.close();
    assert.equal(await wb.row(ARRIVED).count(), 0, 'not shown before a refresh');
    const versionSearches = served(session.mlflow, 'model-versions/search');
    const modelSearches = served(session.mlflow, 'registered-models/search');

    // No calmMouse here: its Escape in a focused tree clears the selection (VS Code's list.clear).
    assert.equal(await version3.getAttribute('aria-selected'), 'true', 'Version 3 is selected before the refresh');
    await page().locator('.part.sidebar .title-actions .action-label[aria-label="Refresh"]').click();
    await wb.row(ARRIVED).waitFor({ timeout: 30_000 });
    await eventually(() => assert.ok(served(session.mlflow, 'model-versions/search') > versionSearches), {
      message: "the expanded model's versions fetched again",
    });
    assert.ok(served(session.mlflow, 'registered-models/search') > modelSearches, 'the model list was searched again');
    await wb.row('Version 3').waitFor({ timeout: 30_000 });

    // The reloaded rows settle a moment after they appear: poll the state a person would check.
    await eventually(
      async () => {
        assert.equal(await wb.row(WALKTHROUGH).getAttribute('aria-expanded'), 'true', 'the model stays expanded');
        assert.equal(await wb.row('Staging').getAttribute('aria-expanded'), 'true', 'the Staging group stays expanded');
        assert.equal(await wb.row('Production').getAttribute('aria-expanded'), 'false', 'the folded Production group stays folded');
        assert.equal(await wb.row('Version 3').getAttribute('aria-selected'), 'true', 'Version 3 is still selected');
        const selected = await page().locator('.part.sidebar .monaco-list-row[aria-selected="true"] .label-name').allTextContents();
        assert.deepEqual(
          selected.map((s) => s.trim()),
          ['Version 3'],
          'and nothing else is',
        );
      },
      { timeout: 10_000, interval: 250, message: 'the tree state kept through the refresh' },
    );
    await page().mouse.move(900, 700); // off the tree, without the Escape that would clear the selection
    await wb.screenshot('view-refreshed-kept-state');
  });

  it('the Filter action narrows the list to the models whose name holds the text, says so, and Clear Filter restores every model', async () => {
    const all = (await restModels(session.mlflow)).map((m) => m.name).sort();
    await waitForModelRows(all);
    await page().locator('.part.sidebar [aria-label^="Filter Models"]').first().click();
    const input = page().locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('GAMMA'); // a name part, any case
    await page().keyboard.press('Enter');
    await waitForModelRows(['e2e-view-gamma']);
    await page().locator('.part.sidebar').getByText('Showing models matching', { exact: false }).waitFor({ timeout: 15_000 });
    await session.wb.screenshot('view-filtered');
    await page().locator('.part.sidebar [aria-label="Clear Filter"]').first().click();
    await waitForModelRows(all);
    assert.equal(
      await page().locator('.part.sidebar').getByText('Showing models matching', { exact: false }).count(),
      0,
      'the notice goes with the filter',
    );
  });

  it('"MLflow: Show Log" opens the Output panel on the "MLflow Model Registry" channel with the connect line', async () => {
    await session.wb.runCommand('MLflow: Show Log');
    const panel = page().locator('.part.panel');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    await eventually(
      async () => {
        const select = panel.locator('select.monaco-select-box').first();
        assert.ok(await select.isVisible(), 'no channel picker yet');
        assert.equal(await select.evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.text), 'MLflow Model Registry');
      },
      { interval: 250, message: 'the Output view on the "MLflow Model Registry" channel' },
    );
    // The connect line (describeConnection, logged at info level when the connection is built).
    const lines = panel.locator('.monaco-editor .view-lines');
    await lines.getByText('MLflow connection: MLflow server registry', { exact: false }).waitFor({ timeout: 15_000 });
    await lines.getByText(`tracking URI: ${session.mlflow.url} (setting mlflowRegistry.trackingUri)`, { exact: false }).waitFor();
    await session.wb.calmMouse();
    await session.wb.screenshot('view-show-log');
  });
});

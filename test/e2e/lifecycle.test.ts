/**
 * The walkthrough's registry half through the UI of a real VS Code (code-server + Chromium),
 * on a model this suite creates itself, with two versions registered from the walkthrough's
 * runs through Register a Version: transitions from the context menu and by drag and
 * drop, Undo, aliases, rename with F2, delete with the Delete key and by typing the name.
 * After each step both the tree and the server are checked.
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import * as actions from '../../src/lifecycle/actions';
import { RegistryClient } from '../../src/registry/client';
import { eventually } from '../support/eventually';
import { useE2eSession } from './support/session';

const MODEL = `e2e-lifecycle-${Date.now().toString(36)}`;
const RENAMED = `${MODEL}-renamed`;

describe('managing a model from the tree in a real VS Code', function () {
  this.timeout(180_000);
  let client: RegistryClient;
  // The seeded walkthrough: its experiment's runs are what versions get registered from.
  const session = useE2eSession();
  before(() => {
    client = new RegistryClient({ baseUrl: session.mlflow.url });
  });
  after(() => client.close());

  const page = () => session.wb.page;
  const stageOf = async (version: string, model = MODEL) => (await client.versions.get(model, version)).currentStage;
  /** The stage group row a version row sits under, read from the screen. */
  const groupOf = async (label: string): Promise<string> => {
    const rows = await session.wb.rowTexts();
    const at = rows.findIndex((r) => r === label || r.startsWith(`${label} `));
    assert.ok(at >= 0, `${label} is on screen:\n${rows.join('\n')}`);
    const group = rows
      .slice(0, at)
      .reverse()
      .find((r) => /^(Production|Staging|None|Archived) \d+/.test(r));
    return group?.split(' ')[0] ?? '';
  };

  /** Types into the open quick pick and takes the entry that comes first for that text. */
  async function choose(text: string): Promise<void> {
    const input = page().locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(text);
    const focused = page().locator('.quick-input-widget .monaco-list-row.focused').first();
    await eventually(async () => assert.ok(((await focused.textContent({ timeout: 1000 })) ?? '').includes(text)), {
      timeout: 15_000,
      message: `"${text}" focused in the quick pick`,
    });
    await page().keyboard.press('Enter');
  }

  /** Waits until the open quick input's title, prompt or placeholder says `asking`. */
  async function asked(asking: RegExp): Promise<void> {
    const widget = page().locator('.quick-input-widget');
    await eventually(
      async () => {
        const text = `${(await widget.textContent({ timeout: 1000 })) ?? ''} ${(await widget.locator('input').getAttribute('placeholder', { timeout: 1000 })) ?? ''}`;
        assert.match(text, asking);
      },
      { timeout: 15_000, message: `a quick input asking ${asking}` },
    );
  }

  /** Waits for the input box that says `asking`, types `value` and accepts it. */
  async function answer(asking: RegExp, value: string): Promise<void> {
    await asked(asking);
    await enter(value);
  }

  /** Waits for the quick pick that says `asking`, and takes the entry for `text`. */
  async function pick(asking: RegExp, text: string): Promise<void> {
    await asked(asking);
    await choose(text);
  }

  /** Types a value into an input box (no list) and accepts it. */
  async function enter(value: string): Promise<void> {
    const input = page().locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(value);
    await page().keyboard.press('Enter');
  }

  /**
   * Presses a key on the selected row until what it opens shows: the keybinding's when clause
   * reads a context key the extension sets when the selection changes, a moment after the click.
   */
  async function pressOnSelection(key: string, opens: Locator): Promise<void> {
    await eventually(
      async () => {
        if (!(await opens.isVisible())) await page().keyboard.press(key);
        await opens.waitFor({ state: 'visible', timeout: 1500 });
      },
      { timeout: 15_000, message: `${key} opens what it should` },
    );
  }

  function toast(text: RegExp): Locator {
    return page().locator('.notification-toast', { hasText: text }).first();
  }

  async function dismissToasts(): Promise<void> {
    for (const close of await page().locator('.notification-toast .codicon-notifications-clear').all())
      await close.click().catch(() => undefined);
  }

  it('creates the model from the Command Palette: name, description, a tag', async () => {
    await session.wb.openRegistryView();
    await session.wb.row('power-forecasting-model').waitFor({ timeout: 60_000 });
    await session.wb.runCommand('MLflow: Create a Registered Model…');
    await answer(/Create a Registered Model/, MODEL);
    await answer(/Description of/, 'Power forecasts for the e2e wind farm.');
    await answer(/Tags of/, 'team=wind');
    await answer(/Tags so far: team=wind/, '');
    await session.wb.row(MODEL).waitFor({ timeout: 30_000 });
    const created = await client.models.get(MODEL);
    assert.equal(created.description, 'Power forecasts for the e2e wind farm.');
    assert.deepEqual(created.tags, [{ key: 'team', value: 'wind' }]);
    await dismissToasts();
  });

  for (const [n, run] of [
    ['1', 'linear'],
    ['2', 'mlp'],
  ] as const) {
    it(`registers version ${n} from the walkthrough's ${run} run through the model's context menu`, async () => {
      await session.wb.contextMenu(session.wb.row(MODEL), 'Register a Version from a Run…');
      await pick(/experiment of the run/, 'wind-farm-power-forecast');
      await pick(/Pick a run/, run);
      await eventually(async () => assert.equal((await client.versions.get(MODEL, n)).status, 'READY'), {
        timeout: 30_000,
        message: `version ${n} registered and ready on the server`,
      });
      const version = await client.versions.get(MODEL, n);
      const runRecord = await client.tracking.getRun(version.runId!);
      assert.equal(runRecord.info.runName, run, 'registered from the run that was picked');
      assert.match(version.source ?? '', /^models:\/m-/, 'registered from its MLflow 3 logged model');
      await toast(new RegExp(`as version ${n} of`)).waitFor({ timeout: 15_000 });
      await dismissToasts();
    });
  }

  it('shows the model and its two versions, both in None', async () => {
    await session.wb.row(MODEL).waitFor({ timeout: 60_000 });
    await session.wb.setExpanded(session.wb.row(MODEL), true);
    await session.wb.row('Version 2').waitFor({ timeout: 30_000 });
    assert.equal(await groupOf('Version 1'), 'None');
    assert.equal(await groupOf('Version 2'), 'None');
  });

  it('moves version 1 to Production from its context menu', async () => {
    await session.wb.contextMenu(session.wb.row('Version 1'), 'Transition Stage…');
    await choose('Production');
    await eventually(async () => assert.equal(await stageOf('1'), 'Production'), {
      timeout: 20_000,
      message: 'v1 in Production on the server',
    });
    await eventually(async () => assert.equal(await groupOf('Version 1'), 'Production'), {
      timeout: 20_000,
      message: 'v1 under Production in the tree',
    });
    await toast(/Moved version 1 of .* to Production/).waitFor({ timeout: 10_000 });
    await dismissToasts();
  });

  it('moves version 2 to Staging, then drags it onto Production and archives version 1 on the way', async () => {
    await session.wb.contextMenu(session.wb.row('Version 2'), 'Transition Stage…');
    await choose('Staging');
    await eventually(async () => assert.equal(await groupOf('Version 2'), 'Staging'), { timeout: 20_000, message: 'v2 under Staging' });
    await dismissToasts();
    await session.wb.calmMouse();
    await session.wb.row('Version 2').dragTo(session.wb.row('Production'));
    const input = page().locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await session.wb.screenshot('lifecycle-archive-question');
    await choose('also archive version 1');
    await eventually(
      async () => {
        assert.equal(await stageOf('2'), 'Production');
        assert.equal(await stageOf('1'), 'Archived');
      },
      { timeout: 20_000, message: 'v2 Production and v1 Archived on the server' },
    );
    await eventually(async () => assert.equal(await groupOf('Version 2'), 'Production'), {
      timeout: 20_000,
      message: 'v2 under Production',
    });
    await toast(/and archived version 1/).waitFor({ timeout: 10_000 });
  });

  it('Undo puts both versions back where they were', async () => {
    await toast(/and archived version 1/)
      .locator('.monaco-button', { hasText: 'Undo' })
      .click();
    await eventually(
      async () => {
        assert.equal(await stageOf('2'), 'Staging');
        assert.equal(await stageOf('1'), 'Production');
      },
      { timeout: 20_000, message: 'v2 Staging and v1 Production again on the server' },
    );
    await eventually(
      async () => {
        assert.equal(await groupOf('Version 1'), 'Production');
        assert.equal(await groupOf('Version 2'), 'Staging');
      },
      { timeout: 20_000, message: 'the tree shows the stages back' },
    );
    await toast(/^Undone/).waitFor({ timeout: 10_000 });
    await dismissToasts();
  });

  it('sets an alias on version 1, then moves it to version 2', async () => {
    await session.wb.contextMenu(session.wb.row('Version 1'), 'Set Alias…');
    await enter('champion');
    await eventually(async () => assert.equal((await client.models.get(MODEL)).aliases.find((a) => a.alias === 'champion')?.version, '1'), {
      timeout: 20_000,
      message: '@champion on v1 on the server',
    });
    await eventually(async () => assert.ok((await session.wb.rowTexts()).some((r) => r.startsWith('Version 1 @champion'))), {
      timeout: 20_000,
      message: 'Version 1 shows @champion',
    });
    await dismissToasts();
    await session.wb.contextMenu(session.wb.row('Version 2'), 'Set Alias…');
    await choose('@champion');
    await eventually(async () => assert.equal((await client.models.get(MODEL)).aliases.find((a) => a.alias === 'champion')?.version, '2'), {
      timeout: 20_000,
      message: '@champion moved to v2 on the server',
    });
    await toast(/Moved @champion of .* from version 1 to version 2/).waitFor({ timeout: 10_000 });
    await eventually(async () => assert.ok((await session.wb.rowTexts()).some((r) => r.startsWith('Version 2 @champion'))), {
      timeout: 20_000,
      message: 'Version 2 shows @champion',
    });
    await dismissToasts();
  });

  it('an invalid alias is refused as it is typed, and nothing is sent', async () => {
    await session.wb.contextMenu(session.wb.row('Version 1'), 'Set Alias…');
    await choose('New alias');
    const input = page().locator('.quick-input-widget input');
    await input.fill('v2');
    await page()
      .locator('.quick-input-widget', { hasText: /reserved/ })
      .waitFor({ timeout: 10_000 });
    await page().keyboard.press('Enter'); // refused: the box stays open
    await page().keyboard.press('Escape');
    assert.deepEqual(
      (await client.models.get(MODEL)).aliases.map((a) => a.alias),
      ['champion'],
    );
  });

  it('renames the model with F2; the tree follows it', async () => {
    await session.wb.calmMouse();
    await session.wb.row(MODEL).click();
    await pressOnSelection('F2', page().locator('.quick-input-widget input'));
    await enter(RENAMED);
    await eventually(async () => assert.equal((await client.models.get(RENAMED)).name, RENAMED), {
      timeout: 20_000,
      message: 'renamed on the server',
    });
    await session.wb.row(RENAMED).waitFor({ timeout: 20_000 });
    assert.equal(await session.wb.row(MODEL).count(), 0, 'the old name is gone from the tree');
    await dismissToasts();
  });

  it('deletes version 1 with the Delete key after a confirmation that says what goes', async () => {
    await session.wb.setExpanded(session.wb.row(RENAMED), true);
    await session.wb.row('Version 1').waitFor({ timeout: 20_000 });
    await session.wb.calmMouse();
    await session.wb.row('Version 1').click();
    const dialog = page().locator('.monaco-dialog-box');
    await pressOnSelection('Delete', dialog);
    const text = (await dialog.textContent()) ?? '';
    assert.match(text, /Delete version 1 of/);
    assert.match(text, /in Production/);
    assert.match(text, /cannot be undone/);
    await session.wb.screenshot('lifecycle-delete-version-dialog');
    await dialog.locator('.monaco-button', { hasText: /^Delete$/ }).click();
    await eventually(
      async () =>
        assert.deepEqual(
          (await actions.allVersions(client, RENAMED)).map((v) => v.version),
          ['2'],
        ),
      {
        timeout: 20_000,
        message: 'only version 2 left on the server',
      },
    );
    await eventually(async () => assert.equal(await session.wb.row('Version 1').count(), 0), {
      timeout: 20_000,
      message: 'Version 1 gone from the tree',
    });
    await dismissToasts();
  });

  it('deletes the model after its name is typed; the dialog names its Staging version and alias', async () => {
    await session.wb.contextMenu(session.wb.row(RENAMED), 'Delete Registered Model…');
    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    const text = (await dialog.textContent()) ?? '';
    assert.match(text, /Version 2 is in Staging/);
    assert.match(text, /@champion points to version 2/);
    await session.wb.screenshot('lifecycle-delete-model-dialog');
    await dialog.locator('.monaco-button', { hasText: /^Continue/ }).click();
    const input = page().locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(RENAMED.slice(0, -1));
    await page().keyboard.press('Enter'); // not the name: nothing happens
    assert.equal((await client.models.get(RENAMED)).name, RENAMED);
    await enter(RENAMED);
    await eventually(async () => assert.equal(await session.wb.row(RENAMED).count(), 0), {
      timeout: 20_000,
      message: 'the model left the tree',
    });
    await assert.rejects(client.models.get(RENAMED), /Not found|RESOURCE_DOES_NOT_EXIST/);
  });
});

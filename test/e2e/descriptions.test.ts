/**
 * A description edited as a person does it in a real VS Code (code-server + Chromium): Edit
 * Description from the tree's context menu opens a Markdown tab, typing and Ctrl+S save it to
 * the registry; a save after someone else's change is refused with Compare / Overwrite / Keep
 * Editing; Undo brings the previous text back; the tab follows a rename. Screenshots in test-artifacts/screenshots/.
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { RegistryClient } from '../../src/registry/client';
import { eventually } from '../support/eventually';
import { useE2eSession } from './support/session';

const MODEL = `e2e-descriptions-${Date.now().toString(36)}`;
const TAB = `${MODEL} — description.md`;
const RENAMED = `${MODEL}-renamed`;
const FIRST = 'Registered by the e2e descriptions suite.';
/** Our notification, not VS Code's "Failed to save" one, which gives the same reason. */
const CONFLICT = /since you opened it\. Your text is not saved yet/;
const TYPED = '# Wind farm model\n\nForecasts the power output of the wind farm.';

describe('editing a description in an editor tab in a real VS Code', function () {
  this.timeout(180_000);
  let client: RegistryClient;
  const session = useE2eSession({
    mlflow: { seed: false },
    prepare: async (server) => {
      const c = new RegistryClient({ baseUrl: server.url });
      await c.models.create(MODEL, { description: FIRST });
      await c.versions.create(MODEL, 's3://bucket/e2e-descriptions/v1');
      await c.close();
    },
    // VS Code for the web saves after a delay by default; here Ctrl+S saves, as on a desktop.
    vscode: (server) => ({ settings: { 'mlflowRegistry.trackingUri': server.url, 'files.autoSave': 'off' } }),
  });
  before(() => {
    client = new RegistryClient({ baseUrl: session.mlflow.url });
  });
  after(() => client.close());

  const page = () => session.wb.page;
  const description = async () => (await client.models.get(MODEL)).description;
  const tab = (title: string) => page().locator('.tabs-container .tab', { hasText: title }).first();
  const editorText = async () =>
    ((await page().locator('.editor-group-container.active .monaco-editor .view-lines').first().textContent()) ?? '').replace(
      /\u00a0/g,
      ' ',
    );
  const toast = (text: RegExp): Locator => page().locator('.notification-toast', { hasText: text }).first();
  const button = (toastText: RegExp, label: string) =>
    toast(toastText)
      .locator('.monaco-button', { hasText: new RegExp(`^${label}$`) })
      .first();

  async function dismissToasts(): Promise<void> {
    for (const close of await page().locator('.notification-toast .codicon-notifications-clear').all())
      await close.click({ timeout: 1000 }).catch(() => undefined);
  }

  /** Puts the caret in a description's editor. */
  async function focusEditorOf(title: string): Promise<void> {
    await tab(title).click();
    await page().locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  }
  const focusEditor = () => focusEditorOf(TAB);

  it('opens from the context menu as a Markdown tab named after the model, and Ctrl+S saves what was typed', async () => {
    await session.wb.openRegistryView();
    await session.wb.row(MODEL).waitFor({ timeout: 60_000 });
    await session.wb.contextMenu(session.wb.row(MODEL), 'Edit Description');
    await tab(TAB).waitFor({ timeout: 30_000 });
    await eventually(async () => assert.equal(await editorText(), FIRST), {
      timeout: 15_000,
      message: "the registry's text in the editor",
    });
    await focusEditor();
    await page().keyboard.press('Control+A');
    await page().keyboard.type(TYPED);
    await page().locator('.tabs-container .tab.dirty').first().waitFor({ timeout: 10_000 });
    await page().keyboard.press('Control+S');
    await eventually(async () => assert.equal(await description(), TYPED), { timeout: 20_000, message: 'the typed text on the server' });
    await eventually(async () => assert.equal(await page().locator('.tabs-container .tab.dirty').count(), 0), {
      timeout: 10_000,
      message: 'the tab no longer dirty',
    });
    await toast(/Saved the description of/).waitFor({ timeout: 10_000 });
    // Markdown: Open Preview to the Side, by its keybinding (the palette ranks "Open Locked Preview…" first).
    await focusEditor();
    await page().keyboard.press('Control+K');
    await page().keyboard.press('V');
    await page().locator('.tabs-container .tab', { hasText: 'Preview' }).first().waitFor({ timeout: 30_000 });
    // The preview is a webview (a frame inside VS Code's own): it renders the heading typed above.
    await eventually(
      async () => {
        for (const frame of page().frames()) {
          const h1 = await frame
            .locator('h1')
            .first()
            .textContent({ timeout: 200 })
            .catch(() => null);
          if (h1?.trim() === 'Wind farm model') return true;
        }
        throw new Error('no preview frame shows the heading yet');
      },
      { timeout: 30_000, interval: 250, message: 'the Markdown preview rendering the description' },
    );
    await session.wb.calmMouse();
    await session.wb.screenshot('description-editor-and-preview');
  });

  it("refuses a save after someone else's change, keeps the typed text, and offers Compare, then Overwrite", async () => {
    await dismissToasts();
    await focusEditor();
    await page().keyboard.press('Control+End');
    await page().keyboard.type(' Mine.');
    await client.models.update(MODEL, 'Theirs: changed in the web UI.');
    await page().keyboard.press('Control+S');
    await toast(CONFLICT).waitFor({ timeout: 20_000 });
    await toast(/Failed to save .*Someone else changed the description of/).waitFor({ timeout: 10_000 });
    await session.wb.screenshot('description-conflict');
    assert.equal(await description(), 'Theirs: changed in the web UI.', 'theirs stays on the server');
    assert.equal(await page().locator('.tabs-container .tab.dirty').count(), 1, 'the tab stays dirty');
    assert.ok((await editorText()).endsWith('wind farm. Mine.'), 'the typed text stays in the editor');

    await button(CONFLICT, 'Compare').click();
    await tab(`${MODEL}: theirs (registry) ↔ yours`).waitFor({ timeout: 20_000 });
    await session.wb.calmMouse();
    await session.wb.screenshot('description-compare');

    // After comparing, the choice is offered again.
    await button(CONFLICT, 'Overwrite').click();
    await eventually(async () => assert.equal(await description(), `${TYPED} Mine.`), { timeout: 20_000, message: 'mine over theirs' });
    await eventually(async () => assert.equal(await page().locator('.tabs-container .tab.dirty').count(), 0), {
      timeout: 10_000,
      message: 'nothing dirty after overwriting',
    });
  });

  it('Undo after a save brings the previous text back, on the server and in the editor', async () => {
    await button(/Saved the description of/, 'Undo').click();
    await eventually(async () => assert.equal(await description(), 'Theirs: changed in the web UI.'), {
      timeout: 20_000,
      message: 'the previous text on the server',
    });
    await tab(TAB).click();
    await eventually(async () => assert.equal(await editorText(), 'Theirs: changed in the web UI.'), {
      timeout: 20_000,
      message: 'the previous text in the editor',
    });
  });

  it('follows a rename of its model: the tab takes the new name and keeps the unsaved text, which then saves there', async () => {
    await dismissToasts();
    await focusEditor();
    await page().keyboard.press('Control+End');
    await page().keyboard.type(' Unsaved.');
    await page().locator('.tabs-container .tab.dirty').first().waitFor({ timeout: 10_000 });
    await session.wb.contextMenu(session.wb.row(MODEL), 'Rename Model…');
    const input = page().locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(RENAMED);
    await page().keyboard.press('Enter');
    await tab(`${RENAMED} — description.md`).waitFor({ timeout: 30_000 });
    await eventually(async () => assert.equal(await page().locator('.tabs-container .tab', { hasText: TAB }).count(), 0), {
      timeout: 15_000,
      message: 'the tab of the old name closed',
    });
    assert.equal(await page().locator('.tabs-container .tab.dirty').count(), 1, 'the new tab is dirty');
    await focusEditorOf(`${RENAMED} — description.md`);
    assert.equal(await editorText(), 'Theirs: changed in the web UI. Unsaved.');
    await session.wb.calmMouse();
    await session.wb.screenshot('description-after-rename');
    await focusEditorOf(`${RENAMED} — description.md`);
    await page().keyboard.press('Control+S');
    await eventually(async () => assert.equal((await client.models.get(RENAMED)).description, 'Theirs: changed in the web UI. Unsaved.'), {
      timeout: 20_000,
      message: 'the unsaved text saved to the renamed model',
    });
  });
});

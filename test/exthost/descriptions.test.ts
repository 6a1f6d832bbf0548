import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../src/api';
import { DESCRIPTION_SCHEME, descriptionPath } from '../../src/descriptions/paths';
import { RegistryClient } from '../../src/registry/client';
import type { ModelVersion, RegisteredModel } from '../../src/registry/types';
import { MAX_DESCRIPTION } from '../../src/registry/validate';
import { eventually } from '../support/eventually';
import { activateExtension, requestMark, requestsSince } from './support/extension';

/** A model name no other test or run uses (as the integration suite's uniqueName). */
const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

const uriOf = (subject: { model: string; version?: string }) =>
  vscode.Uri.from({ scheme: DESCRIPTION_SCHEME, path: descriptionPath(subject) });

/** Rows as the Models view hands them to its context menu. */
const modelRow = (model: RegisteredModel) => ({ kind: 'model', id: `model:${model.name}`, model });
const versionRow = (version: ModelVersion) => ({
  kind: 'version',
  id: `version:${version.name}:${version.version}`,
  version,
  aliases: [],
});

/** Runs Edit Description on a row, as its context menu does; the document it opened in the active editor. */
async function editFromRow(row: unknown, expected: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('mlflowRegistry.editDescription', row);
  const doc = vscode.window.activeTextEditor?.document;
  assert.equal(doc?.uri.toString(), expected.toString(), 'the description is the active editor');
  return doc;
}

async function replaceText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
  assert.equal(doc.getText(), text);
  assert.ok(doc.isDirty, 'the edit made the document dirty');
}

/** Closes every description tab without a "save changes?" prompt (a refused save leaves them dirty). */
async function closeDescriptions(): Promise<void> {
  for (;;) {
    const tab = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === DESCRIPTION_SCHEME);
    if (!tab) return;
    await vscode.window.showTextDocument((tab.input as vscode.TabInputText).uri, { viewColumn: tab.group.viewColumn });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Saves and asserts it worked; when not, the message lists the requests the save made (what failed, and how). */
async function save(api: MlflowRegistryApi, doc: vscode.TextDocument, what: string): Promise<void> {
  const mark = requestMark(api);
  const ok = await doc.save();
  const sent = requestsSince(api, mark).map((r) => `${r.method} ${r.path} ${r.status ?? r.outcome} (try ${r.attempt}, ${r.ms} ms)`);
  assert.ok(ok, `${what}; the requests it made: ${sent.join('; ') || 'none'}`);
  assert.ok(!doc.isDirty, `${what}: the document is saved`);
}

describe('descriptions as Markdown documents (the description file system)', () => {
  let api: MlflowRegistryApi;
  let client: RegistryClient;
  const made: string[] = [];

  /** A model of this test's own, with a description, and version 1 with one. */
  async function modelWithVersion(prefix: string, extra = ''): Promise<{ model: RegisteredModel; version: ModelVersion }> {
    const name = `${uniqueName(prefix)}${extra}`;
    made.push(name);
    await client.models.create(name, { description: `# ${name}\n\nThe model's own text.` });
    await client.versions.create(name, `s3://bucket/${encodeURIComponent(name)}/1`, { description: 'Version 1: *random forest*.' });
    return { model: await client.models.get(name), version: await client.versions.get(name, '1') };
  }

  // VS Code for the web (code-server) saves after a delay by default: these tests save when they say so.
  const files = () => vscode.workspace.getConfiguration('files');
  let autoSave: unknown;
  const setAutoSave = (value: unknown) => files().update('autoSave', value, vscode.ConfigurationTarget.Global);

  before(async () => {
    api = await activateExtension();
    client = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
    autoSave = files().inspect('autoSave')?.globalValue;
    await setAutoSave('off');
  });
  afterEach(closeDescriptions);
  after(async () => {
    await setAutoSave(autoSave);
    for (const name of made) await client.models.delete(name).catch(() => undefined);
    await client.close();
  });

  it("opens a model's and a version's description as Markdown named after them, and Ctrl+S saves to the registry", async () => {
    // "%", "#", "?", spaces and accents in the name: the URI keeps them.
    const { model, version } = await modelWithVersion('desc-rt', ' 100% #1? é');
    const name = model.name;

    const modelDoc = await editFromRow(modelRow(model), uriOf({ model: name }));
    assert.equal(modelDoc.getText(), `# ${name}\n\nThe model's own text.`);
    assert.equal(modelDoc.languageId, 'markdown');
    // "%" is the escape character of the path's segments (a name could hold "/"), so it reads "%25" in the title.
    const shown = name.replace('%', '%25');
    assert.equal(path.posix.basename(modelDoc.uri.path), `${shown} — description.md`);
    await replaceText(modelDoc, '# Wind power\n\nForecasts **hourly** output.');
    await save(api, modelDoc, 'the save succeeds');
    assert.equal((await client.models.get(name)).description, '# Wind power\n\nForecasts **hourly** output.');
    // Saving again starts from what was saved, not from what was first opened: no false conflict.
    await replaceText(modelDoc, '# Wind power\n\nForecasts hourly output, 5 days ahead.');
    await save(api, modelDoc, 'a second save succeeds');
    assert.equal((await client.models.get(name)).description, '# Wind power\n\nForecasts hourly output, 5 days ahead.');

    const versionDoc = await editFromRow(versionRow(version), uriOf({ model: name, version: '1' }));
    assert.equal(versionDoc.getText(), 'Version 1: *random forest*.');
    assert.equal(versionDoc.languageId, 'markdown');
    assert.equal(path.posix.basename(versionDoc.uri.path), `${shown} v1 — description.md`);
    await replaceText(versionDoc, '');
    await save(api, versionDoc, 'saving an empty description succeeds');
    assert.equal((await client.versions.get(name, '1')).description, '');
    assert.equal(
      (await client.models.get(name)).description,
      '# Wind power\n\nForecasts hourly output, 5 days ahead.',
      "the version's save left the model's text alone",
    );
  });

  it('refuses a save when someone else changed the description since it opened: yours stays, dirty; theirs stays on the server', async () => {
    const { model } = await modelWithVersion('desc-conflict');
    const doc = await editFromRow(modelRow(model), uriOf({ model: model.name }));
    const opened = await vscode.workspace.fs.stat(doc.uri);
    await replaceText(doc, 'Mine: trained on 2019 data.');

    const other = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
    try {
      await other.models.update(model.name, 'Theirs: retrained on 2020 data.');
    } finally {
      await other.close();
    }

    // VS Code refuses a save itself, before the provider sees it, when the file looks newer; the
    // provider's mtime never does, so the refusal (and its Compare / Overwrite choice) is ours.
    assert.ok(
      (await vscode.workspace.fs.stat(doc.uri)).mtime <= opened.mtime,
      "the changed description does not look newer to VS Code's own check",
    );
    assert.equal(await doc.save(), false, 'the save is refused');
    assert.ok(doc.isDirty, 'the document stays dirty');
    assert.equal(doc.getText(), 'Mine: trained on 2019 data.');
    assert.equal((await client.models.get(model.name)).description, 'Theirs: retrained on 2020 data.');
  });

  it('with auto save on, each pause saves to the registry, each from the text saved before', async () => {
    const { model } = await modelWithVersion('desc-autosave');
    const doc = await editFromRow(modelRow(model), uriOf({ model: model.name }));
    await files().update('autoSaveDelay', 200, vscode.ConfigurationTarget.Global);
    await setAutoSave('afterDelay');
    try {
      for (const text of ['First draft.', 'Second draft, saved on its own too.']) {
        await replaceText(doc, text);
        await eventually(async () => assert.equal((await client.models.get(model.name)).description, text), {
          timeout: 15_000,
          message: `"${text}" saved by auto save`,
        });
        await eventually(() => !doc.isDirty, { timeout: 10_000, message: 'the document saved' });
      }
    } finally {
      await setAutoSave('off');
      await files().update('autoSaveDelay', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('refuses a description longer than MLflow keeps before sending anything', async () => {
    const { model, version } = await modelWithVersion('desc-long');
    const doc = await editFromRow(versionRow(version), uriOf({ model: model.name, version: '1' }));
    const long = 'x'.repeat(MAX_DESCRIPTION + 1);
    await replaceText(doc, long);
    const mark = requestMark(api);
    assert.equal(await doc.save(), false, 'the save is refused');
    assert.ok(doc.isDirty, 'the document stays dirty');
    assert.equal(doc.getText(), long);
    assert.deepEqual(
      requestsSince(api, mark)
        .filter((r) => r.method !== 'GET')
        .map((r) => `${r.method} ${r.path}`),
      [],
      'no write was sent',
    );
    assert.equal((await client.versions.get(model.name, '1')).description, 'Version 1: *random forest*.');
  });

  it("stat's mtime stays through a stage change and a tag, and changes with a new text", async () => {
    const { model } = await modelWithVersion('desc-mtime');
    const name = model.name;
    const modelUri = uriOf({ model: name });
    const versionUri = uriOf({ model: name, version: '1' });
    const before = { model: await vscode.workspace.fs.stat(modelUri), version: await vscode.workspace.fs.stat(versionUri) };
    const updatedBefore = (await client.versions.get(name, '1')).lastUpdatedTimestamp;

    await client.versions.transitionStage(name, '1', 'Staging');
    await client.models.setTag(name, 'team', 'forecasting');
    assert.notEqual((await client.versions.get(name, '1')).lastUpdatedTimestamp, updatedBefore, 'the registry did update the version');
    assert.equal((await vscode.workspace.fs.stat(versionUri)).mtime, before.version.mtime, 'the stage change left the mtime');
    assert.equal((await vscode.workspace.fs.stat(modelUri)).mtime, before.model.mtime, 'the stage change and the tag left the mtime');

    await client.versions.update(name, '1', 'A new text.');
    const after = await vscode.workspace.fs.stat(versionUri);
    assert.notEqual(after.mtime, before.version.mtime, 'a new text has a new mtime');
    assert.equal(after.size, Buffer.byteLength('A new text.'));
    assert.equal((await vscode.workspace.fs.stat(modelUri)).mtime, before.model.mtime, "the model's text did not change");
  });
});

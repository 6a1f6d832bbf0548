import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlflowRegistryApi, TreeRow } from '../../src/api';
import { RegistryClient } from '../../src/registry/client';
import { activateExtension, EXTENSION_ID } from './support/extension';

interface MenuEntry {
  command: string;
  when?: string;
}

/**
 * The context menu a row gets: package.json's view/item/context entries whose `when` holds
 * for the row's contextValue (the clauses used there: view ==, viewItem =~ /re/, and the
 * aliases context key, which is true on this server).
 */
function menuOf(entries: MenuEntry[], row: TreeRow): string[] {
  const holds = (when: string) =>
    when.split('&&').every((clause) => {
      const c = clause.trim();
      if (c === 'view == mlflowRegistry.models' || c === 'mlflowRegistry.aliases') return true;
      const m = /^viewItem =~ \/(.*)\/$/.exec(c);
      if (m) return new RegExp(m[1]).test(row.contextValue ?? '');
      throw new Error(`a when clause this test does not know: ${c}`);
    });
  return [...new Set(entries.filter((e) => !e.when || holds(e.when)).map((e) => e.command.replace('mlflowRegistry.', '')))].sort();
}

describe('context menus offer the commands that fit each row', () => {
  let api: MlflowRegistryApi;
  let client: RegistryClient;
  let entries: MenuEntry[];
  const name = `menus-${Date.now().toString(36)}`;

  before(async () => {
    api = await activateExtension();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    entries = (ext.packageJSON as { contributes: { menus: Record<string, MenuEntry[]> } }).contributes.menus['view/item/context'];
    client = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
    await client.models.create(name);
    for (let i = 0; i < 3; i++) await client.versions.create(name, `s3://bucket/${name}/${i}`);
    await client.versions.transitionStage(name, '1', 'Archived');
    await client.versions.transitionStage(name, '2', 'Production');
    await client.models.setAlias(name, 'champion', '2');
    await client.versions.setTag(name, '2', 'validated', 'yes');
    await vscode.commands.executeCommand('mlflowRegistry.refresh');
  });
  after(async () => {
    await client.models.delete(name);
    await client.close();
  });

  it('a model, a version in Production with an alias and a tag, a plain version, an archived one', async () => {
    const model = (await api.tree.children()).find((r) => r.label === name)!;
    assert.ok(model, 'the test model is listed');
    const groups = await api.tree.children(model.id);
    const rows = async (stage: string) => api.tree.children(groups.find((g) => g.id.endsWith(`:${stage}`))!.id);
    const [production] = await rows('Production');
    const [none] = await rows('None');
    const [archived] = await rows('Archived');

    const shared = ['showDetails', 'copyModelUri', 'openInBrowser', 'editDescription', 'setTag'];
    const expect = (extra: string[]) => [...shared, ...extra].sort();
    assert.deepEqual(menuOf(entries, model), expect(['refreshModel', 'registerVersion', 'renameModel', 'deleteAlias', 'deleteModel']));
    assert.deepEqual(
      menuOf(entries, production),
      expect(['transitionStage', 'archiveVersion', 'setAlias', 'deleteAlias', 'deleteTag', 'deleteVersion']),
    );
    assert.deepEqual(menuOf(entries, none), expect(['transitionStage', 'archiveVersion', 'setAlias', 'deleteVersion']));
    assert.deepEqual(
      menuOf(entries, archived),
      expect(['transitionStage', 'setAlias', 'deleteVersion']),
      'no Archive on an archived version',
    );
    const group = groups.find((g) => g.id.endsWith(':Production'))!;
    assert.deepEqual(menuOf(entries, group), ['copyModelUri'], 'a stage group offers only its URI');
  });
});

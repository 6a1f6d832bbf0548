import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../src/api';
import { RegistryClient } from '../../src/registry/client';
import { eventually } from '../support/eventually';
import { activateExtension } from './support/extension';

/** Commands that need no question when given their rows: run as a menu runs them, checked on the server and in the view. */
describe('managing commands run on rows, as menus and other commands call them', () => {
  let api: MlflowRegistryApi;
  let client: RegistryClient;
  const name = `manage-${Date.now().toString(36)}`;

  before(async () => {
    api = await activateExtension();
    client = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
    await client.models.create(name);
    for (let i = 0; i < 3; i++) await client.versions.create(name, `s3://bucket/${name}/${i}`);
    await client.versions.transitionStage(name, '2', 'Staging');
    await vscode.commands.executeCommand('mlflowRegistry.refresh');
  });
  after(async () => {
    await client.models.delete(name);
    await client.close();
  });

  it('revealVersion expands the tree to a version and selects it', async () => {
    const selected = async (id: string) =>
      eventually(() => assert.deepEqual(api.tree.selection(), [id]), { timeout: 10_000, message: `${id} selected` });
    await vscode.commands.executeCommand('mlflowRegistry.revealVersion', name, '2');
    await selected(`version:${name}:2`);
    await vscode.commands.executeCommand('mlflowRegistry.revealVersion', { name, version: 3 });
    await selected(`version:${name}:3`);
  });

  it('archiveVersion on one of two selected rows archives both, and the view shows them under Archived', async () => {
    await api.tree.children();
    const groups = await api.tree.children(`model:${name}`);
    const none = await api.tree.children(groups.find((g) => g.id.endsWith(':None'))!.id);
    const staging = await api.tree.children(groups.find((g) => g.id.endsWith(':Staging'))!.id);
    // A menu passes the row it was opened on and every selected row: here v1 (None) and v2 (Staging).
    const v1 = {
      kind: 'version',
      id: none.find((r) => r.label === 'Version 1')!.id,
      version: await client.versions.get(name, '1'),
      aliases: [],
    };
    const v2 = { kind: 'version', id: staging[0].id, version: await client.versions.get(name, '2'), aliases: [] };
    await vscode.commands.executeCommand('mlflowRegistry.archiveVersion', v2, [v1, v2]);
    assert.equal((await client.versions.get(name, '1')).currentStage, 'Archived');
    assert.equal((await client.versions.get(name, '2')).currentStage, 'Archived');
    assert.equal((await client.versions.get(name, '3')).currentStage, 'None', 'the unselected version stays');
    await eventually(
      async () => {
        const now = await api.tree.children(`model:${name}`);
        assert.deepEqual(
          now.map((g) => g.label),
          ['None', 'Archived'],
        );
        assert.equal(now.find((g) => g.label === 'Archived')?.description, '2');
      },
      { timeout: 15_000, message: 'the view shows both versions archived' },
    );
  });
});

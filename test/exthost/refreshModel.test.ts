import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RegistryClient } from '../../src/registry/client';
import { activateExtension } from './support/extension';

describe('refreshing one model from its row', () => {
  it("shows a version registered elsewhere and the model row's new latest versions", async () => {
    const api = await activateExtension();
    const client = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
    const name = `refresh-one-${Date.now().toString(36)}`;
    await client.models.create(name);
    await client.versions.create(name, 's3://bucket/model-a');
    try {
      await vscode.commands.executeCommand('mlflowRegistry.refresh');
      let row = (await api.tree.children()).find((r) => r.label === name);
      assert.equal(row?.description, 'None v1');
      await api.tree.children(`model:${name}`);
      assert.deepEqual(
        (await api.tree.children(`stage:${name}:None`)).map((r) => r.label),
        ['Version 1'],
      );
      await client.versions.create(name, 's3://bucket/model-b');
      const modelRow = { kind: 'model', id: `model:${name}`, model: await client.models.get(name) };
      await vscode.commands.executeCommand('mlflowRegistry.refreshModel', modelRow);
      row = (await api.tree.children()).find((r) => r.label === name);
      assert.equal(row?.description, 'None v2', 'the row shows the new latest version');
      await api.tree.children(`model:${name}`);
      assert.deepEqual(
        (await api.tree.children(`stage:${name}:None`)).map((r) => r.label),
        ['Version 2', 'Version 1'],
      );
    } finally {
      await client.models.delete(name);
      await client.close();
    }
  });
});

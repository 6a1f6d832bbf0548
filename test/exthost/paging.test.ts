import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../src/api';
import { RegistryClient } from '../../src/registry/client';

const ID = 'mlflow-registry-tools.mlflow-model-registry';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('paging the Models view', () => {
  let api: MlflowRegistryApi;
  let client: RegistryClient;
  const config = () => vscode.workspace.getConfiguration('mlflowRegistry');
  const prefix = `zz-page-${Date.now().toString(36)}`;
  const names = [1, 2, 3, 4].map((i) => `${prefix}-m${i}`);
  const labels = async () => (await api.tree.children()).map((r) => r.label);

  before(async function () {
    this.timeout(60_000);
    api = await vscode.extensions.getExtension<MlflowRegistryApi>(ID)!.activate();
    await api.ready();
    client = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
    for (const name of names) {
      await client.models.create(name);
      await sleep(20); // distinct last-update times
    }
    await config().update('pageSize', 2, vscode.ConfigurationTarget.Global);
    await config().update('tree.sortBy', 'lastUpdated', vscode.ConfigurationTarget.Global);
    await sleep(300);
    await vscode.commands.executeCommand('mlflowRegistry.filter', `name LIKE '${prefix}-%'`);
  });
  after(async () => {
    await vscode.commands.executeCommand('mlflowRegistry.clearFilter');
    for (const key of ['pageSize', 'tree.sortBy']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    for (const name of names) await client.models.delete(name).catch(() => undefined);
    await client.close();
  });

  it('"Load more…" lists a model once even when it moved into the next page meanwhile, and Refresh restarts paging', async () => {
    const [m1, m2, m3, m4] = names;
    assert.deepEqual(await labels(), [m4, m3, 'Load more…'], 'the first page: the two most recently updated');
    // Someone updates m1: it jumps to the top, so the server's second page now starts with m3 again.
    await client.models.update(m1, 'updated elsewhere');
    await vscode.commands.executeCommand('mlflowRegistry.loadMoreModels');
    const afterMore = (await labels()).filter((l) => l !== 'Load more…');
    assert.deepEqual(afterMore, [m4, m3, m2], 'm3 is not listed twice');
    await vscode.commands.executeCommand('mlflowRegistry.refresh');
    assert.deepEqual(await labels(), [m1, m4, 'Load more…'], 'a refresh starts again from the first page, in the new order');
  });
});

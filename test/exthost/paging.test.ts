import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../src/api';
import { RegistryClient } from '../../src/registry/client';
import { eventually } from '../support/eventually';
import { activateExtension } from './support/extension';

describe('paging the Models view', () => {
  let api: MlflowRegistryApi;
  let client: RegistryClient;
  const config = () => vscode.workspace.getConfiguration('mlflowRegistry');
  const prefix = `zz-page-${Date.now().toString(36)}`;
  const names = [1, 2, 3, 4].map((i) => `${prefix}-m${i}`);
  const labels = async () => (await api.tree.children()).map((r) => r.label);

  before(async function () {
    this.timeout(60_000);
    api = await activateExtension();
    client = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
    for (const name of names) {
      const created = await client.models.create(name);
      // Distinct last-update times: the next model is created once the clock has passed this one's.
      await eventually(() => Date.now() > (created.lastUpdatedTimestamp ?? 0), { interval: 5, message: 'the clock to move on' });
    }
    await config().update('pageSize', 2, vscode.ConfigurationTarget.Global);
    await config().update('tree.sortBy', 'lastUpdated', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('mlflowRegistry.filter', `name LIKE '${prefix}-%'`);
    // The settings reach the view asynchronously: wait for the first page as they make it.
    await eventually(async () => assert.deepEqual(await labels(), [names[3], names[2], 'Load more…']), {
      timeout: 15_000,
      message: 'the first page of two, newest first',
    });
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

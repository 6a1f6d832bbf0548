import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../src/api';
import { RegistryClient } from '../../src/registry/client';
import { eventually } from '../support/eventually';
import { activateExtension } from './support/extension';

const WALKTHROUGH = 'power-forecasting-model';

describe('view options: sort, grouping, auto-refresh', () => {
  let api: MlflowRegistryApi;
  let client: RegistryClient;
  const config = () => vscode.workspace.getConfiguration('mlflowRegistry');
  before(async () => {
    api = await activateExtension();
    client = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
  });
  after(async () => {
    for (const key of ['tree.sortBy', 'tree.groupByStage', 'tree.autoRefreshSeconds'])
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await client.close();
  });

  it('sorts by name, or by last update with the newest first', async () => {
    const name = `zz-sort-${Date.now().toString(36)}`;
    await client.models.create(name);
    try {
      const labels = async () => (await api.tree.children()).map((r) => r.label);
      await config().update('tree.sortBy', 'name', vscode.ConfigurationTarget.Global);
      await eventually(
        async () => {
          const listed = await labels();
          assert.ok(listed.includes(name) && listed.indexOf(WALKTHROUGH) < listed.indexOf(name), listed.join(', '));
        },
        { timeout: 10_000, message: 'the models in name order' },
      );
      await config().update('tree.sortBy', 'lastUpdated', vscode.ConfigurationTarget.Global);
      await eventually(async () => assert.equal((await labels())[0], name, 'the model just created comes first'), {
        timeout: 10_000,
        message: 'the most recently updated model first',
      });
    } finally {
      await client.models.delete(name);
    }
  });

  it('filter narrows the list by name part, tag=value or an MLflow filter; clearFilter restores it', async () => {
    const decoy = `zz-decoy-${Date.now().toString(36)}`;
    await client.models.create(decoy, { tags: { task: 'classification' } });
    try {
      await vscode.commands.executeCommand('mlflowRegistry.filter', 'FORECASTING');
      assert.deepEqual(
        (await api.tree.children()).map((r) => r.label),
        [WALKTHROUGH],
      );
      await vscode.commands.executeCommand('mlflowRegistry.filter', 'task=classification');
      assert.deepEqual(
        (await api.tree.children()).map((r) => r.label),
        [decoy],
      );
      await vscode.commands.executeCommand('mlflowRegistry.filter', "name LIKE 'zz-decoy-%'");
      assert.deepEqual(
        (await api.tree.children()).map((r) => r.label),
        [decoy],
      );
      await vscode.commands.executeCommand('mlflowRegistry.clearFilter');
      const all = (await api.tree.children()).map((r) => r.label);
      assert.ok(all.includes(WALKTHROUGH) && all.includes(decoy), all.join(', '));
    } finally {
      await vscode.commands.executeCommand('mlflowRegistry.clearFilter');
      await client.models.delete(decoy);
    }
  });

  it('toggleGroupByStage flips between stage groups and a flat list', async () => {
    await config().update('tree.groupByStage', true, vscode.ConfigurationTarget.Global);
    const underWalkthrough = async () => {
      await api.tree.children();
      return (await api.tree.children(`model:${WALKTHROUGH}`)).map((r) => r.label);
    };
    await vscode.commands.executeCommand('mlflowRegistry.toggleGroupByStage');
    assert.equal(config().get('tree.groupByStage'), false);
    await eventually(async () => assert.deepEqual(await underWalkthrough(), ['Version 4', 'Version 3', 'Version 2', 'Version 1']), {
      timeout: 10_000,
      message: 'a flat list of versions',
    });
    await vscode.commands.executeCommand('mlflowRegistry.toggleGroupByStage');
    await eventually(async () => assert.deepEqual(await underWalkthrough(), ['Production', 'Staging', 'None']), {
      timeout: 10_000,
      message: 'the stage groups again',
    });
  });

  it('auto-refresh lists a model someone else registered, without a manual refresh', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('mlflowRegistry.models.focus');
    await api.tree.children(); // the list is loaded and cached
    const name = `elsewhere-${Date.now().toString(36)}`;
    await client.models.create(name);
    try {
      assert.ok(!(await api.tree.children()).some((r) => r.label === name), 'cached: not listed before a refresh');
      await config().update('tree.autoRefreshSeconds', 5, vscode.ConfigurationTarget.Global);
      await eventually(
        async () =>
          assert.ok(
            (await api.tree.children()).some((r) => r.label === name),
            'not listed yet',
          ),
        {
          timeout: 25_000,
          interval: 1000,
          message: 'the view to refresh by itself and list the new model',
        },
      );
    } finally {
      await config().update('tree.autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
      await client.models.delete(name);
    }
  });
});

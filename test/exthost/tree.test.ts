import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlflowRegistryApi, TreeRow } from '../../src/api';
import { RegistryClient } from '../../src/registry/client';

const ID = 'mlflow-registry-tools.mlflow-model-registry';
const WALKTHROUGH = 'power-forecasting-model';

describe('the registry tree through the extension API', () => {
  let api: MlflowRegistryApi;
  let top: TreeRow[];
  before(async () => {
    api = await vscode.extensions.getExtension<MlflowRegistryApi>(ID)!.activate();
    await api.ready();
    top = await api.tree.children();
  });

  it('lists the walkthrough model with its latest version per stage', () => {
    const row = top.find((r) => r.label === WALKTHROUGH);
    assert.ok(row, top.map((r) => r.label).join(', '));
    assert.equal(row.description, 'Production v2 · Staging v3 · None v4');
    assert.match(row.contextValue ?? '', /^mlflowRegistry\.model;alias;tag;$/);
    assert.match(row.tooltip ?? '', /power output of a wind farm/);
    assert.equal(api.tree.state().kind, 'ready');
  });

  it('groups versions by stage and marks the champion and challenger', async () => {
    const groups = await api.tree.children(`model:${WALKTHROUGH}`);
    assert.deepEqual(
      groups.map((g) => `${g.label} ${g.description}`),
      ['Production 2', 'Staging 1', 'None 1'],
    );
    const production = await api.tree.children(groups[0].id);
    assert.deepEqual(
      production.map((v) => v.label),
      ['Version 2', 'Version 1'],
    );
    assert.match(production[0].description ?? '', /^@champion · /);
    assert.match(production[0].contextValue ?? '', /^mlflowRegistry\.version;stage:Production;status:READY;alias;tag;$/);
    const staging = await api.tree.children(groups[1].id);
    assert.match(staging[0].description ?? '', /^@challenger/);
  });

  it('a flat list when grouping by stage is off, highest version first', async () => {
    const config = vscode.workspace.getConfiguration('mlflowRegistry');
    await config.update('tree.groupByStage', false, vscode.ConfigurationTarget.Global);
    try {
      await new Promise((r) => setTimeout(r, 300));
      await api.tree.children();
      const versions = await api.tree.children(`model:${WALKTHROUGH}`);
      assert.deepEqual(
        versions.map((v) => v.label),
        ['Version 4', 'Version 3', 'Version 2', 'Version 1'],
      );
    } finally {
      await config.update('tree.groupByStage', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('counts its requests: listing the models is one search, with no request per model', async () => {
    const before = api.requests().length;
    await vscode.commands.executeCommand('mlflowRegistry.refresh');
    await api.tree.children();
    const listing = api
      .requests()
      .slice(before)
      .filter((r) => r.path.startsWith('api/'));
    assert.equal(listing.filter((r) => r.path.endsWith('registered-models/search')).length, 1, JSON.stringify(listing));
    assert.equal(listing.filter((r) => r.path.endsWith('registered-models/get')).length, 0);
    assert.ok(api.requestCount() >= api.requests().length);
  });

  it('tooltips escape registry text: a hostile description is shown as text, never as markup', async () => {
    const client = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
    const name = `hostile-${Date.now().toString(36)}`;
    await client.models.create(name, {
      description: '<img src=x onerror=alert(1)> <script>alert(2)</script> [quit](command:workbench.action.quit)',
    });
    try {
      await vscode.commands.executeCommand('mlflowRegistry.refresh');
      const row = (await api.tree.children()).find((r) => r.label === name);
      assert.ok(row, 'the new model is listed after a refresh');
      const tooltip = row.tooltip ?? '';
      assert.ok(!/<img|<script/i.test(tooltip), tooltip);
      assert.ok(tooltip.includes('&lt;img src=x onerror=alert\\(1\\)&gt;') || tooltip.includes('&lt;img'), tooltip);
      assert.ok(tooltip.includes('\\[quit\\]\\(command:'), 'the command link is escaped');
    } finally {
      await client.models.delete(name);
      await client.close();
    }
  });
});

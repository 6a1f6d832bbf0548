import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../src/api';
import { eventually } from '../support/eventually';
import { activateExtension, countRequests, EXTENSION_ID, requestMark } from './support/extension';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
    configuration: { properties: Record<string, unknown> };
  };
}

describe('the extension in a real VS Code extension host', () => {
  let api: MlflowRegistryApi;
  let manifest: Manifest;
  before(async () => {
    api = await activateExtension();
    manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
  });

  it('every command declared in package.json is registered, and every registered mlflowRegistry command is declared', async () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    // VS Code itself adds <viewId>.focus, .open, .removeView... for each contributed view.
    const viewIds = Object.values(manifest.contributes.views)
      .flat()
      .map((v) => v.id);
    const registered = new Set(
      (await vscode.commands.getCommands(true)).filter(
        (c) => c.startsWith('mlflowRegistry.') && !viewIds.some((v) => c.startsWith(`${v}.`)),
      ),
    );
    assert.deepEqual(
      [...declared].filter((c) => !registered.has(c)),
      [],
      'declared but not registered',
    );
    assert.deepEqual(
      [...registered].filter((c) => !declared.has(c)),
      [],
      'registered but not declared',
    );
  });

  it('declares the public view container, view and settings under their contract names', () => {
    assert.deepEqual(
      manifest.contributes.viewsContainers.activitybar.map((c) => c.id),
      ['mlflowRegistry'],
    );
    assert.deepEqual(
      manifest.contributes.views.mlflowRegistry.map((v) => v.id),
      ['mlflowRegistry.models'],
    );
    for (const key of ['trackingUri', 'registryUri', 'databricksProfile', 'pageSize', 'tree.groupByStage']) {
      assert.ok(`mlflowRegistry.${key}` in manifest.contributes.configuration.properties, key);
    }
  });

  it('every declared view is backed by a tree: focusing it lists the registry through the extension', async () => {
    const mark = requestMark(api);
    await vscode.commands.executeCommand('mlflowRegistry.refresh');
    await vscode.commands.executeCommand('mlflowRegistry.models.focus');
    await eventually(() => assert.ok(countRequests(api, 'registered-models/search', mark) > 0, 'no search yet'), {
      timeout: 20_000,
      message: 'the focused view to ask for the models',
    });
  });

  it('activate() returns the API with the version and the registry from settings', () => {
    assert.equal(api.version, vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.version);
    assert.equal(api.registryUrl(), process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL);
  });
});

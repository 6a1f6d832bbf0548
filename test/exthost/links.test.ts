import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../src/api';

const ID = 'mlflow-registry-tools.mlflow-model-registry';

describe('copyModelUri on a tree row', () => {
  it('copies the URI of a stage group row to the clipboard', async () => {
    const api = await vscode.extensions.getExtension<MlflowRegistryApi>(ID)!.activate();
    await api.ready();
    await api.tree.children();
    await vscode.env.clipboard.writeText('');
    // The row object the view hands to a context-menu command.
    const row = { kind: 'stageGroup', id: 'stage:power-forecasting-model:Staging', modelName: 'power-forecasting-model', stage: 'Staging', count: 1, complete: true };
    await vscode.commands.executeCommand('mlflowRegistry.copyModelUri', row);
    assert.equal(await vscode.env.clipboard.readText(), 'models:/power-forecasting-model/Staging');
  });
});

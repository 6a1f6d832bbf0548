import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../src/api';
import { activateExtension, requestMark } from './support/extension';

/** Tabs of details panels open now (their titles name the model or version). */
const detailsTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('mlflowRegistry.details'));

describe('commands called with an argument they cannot use (another extension, a keybinding with args)', () => {
  let api: MlflowRegistryApi;
  before(async () => {
    api = await activateExtension();
  });

  it('refuse it without acting and without throwing into the caller', async () => {
    const before = requestMark(api);
    const tabsBefore = detailsTabs().length;
    const bogus: unknown[] = [42, 'power-forecasting-model', { kind: 'model', id: 'model:x', model: { name: 'x' } }, null];
    for (const arg of bogus) {
      assert.equal(await vscode.commands.executeCommand('mlflowRegistry.showDetails', arg), undefined);
      assert.equal(await vscode.commands.executeCommand('mlflowRegistry.refresh', arg), undefined);
      assert.equal(await vscode.commands.executeCommand('mlflowRegistry.copyModelUri', arg), undefined);
      assert.equal(await vscode.commands.executeCommand('mlflowRegistry.loadMoreVersions', arg), undefined);
    }
    assert.equal(detailsTabs().length, tabsBefore, 'no details panel opened for a bogus argument');
    assert.equal(api.requestCount(), before, 'no request went to the registry for a bogus argument');
  });

  it('a filter given as a keybinding argument still filters, and a non-text one is refused', async () => {
    await vscode.commands.executeCommand('mlflowRegistry.filter', { text: 'power' });
    assert.doesNotMatch(api.tree.message() ?? '', /Showing models matching/, 'an object is not taken as a filter');
    await vscode.commands.executeCommand('mlflowRegistry.filter', 'power');
    try {
      assert.match(api.tree.message() ?? '', /Showing models matching/);
    } finally {
      await vscode.commands.executeCommand('mlflowRegistry.clearFilter');
    }
    assert.doesNotMatch(api.tree.message() ?? '', /Showing models matching/);
  });
});

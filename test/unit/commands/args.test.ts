import * as assert from 'node:assert/strict';
import {
  CommandArgumentError,
  nodesArg,
  optionalNode,
  optionalString,
  requiredNode,
  textOrTitle,
  wholeView,
} from '../../../src/commands/args';
import type { RegistryNode } from '../../../src/tree/nodes';
import { nodeId } from '../../../src/tree/nodes';
import { toModelVersion, toRegisteredModel } from '../../../src/registry/wire';
import { recorded } from '../../support/recorded';

const body = (name: string) => JSON.parse(recorded(name).text) as Record<string, never>;
const model = toRegisteredModel(body('model-get').registered_model);
const version = toModelVersion(body('version-get').model_version);
const modelNode: RegistryNode = { kind: 'model', id: nodeId.model(model.name), model };
const versionNode: RegistryNode = { kind: 'version', id: nodeId.version(version.name, version.version), version, aliases: [] };
const groupNode: RegistryNode = {
  kind: 'stageGroup',
  id: nodeId.stage(model.name, 'Production'),
  modelName: model.name,
  stage: 'Production',
  count: 1,
  complete: true,
};

describe('commands/args: what a command accepts as its argument', () => {
  it('nothing is normal (palette, keybinding): the command asks', () => {
    assert.equal(optionalNode('mlflowRegistry.showDetails', undefined, ['model', 'version']), undefined);
    assert.equal(optionalString('mlflowRegistry.filter', undefined), undefined);
  });

  it('a row of an accepted kind passes through unchanged', () => {
    assert.equal(optionalNode('mlflowRegistry.showDetails', modelNode, ['model', 'version']), modelNode);
    assert.equal(optionalNode('mlflowRegistry.showDetails', versionNode, ['model', 'version']), versionNode);
    assert.equal(optionalNode('mlflowRegistry.copyModelUri', groupNode, ['model', 'version', 'stageGroup']), groupNode);
    assert.equal(optionalString('mlflowRegistry.filter', 'wind'), 'wind');
  });

  const wrong: [string, unknown, RegExp][] = [
    ['a row of another kind', groupNode, /a stageGroup row/],
    ['a string', 'power-forecasting-model', /a string/],
    ['a number', 2, /a number/],
    ['null', null, /null/],
    ['an object that only looks like a row', { kind: 'model', id: 'model:x', model: { name: 'x' } }, /not a Models view row/],
    ['a version row without its version number', { ...versionNode, version: { name: 'x' } }, /not a Models view row/],
  ];
  for (const [what, arg, received] of wrong) {
    it(`refuses ${what} with an error naming the command and what it takes`, () => {
      assert.throws(
        () => optionalNode('mlflowRegistry.showDetails', arg, ['model', 'version']),
        (e: unknown) =>
          e instanceof CommandArgumentError &&
          e.command === 'mlflowRegistry.showDetails' &&
          received.test(e.received) &&
          /model or version row/.test(e.expected),
      );
    });
  }

  it('never puts the argument itself in the message (it may be anything, a secret included)', () => {
    try {
      optionalNode('mlflowRegistry.refresh', { kind: 'model', token: 'hunter2' }, ['model']);
      assert.fail('should throw');
    } catch (e) {
      assert.ok(e instanceof CommandArgumentError);
      assert.ok(!e.message.includes('hunter2'));
    }
  });

  it('internal commands need their row', () => {
    const more: RegistryNode = { kind: 'loadMoreVersions', id: nodeId.loadMoreVersions('m'), modelName: 'm' };
    assert.equal(requiredNode('mlflowRegistry.loadMoreVersions', more, ['loadMoreVersions']).modelName, 'm');
    assert.throws(() => requiredNode('mlflowRegistry.loadMoreVersions', undefined, ['loadMoreVersions']), CommandArgumentError);
    assert.throws(() => optionalString('mlflowRegistry.filter', { text: 'x' }), CommandArgumentError);
  });

  it("the view title's row arguments mean the whole view to Refresh and Filter; other arguments are refused", () => {
    for (const title of [[versionNode, [versionNode]], [undefined, []], [groupNode], [[modelNode]], []]) {
      assert.doesNotThrow(() => wholeView('mlflowRegistry.refresh', title));
      assert.equal(textOrTitle('mlflowRegistry.filter', title), undefined);
    }
    assert.equal(textOrTitle('mlflowRegistry.filter', ['wind']), 'wind');
    assert.throws(() => wholeView('mlflowRegistry.refresh', ['everything']), CommandArgumentError);
    assert.throws(() => textOrTitle('mlflowRegistry.filter', [42]), CommandArgumentError);
  });

  it('a menu on one of several selected rows acts on all of them; keybindings act on the selection', () => {
    const v2: RegistryNode = { ...versionNode, id: 'version:x:2' } as RegistryNode;
    const selection = () => [versionNode, v2, modelNode];
    assert.deepEqual(nodesArg('mlflowRegistry.archiveVersion', [versionNode, [versionNode, v2]], ['version'], selection), [
      versionNode,
      v2,
    ]);
    assert.deepEqual(
      nodesArg('mlflowRegistry.archiveVersion', [versionNode, [v2]], ['version'], selection),
      [versionNode],
      'a row outside the selection acts alone',
    );
    assert.deepEqual(nodesArg('mlflowRegistry.deleteVersion', [{ from: 'selection' }], ['version'], selection), [versionNode, v2]);
    assert.equal(nodesArg('mlflowRegistry.deleteVersion', [], ['version'], selection), undefined, 'the palette asks');
  });
});

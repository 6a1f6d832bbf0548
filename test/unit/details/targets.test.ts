import * as assert from 'node:assert/strict';
import { parseWebviewMessage, targetKey, targetOfNode } from '../../../src/details/targets';
import type { RegistryNode } from '../../../src/tree/nodes';
import { recordedModel, recordedVersion } from './fixtures';

describe('details: targets and messages', () => {
  it('takes the target from a model or version row, and from nothing else', () => {
    const model: RegistryNode = { kind: 'model', id: 'model:m', model: recordedModel() };
    const version: RegistryNode = { kind: 'version', id: 'version:m:2', version: recordedVersion(), aliases: [] };
    assert.deepEqual(targetOfNode(model), { kind: 'model', name: 'power-forecasting-model' });
    assert.deepEqual(targetOfNode(version), { kind: 'version', name: 'power-forecasting-model', version: '2' });
    assert.equal(targetOfNode({ kind: 'stageGroup', id: 's', modelName: 'm', stage: 'None', count: 1, complete: true }), undefined);
    assert.equal(targetOfNode(undefined), undefined);
    assert.equal(targetOfNode('power-forecasting-model'), undefined);
  });

  it('keys one panel per model and per version, names with ":" kept apart', () => {
    const keys = new Set([
      targetKey({ kind: 'model', name: 'a' }),
      targetKey({ kind: 'version', name: 'a', version: '1' }),
      targetKey({ kind: 'model', name: 'a:1' }),
      targetKey({ kind: 'version', name: 'a', version: '2' }),
    ]);
    assert.equal(keys.size, 4);
  });

  it('accepts well-formed webview messages and drops anything else', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'load', requestId: 3, fresh: true }), { type: 'load', requestId: 3, fresh: true });
    assert.deepEqual(parseWebviewMessage({ type: 'load', requestId: 3 }), { type: 'load', requestId: 3, fresh: false });
    assert.deepEqual(parseWebviewMessage({ type: 'open', link: { kind: 'url', href: 'https://x' } }), {
      type: 'open',
      link: { kind: 'url', href: 'https://x' },
    });
    assert.deepEqual(parseWebviewMessage({ type: 'open', link: { kind: 'run', experimentId: '1', runId: 'r', extra: 1 } }), {
      type: 'open',
      link: { kind: 'run', experimentId: '1', runId: 'r' },
    });
    assert.deepEqual(
      parseWebviewMessage({ type: 'open', link: { kind: 'details', target: { kind: 'version', name: 'm', version: '2' } } }),
      { type: 'open', link: { kind: 'details', target: { kind: 'version', name: 'm', version: '2' } } },
    );
    for (const bad of [
      null,
      'ready',
      {},
      { type: 'load' },
      { type: 'load', requestId: '1' },
      { type: 'open', link: { kind: 'command', id: 'x' } },
      { type: 'open', link: { kind: 'details', target: { kind: 'version', name: 'm' } } },
      { type: 'eval', code: '1' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

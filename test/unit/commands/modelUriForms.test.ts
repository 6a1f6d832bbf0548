import * as assert from 'node:assert/strict';
import { uriFormsFor } from '../../../src/commands/modelUriForms';
import { webUiUrl } from '../../../src/registry/webUi';
import { toRegisteredModel } from '../../../src/registry/wire';
import { nodeId } from '../../../src/tree/nodes';
import { recorded } from '../../support/recorded';

const model = toRegisteredModel(JSON.parse(recorded('model-get').text).registered_model);
const versionNode = (version: string, aliases: string[]) => {
  const v = model.latestVersions.find((l) => l.version === version) ?? {
    ...model.latestVersions[0],
    version,
    currentStage: 'Production' as const,
  };
  return { kind: 'version' as const, id: nodeId.version(model.name, version), version: v, aliases };
};

describe('links: web UI pages and models:/ forms', () => {
  it('web UI pages encode names, so spaces, # and ? stay in the name', () => {
    assert.equal(
      webUiUrl('http://127.0.0.1:5000/', { kind: 'model', name: 'wind farm #2?' }),
      'http://127.0.0.1:5000/#/models/wind%20farm%20%232%3F',
    );
    assert.equal(webUiUrl('https://h/mlflow', { kind: 'version', name: 'm', version: '3' }), 'https://h/mlflow/#/models/m/versions/3');
    assert.equal(webUiUrl('https://h', { kind: 'run', experimentId: '1', runId: 'abc' }), 'https://h/#/experiments/1/runs/abc');
  });

  it('a version with a stage it leads and an alias offers the number first, then the stage, then the alias', () => {
    const forms = uriFormsFor(versionNode('2', ['champion']), model).map((f) => f.uri);
    assert.deepEqual(forms, [
      'models:/power-forecasting-model/2',
      'models:/power-forecasting-model/Production',
      'models:/power-forecasting-model@champion',
    ]);
  });

  it('a version that is not the highest in its stage does not offer the stage (it would name another version)', () => {
    const v1 = {
      kind: 'version' as const,
      id: 'x',
      version: { ...model.latestVersions[0], version: '1', currentStage: 'Production' as const },
      aliases: [],
    };
    assert.deepEqual(
      uriFormsFor(v1, model).map((f) => f.uri),
      ['models:/power-forecasting-model/1'],
    );
  });

  it('a model offers latest, each stage it has, and each alias', () => {
    const forms = uriFormsFor({ kind: 'model', id: 'm', model }, model).map((f) => f.uri);
    assert.deepEqual(forms, [
      'models:/power-forecasting-model/latest',
      'models:/power-forecasting-model/Production',
      'models:/power-forecasting-model/Staging',
      'models:/power-forecasting-model/None',
      'models:/power-forecasting-model@challenger',
      'models:/power-forecasting-model@champion',
    ]);
  });

  it('a model whose name holds "/" cannot be written as a models:/ URI: it says so instead of copying a wrong one', () => {
    const odd = { ...model, name: 'team/model' };
    assert.throws(() => uriFormsFor({ kind: 'model', id: 'm', model: odd }, odd));
  });
});

describe('links: a server without model aliases', () => {
  it('offers no @alias form for a version or a model, and every other form as before', () => {
    assert.deepEqual(
      uriFormsFor(versionNode('2', ['champion']), model, { aliases: false }).map((f) => f.uri),
      ['models:/power-forecasting-model/2', 'models:/power-forecasting-model/Production'],
    );
    const forms = uriFormsFor({ kind: 'model', id: 'm', model }, model, { aliases: false }).map((f) => f.uri);
    assert.deepEqual(forms, [
      'models:/power-forecasting-model/latest',
      'models:/power-forecasting-model/Production',
      'models:/power-forecasting-model/Staging',
      'models:/power-forecasting-model/None',
    ]);
    assert.equal(
      uriFormsFor(versionNode('2', ['champion']), model, { aliases: true }).at(-1)?.uri,
      'models:/power-forecasting-model@champion',
    );
  });
});

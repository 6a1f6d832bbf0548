import * as assert from 'node:assert/strict';
import { type DetailsClient, loadDetails } from '../../../src/details/load';
import type { MlModel, ModelVersion, ModelVersionSearchOptions, RegisteredModel, Run } from '../../../src/registry/types';
import { recordedMlModel, recordedModel, recordedRun, recordedVersion, recordedVersions } from './fixtures';

interface Fake {
  client: DetailsClient;
  calls: string[];
  searches: ModelVersionSearchOptions[];
}

function fakeClient(o: {
  version?: () => Promise<ModelVersion>;
  mlModel?: () => Promise<MlModel>;
  run?: () => Promise<Run>;
  model?: () => Promise<RegisteredModel>;
  versions?: ModelVersion[];
}): Fake {
  const calls: string[] = [];
  const searches: ModelVersionSearchOptions[] = [];
  const client: DetailsClient = {
    getModelVersionMlModel: (name, version) => (
      calls.push(`mlmodel ${name} ${version}`),
      o.mlModel ? o.mlModel() : Promise.resolve(recordedMlModel())
    ),
    models: { get: (name) => (calls.push(`model ${name}`), o.model ? o.model() : Promise.resolve(recordedModel())) },
    versions: {
      get: (name, version) => (calls.push(`version ${name} ${version}`), o.version ? o.version() : Promise.resolve(recordedVersion())),
      search: (options = {}) => {
        calls.push('search');
        searches.push(options);
        return (async function* () {
          yield* o.versions ?? recordedVersions();
        })();
      },
    },
    tracking: { getRun: (runId) => (calls.push(`run ${runId}`), o.run ? o.run() : Promise.resolve(recordedRun())) },
  };
  return { client, calls, searches };
}

describe('details: reading what a panel shows', () => {
  it('a version: the version, its MLmodel and its source run', async () => {
    const f = fakeClient({});
    const data = await loadDetails(f.client, { kind: 'version', name: 'power-forecasting-model', version: '2' });
    assert.equal(data.kind, 'version');
    if (data.kind !== 'version') return;
    assert.equal(data.version.version, '2');
    assert.ok(data.mlModel.ok && data.mlModel.value.signature?.inputs?.length === 9);
    assert.ok(data.run?.ok && data.run.value.data.metrics[0].key === 'mse');
    assert.equal(data.run.value.info.runId, data.version.runId, "the version's own run");
    assert.deepEqual(f.calls.sort(), [
      'mlmodel power-forecasting-model 2',
      `run ${recordedVersion().runId}`,
      'version power-forecasting-model 2',
    ]);
  });

  it('a version whose MLmodel or run fails still loads; a version that fails fails the panel', async () => {
    const partial = await loadDetails(
      fakeClient({ mlModel: () => Promise.reject(new Error('no MLmodel')), run: () => Promise.reject(new Error('no run')) }).client,
      { kind: 'version', name: 'm', version: '2' },
    );
    assert.ok(partial.kind === 'version' && !partial.mlModel.ok && partial.run && !partial.run.ok);
    await assert.rejects(
      loadDetails(fakeClient({ version: () => Promise.reject(new Error('gone')) }).client, { kind: 'version', name: 'm', version: '9' }),
      /gone/,
    );
  });

  it('a version without a run asks for none', async () => {
    const f = fakeClient({ version: async () => ({ ...recordedVersion(), runId: undefined }) });
    const data = await loadDetails(f.client, { kind: 'version', name: 'm', version: '2' });
    assert.ok(data.kind === 'version' && data.run === undefined);
    assert.ok(!f.calls.some((c) => c.startsWith('run ')));
  });

  it('a model: its versions by exact name, version_number DESC, in the configured page size', async () => {
    const f = fakeClient({});
    const data = await loadDetails(f.client, { kind: 'model', name: 'power-forecasting-model' }, { pageSize: 50 });
    assert.ok(data.kind === 'model');
    assert.deepEqual(
      data.versions.map((v) => v.version),
      ['4', '3', '2', '1'],
    );
    assert.equal(data.truncated, false);
    assert.deepEqual(f.searches, [
      { filter: "name = 'power-forecasting-model'", orderBy: ['version_number DESC'], pageSize: 50, signal: undefined },
    ]);
  });

  it("a name MLflow's filter cannot say exactly keeps only that model's versions (LIKE answers more)", async () => {
    const name = `it's "odd"`;
    const mine = { ...recordedVersion(), name, version: '1' };
    const other = { ...recordedVersion(), name: `it_s _odd_`, version: '7' };
    const f = fakeClient({ versions: [other, mine] });
    const data = await loadDetails(f.client, { kind: 'model', name });
    assert.ok(data.kind === 'model');
    assert.match(f.searches[0].filter!, /^name LIKE /);
    assert.deepEqual(
      data.versions.map((v) => `${v.name}#${v.version}`),
      [`${name}#1`],
    );
  });

  it('stops at the cap and says more exist', async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ ...recordedVersion(), version: String(5 - i) }));
    const data = await loadDetails(
      fakeClient({ versions: many }).client,
      { kind: 'model', name: 'power-forecasting-model' },
      { maxVersions: 3 },
    );
    assert.ok(data.kind === 'model');
    assert.deepEqual(
      data.versions.map((v) => v.version),
      ['5', '4', '3'],
    );
    assert.equal(data.truncated, true);
    const exact = await loadDetails(
      fakeClient({ versions: many.slice(0, 3) }).client,
      { kind: 'model', name: 'power-forecasting-model' },
      { maxVersions: 3 },
    );
    assert.ok(exact.kind === 'model' && exact.truncated === false);
  });
});

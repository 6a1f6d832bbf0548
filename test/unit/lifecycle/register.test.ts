import * as assert from 'node:assert/strict';
import {
  artifactModelsOfRun,
  artifactSource,
  createRequest,
  findLoggableModels,
  headlineMetrics,
  isMissingEndpoint,
  type LoggableModel,
  type LoggableModelsClient,
  linkedModelId,
  waitForRegistration,
} from '../../../src/lifecycle/register';
import { errorFromResponse, type RegistryError } from '../../../src/registry/errors';
import type { ArtifactListing, LoggedModel, ModelVersion, Run } from '../../../src/registry/types';
import { interpretRecorded } from '../../support/recorded';

const RUN_ID = '94c210d64453465ca80db1029fe9219e';
const ROOT = `mlflow-artifacts:/1/${RUN_ID}/artifacts`;

function aRun(metrics: [string, number][] = []): Run {
  return {
    info: { runId: RUN_ID, runName: 'linear-a', experimentId: '1', status: 'FINISHED', startTime: 1, artifactUri: ROOT },
    data: { metrics: metrics.map(([key, value]) => ({ key, value })), params: [], tags: [] },
  };
}

/** What the pinned server answers for an endpoint it lacks (recorded): MLflow 2 asked for logged models. */
function missingEndpoint(): RegistryError {
  const attempt = interpretRecorded('error-unknown-endpoint');
  assert.ok(!attempt.ok);
  return attempt.error;
}

/** A client whose logged-model search and artifact listing answer from these tables; records what was asked. */
function fakeClient(options: { logged?: LoggedModel[] | Error; folders?: Record<string, { path: string; isDir: boolean }[]> }) {
  const calls = { filters: [] as (string | undefined)[], experiments: [] as string[][], listed: [] as string[] };
  const client: LoggableModelsClient = {
    tracking: {
      async *searchLoggedModels(experimentIds, opts = {}) {
        calls.experiments.push(experimentIds);
        calls.filters.push(opts.filter);
        if (options.logged instanceof Error) throw options.logged;
        yield* options.logged ?? [];
      },
      async listArtifactsPage(_runId, opts = {}): Promise<ArtifactListing> {
        const path = opts.path ?? '';
        calls.listed.push(path);
        return { rootUri: ROOT, files: options.folders?.[path] ?? [] };
      },
    },
  };
  return { client, calls };
}

const file = (path: string) => ({ path, isDir: false });
const dir = (path: string) => ({ path, isDir: true });

describe('lifecycle/register: what a run logged that can be registered', () => {
  it("MLflow 3: the run's logged models, asked by source_run_id, other runs' and failed ones left out", async () => {
    const { client, calls } = fakeClient({
      logged: [
        {
          modelId: 'm-1',
          name: 'model',
          sourceRunId: RUN_ID,
          status: 'LOGGED_MODEL_READY',
          artifactUri: 'mlflow-artifacts:/1/models/m-1/artifacts',
          tags: [],
        },
        { modelId: 'm-2', name: 'other', sourceRunId: 'someone-else', tags: [] },
        { modelId: 'm-3', name: 'broken', sourceRunId: RUN_ID, status: 'LOGGED_MODEL_UPLOAD_FAILED', tags: [] },
      ],
    });
    const found = await findLoggableModels(client, aRun());
    assert.deepEqual(calls.filters, [`source_run_id = '${RUN_ID}'`]);
    assert.deepEqual(calls.experiments, [['1']]);
    assert.equal(found.loggedModelsEndpoint, true);
    assert.deepEqual(found.models, [
      {
        kind: 'loggedModel',
        name: 'model',
        runId: RUN_ID,
        source: 'models:/m-1',
        modelId: 'm-1',
        location: 'mlflow-artifacts:/1/models/m-1/artifacts',
        creationTimestamp: undefined,
      },
    ]);
  });

  it('MLflow 2 (the recorded 404 for a missing endpoint): folders holding an MLmodel, not looked into further', async () => {
    const { client, calls } = fakeClient({
      logged: missingEndpoint(),
      folders: {
        '': [dir('model'), dir('plots'), file('notes.txt')],
        model: [file('model/MLmodel'), file('model/model.pkl'), dir('model/code')],
        plots: [dir('plots/nested')],
        'plots/nested': [dir('plots/nested/deeper')],
        'plots/nested/deeper': [file('plots/nested/deeper/MLmodel')],
      },
    });
    const found = await findLoggableModels(client, aRun());
    assert.equal(found.loggedModelsEndpoint, false);
    assert.deepEqual(
      found.models.map((m) => [m.kind, m.name, m.source, m.modelId]),
      [
        ['artifacts', 'model', `${ROOT}/model`, undefined],
        ['artifacts', 'plots/nested/deeper', `${ROOT}/plots/nested/deeper`, undefined],
      ],
    );
    assert.ok(!calls.listed.includes('model/code'), 'a model folder is not looked into');
  });

  it('looks only so deep and lists only so many folders', async () => {
    const folders = { '': [dir('a')], a: [dir('a/b')], 'a/b': [dir('a/b/c')], 'a/b/c': [file('a/b/c/MLmodel')] };
    assert.deepEqual(
      (await artifactModelsOfRun(fakeClient({ folders }).client, aRun(), { maxDepth: 2 })).map((m) => m.name),
      [],
    );
    assert.deepEqual(
      (await artifactModelsOfRun(fakeClient({ folders }).client, aRun(), { maxDepth: 3 })).map((m) => m.name),
      ['a/b/c'],
    );
    const wide = fakeClient({ folders: { '': Array.from({ length: 100 }, (_, i) => dir(`d${i}`)) } });
    await artifactModelsOfRun(wide.client, aRun(), { maxFolders: 10 });
    assert.equal(wide.calls.listed.length, 10);
  });

  it('an MLmodel at the root of the artifacts registers the root', async () => {
    const { client } = fakeClient({ logged: [], folders: { '': [file('MLmodel')] } });
    const found = await findLoggableModels(client, aRun());
    assert.deepEqual(
      found.models.map((m) => [m.artifactPath, m.source]),
      [['', ROOT]],
    );
  });

  it('other errors of the logged-model search are not taken for a missing endpoint', async () => {
    const denied = errorFromResponse({
      status: 403,
      host: 'h',
      method: 'POST',
      path: 'p',
      errorCode: 'PERMISSION_DENIED',
      json: true,
      attempts: 1,
    });
    await assert.rejects(findLoggableModels(fakeClient({ logged: denied }).client, aRun()), denied);
    const noExperiment = errorFromResponse({
      status: 404,
      host: 'h',
      method: 'POST',
      path: 'p',
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      json: true,
      attempts: 1,
    });
    assert.equal(isMissingEndpoint(noExperiment), false);
    assert.equal(isMissingEndpoint(missingEndpoint()), true);
    assert.equal(
      isMissingEndpoint(
        errorFromResponse({ status: 404, host: 'h', method: 'POST', path: 'p', errorCode: 'ENDPOINT_NOT_FOUND', json: true, attempts: 1 }),
      ),
      true,
    );
    assert.equal(isMissingEndpoint(new Error('x')), false);
  });

  it('an artifact source without a root URI is runs:/<run>/<path>', () => {
    assert.equal(artifactSource('r1', undefined, 'model'), 'runs:/r1/model');
    assert.equal(artifactSource('r1', undefined, ''), 'runs:/r1');
    assert.equal(artifactSource('r1', 's3://b/r1/artifacts/', 'model'), 's3://b/r1/artifacts/model');
  });
});

describe('lifecycle/register: the create request', () => {
  const logged: LoggableModel = { kind: 'loggedModel', name: 'model', runId: 'r1', source: 'models:/m-1', modelId: 'm-1' };
  const folder: LoggableModel = { kind: 'artifacts', name: 'model', runId: 'r1', source: `${ROOT}/model`, artifactPath: 'model' };

  it('a logged model is sent with model_id (the server links the version to it) and its run', () => {
    assert.deepEqual(createRequest('m', logged), { name: 'm', source: 'models:/m-1', options: { runId: 'r1', modelId: 'm-1' } });
  });

  it('an MLflow 2 folder is sent with its run only; a description and tags go along when given', () => {
    assert.deepEqual(createRequest('m', folder, { description: 'd', tags: [{ key: 'k', value: 'v' }] }), {
      name: 'm',
      source: `${ROOT}/model`,
      options: { runId: 'r1', description: 'd', tags: [{ key: 'k', value: 'v' }] },
    });
    assert.deepEqual(createRequest('m', folder, { description: '', tags: [] }).options, { runId: 'r1' });
  });

  it("a version's logged model: its model_id, else its models:/m-… source", () => {
    assert.equal(linkedModelId({ modelId: 'm-9', source: 'models:/m-1' }), 'm-9');
    assert.equal(linkedModelId({ source: 'models:/m-1' }), 'm-1');
    assert.equal(linkedModelId({ source: 'models:/power/2' }), undefined);
    assert.equal(linkedModelId({ source: `${ROOT}/model` }), undefined);
  });

  it('a run is summed up by its first two metrics by name', () => {
    assert.deepEqual(
      headlineMetrics(
        aRun([
          ['rmse', 3],
          ['mae', 1],
          ['mse', 2],
        ]),
      ),
      [
        { key: 'mae', value: 1 },
        { key: 'mse', value: 2 },
      ],
    );
    assert.deepEqual(headlineMetrics(aRun()), []);
  });
});

describe('lifecycle/register: waiting for a version still registering', () => {
  /** A version store whose reads return these statuses in turn (the last one repeats). */
  function versions(statuses: ModelVersion['status'][], message?: string) {
    let reads = 0;
    const client = {
      versions: {
        get: async (name: string, version: string | number): Promise<ModelVersion> => {
          const status = statuses[Math.min(reads++, statuses.length - 1)];
          return {
            name,
            version: String(version),
            description: '',
            currentStage: 'None',
            status,
            statusMessage: status === 'FAILED_REGISTRATION' ? message : undefined,
            tags: [],
            aliases: [],
          };
        },
      },
    } as unknown as Parameters<typeof waitForRegistration>[0];
    return { client, reads: () => reads };
  }

  it('reads until READY, telling each pending read', async () => {
    const { client, reads } = versions(['PENDING_REGISTRATION', 'PENDING_REGISTRATION', 'READY']);
    const pending: string[] = [];
    const v = await waitForRegistration(client, 'm', '1', { intervalMs: 1, onPending: (x) => pending.push(x.status) });
    assert.equal(v.status, 'READY');
    assert.equal(reads(), 3);
    assert.deepEqual(pending, ['PENDING_REGISTRATION', 'PENDING_REGISTRATION']);
  });

  it('a failed registration comes back with its status message', async () => {
    const { client } = versions(['PENDING_REGISTRATION', 'FAILED_REGISTRATION'], 'disk full');
    const v = await waitForRegistration(client, 'm', '1', { intervalMs: 1 });
    assert.deepEqual([v.status, v.statusMessage], ['FAILED_REGISTRATION', 'disk full']);
  });

  it('a ready version is read once', async () => {
    const { client, reads } = versions(['READY']);
    assert.equal((await waitForRegistration(client, 'm', '1')).status, 'READY');
    assert.equal(reads(), 1);
  });

  it('stops at the time limit, or when aborted, with the version still pending', async () => {
    const stuck = versions(['PENDING_REGISTRATION']);
    assert.equal((await waitForRegistration(stuck.client, 'm', '1', { intervalMs: 5, timeoutMs: 30 })).status, 'PENDING_REGISTRATION');
    assert.ok(stuck.reads() >= 2);
    const aborted = versions(['PENDING_REGISTRATION']);
    const ac = new AbortController();
    const waiting = waitForRegistration(aborted.client, 'm', '1', { intervalMs: 60_000, signal: ac.signal });
    ac.abort();
    assert.equal((await waiting).status, 'PENDING_REGISTRATION');
  });
});

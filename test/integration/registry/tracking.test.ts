import * as assert from 'node:assert/strict';
import { RegistryClient } from '../../../src/registry/client';
import { collect } from '../../../src/registry/paging';
import { sharedServer } from '../../support/testbed';

const WALKTHROUGH = 'power-forecasting-model';

describe('tracking endpoints behind the registry (real server)', () => {
  let client: RegistryClient;
  before(() => {
    client = new RegistryClient({ baseUrl: sharedServer().url });
  });
  after(() => client.close());

  it("gets a version's source run with its validation mse and parameters", async () => {
    const v2 = await client.versions.get(WALKTHROUGH, 2);
    const run = await client.tracking.getRun(v2.runId!);
    assert.equal(run.info.runId, v2.runId);
    const mse = run.data.metrics.find((m) => m.key === 'mse');
    assert.ok(mse && mse.value > 0, 'the run logged its validation mse');
    assert.equal(run.data.params.find((p) => p.key === 'n_estimators')?.value, '300');
    const seeded = sharedServer().seed!.versions.find((v) => v.version === '2')!;
    assert.equal(mse.value, seeded.mse);
  });

  it("lists a run's artifacts (empty in MLflow 3: the model lives with its logged model)", async () => {
    const v2 = await client.versions.get(WALKTHROUGH, 2);
    const listing = await client.tracking.listArtifactsPage(v2.runId!);
    assert.match(listing.rootUri ?? '', new RegExp(`${v2.runId}/artifacts$`));
    assert.ok(!listing.files.some((f) => f.path === 'MLmodel'));
  });

  it('lists the files of a logged model through the artifact proxy', async () => {
    const uri = await client.versions.getDownloadUri(WALKTHROUGH, 2);
    const listing = await client.artifacts.list(uri);
    const names = listing.files.map((f) => f.path);
    assert.ok(names.includes('MLmodel'), names.join(', '));
    assert.ok(names.includes('input_example.json'));
  });

  it('searches experiments and finds the walkthrough experiment', async () => {
    const experiments = await collect(client.tracking.searchExperiments({ pageSize: 1 }));
    assert.ok(
      experiments.some((e) => e.name === 'wind-farm-power-forecast'),
      experiments.map((e) => e.name).join(', '),
    );
    assert.ok(experiments.length >= 2, 'paged past the first page of one');
  });

  it('searches runs of an experiment with a filter and order', async () => {
    const exp = sharedServer().seed!.experiment_id;
    const runs = await collect(
      client.tracking.searchRuns([exp], { filter: "tags.algorithm = 'random-forest'", orderBy: ['metrics.mse ASC'], pageSize: 1 }),
    );
    assert.equal(runs.length, 2);
    const mses = runs.map((r) => r.data.metrics.find((m) => m.key === 'mse')!.value);
    assert.ok(mses[0] <= mses[1]);
  });

  it("searches MLflow 3 logged models and finds each seeded version's model id", async () => {
    const exp = sharedServer().seed!.experiment_id;
    const models = await collect(client.tracking.searchLoggedModels([exp], { orderBy: ['creation_timestamp DESC'], pageSize: 2 }));
    const ids = new Set(models.map((m) => m.modelId));
    for (const v of sharedServer().seed!.versions) assert.ok(ids.has(v.model_id), v.model_id);
  });

  it('reports health and the server version', async () => {
    assert.equal(await client.health(), true);
    assert.equal(await client.serverVersion(), sharedServer().version);
  });
});

import * as assert from 'node:assert/strict';
import { RegistryClient } from '../../../src/registry/client';
import { RegistryError } from '../../../src/registry/errors';
import { collect } from '../../../src/registry/paging';
import { sharedServer, uniqueName } from '../../support/testbed';

const WALKTHROUGH = 'power-forecasting-model';
const WEATHER = [
  'temperature_00',
  'wind_direction_00',
  'wind_speed_00',
  'temperature_08',
  'wind_direction_08',
  'wind_speed_08',
  'temperature_16',
  'wind_direction_16',
  'wind_speed_16',
];

describe('model versions (real server)', () => {
  let client: RegistryClient;
  let source: string;
  let runId: string;
  let modelId: string;
  before(async () => {
    client = new RegistryClient({ baseUrl: sharedServer().url });
    const v4 = await client.versions.get(WALKTHROUGH, 4);
    source = v4.source!;
    runId = v4.runId!;
    modelId = source.replace('models:/', '');
  });
  after(() => client.close());

  async function modelWithVersions(prefix: string, n: number): Promise<string> {
    const name = uniqueName(prefix);
    await client.models.create(name);
    for (let i = 0; i < n; i++) await client.versions.create(name, source, { modelId: source.slice('models:/'.length) });
    return name;
  }

  it('creates a version from a logged model, linked to its run, with tags and description', async () => {
    const name = uniqueName('mv-create');
    await client.models.create(name);
    const v = await client.versions.create(name, source, { runId, modelId, description: 'from the linear run', tags: { k: 'v' } });
    assert.equal(v.version, '1');
    assert.equal(v.currentStage, 'None');
    assert.equal(v.status, 'READY');
    assert.equal(v.runId, runId);
    assert.equal(v.description, 'from the linear run');
    assert.deepEqual(v.tags, [{ key: 'k', value: 'v' }]);
    await client.models.delete(name);
  });

  it('gets a version with its aliases (which version search leaves empty on OSS)', async () => {
    const v2 = await client.versions.get(WALKTHROUGH, '2');
    assert.equal(v2.currentStage, 'Production');
    assert.deepEqual(v2.aliases, ['champion']);
    const searched = await collect(client.versions.search({ filter: `name = '${WALKTHROUGH}'` }));
    assert.ok(searched.find((v) => v.version === '2'));
  });

  it('a missing version is not found', async () => {
    await assert.rejects(client.versions.get(WALKTHROUGH, 999), (e: unknown) => e instanceof RegistryError && e.isNotFound);
  });

  it('updates a version description', async () => {
    const name = await modelWithVersions('mv-update', 1);
    const v = await client.versions.update(name, 1, 'better words');
    assert.equal(v.description, 'better words');
    assert.equal((await client.versions.get(name, 1)).description, 'better words');
    await client.models.delete(name);
  });

  it('transitions stages in any case, archiving what was in the target stage when asked', async () => {
    const name = await modelWithVersions('mv-stage', 2);
    const v1 = await client.versions.transitionStage(name, 1, 'production');
    assert.equal(v1.currentStage, 'Production');
    const v2 = await client.versions.transitionStage(name, 2, 'Production', { archiveExistingVersions: true });
    assert.equal(v2.currentStage, 'Production');
    assert.equal((await client.versions.get(name, 1)).currentStage, 'Archived');
    await client.models.delete(name);
  });

  it('refuses archive-existing with a target of None before the server answers 500', async () => {
    const name = await modelWithVersions('mv-archive-none', 1);
    await assert.rejects(
      client.versions.transitionStage(name, 1, 'None', { archiveExistingVersions: true }),
      (e: unknown) => e instanceof RegistryError && e.kind === 'client',
    );
    assert.equal((await client.versions.get(name, 1)).currentStage, 'None');
    await client.models.delete(name);
  });

  it('deletes a version for good: gone from get and search, number not reused', async () => {
    const name = await modelWithVersions('mv-delete', 2);
    await client.models.setAlias(name, 'tmp', 2);
    await client.versions.delete(name, 2);
    await assert.rejects(client.versions.get(name, 2), (e: unknown) => e instanceof RegistryError && e.isNotFound);
    assert.deepEqual(
      (await collect(client.versions.search({ filter: `name = '${name}'` }))).map((v) => v.version),
      ['1'],
    );
    assert.deepEqual((await client.models.get(name)).aliases, []);
    const v3 = await client.versions.create(name, source, { modelId: source.slice('models:/'.length) });
    assert.equal(v3.version, '3');
    await client.models.delete(name);
  });

  it('gives the download URI of a version: the logged model location behind the artifact proxy', async () => {
    const uri = await client.versions.getDownloadUri(WALKTHROUGH, 2);
    assert.match(uri, /^mlflow-artifacts:\/.*\/models\/m-[0-9a-f]+\/artifacts$/);
  });

  it('sets and deletes a version tag', async () => {
    const name = await modelWithVersions('mv-tag', 1);
    await client.versions.setTag(name, 1, 'validated', 'yes');
    assert.deepEqual((await client.versions.get(name, 1)).tags, [{ key: 'validated', value: 'yes' }]);
    await client.versions.deleteTag(name, 1, 'validated');
    assert.deepEqual((await client.versions.get(name, 1)).tags, []);
    await client.models.delete(name);
  });

  it("reads every seeded version's signature from its MLmodel: the nine weather inputs", async () => {
    for (const version of ['1', '2', '3', '4']) {
      const mm = await client.getModelVersionMlModel(WALKTHROUGH, version);
      assert.deepEqual(
        mm.signature?.inputs?.map((c) => c.name),
        WEATHER,
        `version ${version}`,
      );
      assert.equal(mm.signature?.outputs?.[0].type, 'tensor');
      assert.ok(mm.flavors.sklearn, `version ${version} is a scikit-learn model`);
    }
  });

  it('says plainly when a version lives outside the artifact proxy', async () => {
    const name = uniqueName('mv-s3');
    await client.models.create(name);
    await client.versions.create(name, 's3://bucket/path/model');
    await assert.rejects(client.getModelVersionMlModel(name, 1), (e: unknown) => {
      assert.ok(e instanceof RegistryError);
      assert.equal(e.messageId, 'error.artifactsNotProxied');
      assert.match(e.message, /s3:\/\/bucket/);
      return true;
    });
    await client.models.delete(name);
  });
});

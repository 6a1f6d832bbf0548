import * as assert from 'node:assert/strict';
import { RegistryClient } from '../../../src/registry/client';
import { RegistryError } from '../../../src/registry/errors';
import { collect } from '../../../src/registry/paging';
import { sharedServer, uniqueName } from '../../support/testbed';

const WALKTHROUGH = 'power-forecasting-model';

describe('registered models (real server)', () => {
  let client: RegistryClient;
  before(() => {
    client = new RegistryClient({ baseUrl: sharedServer().url });
  });
  after(() => client.close());

  it('gets the seeded walkthrough model with its stages, aliases, tags and description', async () => {
    const m = await client.models.get(WALKTHROUGH);
    assert.deepEqual(m.latestVersions.map((v) => `${v.currentStage}:${v.version}`).sort(), ['None:4', 'Production:2', 'Staging:3']);
    assert.deepEqual(m.aliases.map((a) => `${a.alias}->${a.version}`).sort(), ['challenger->3', 'champion->2']);
    assert.match(m.description, /power output of a wind farm/);
    assert.ok(m.tags.some((t) => t.key === 'task' && t.value === 'forecasting'));
  });

  it('creates a model with tags and description, and refuses a duplicate name as RESOURCE_ALREADY_EXISTS', async () => {
    const name = uniqueName('create');
    const m = await client.models.create(name, { description: 'first', tags: { team: 'wind' } });
    assert.equal(m.name, name);
    assert.equal(m.description, 'first');
    assert.deepEqual(m.tags, [{ key: 'team', value: 'wind' }]);
    await assert.rejects(client.models.create(name), (e: unknown) => e instanceof RegistryError && e.isAlreadyExists && e.status === 400);
    await client.models.delete(name);
  });

  it('updates the description, always sending it (an omitted description would clear it)', async () => {
    const name = uniqueName('update');
    await client.models.create(name, { description: 'old' });
    const updated = await client.models.update(name, 'new words');
    assert.equal(updated.description, 'new words');
    assert.equal((await client.models.get(name)).description, 'new words');
    const cleared = await client.models.update(name, '');
    assert.equal(cleared.description, '');
    await client.models.delete(name);
  });

  it('refuses a description over 5,000 characters before sending it', async () => {
    const name = uniqueName('long');
    await client.models.create(name, { description: 'kept' });
    await assert.rejects(
      client.models.update(name, 'x'.repeat(5001)),
      (e: unknown) => e instanceof RegistryError && e.messageId === 'error.descriptionTooLong',
    );
    assert.equal((await client.models.get(name)).description, 'kept');
    await client.models.delete(name);
  });

  it('renames a model; the old name is gone and a rename onto an existing name is refused', async () => {
    const name = uniqueName('rename');
    const other = uniqueName('rename-other');
    await client.models.create(name);
    await client.models.create(other);
    const renamed = await client.models.rename(name, `${name}-new`);
    assert.equal(renamed.name, `${name}-new`);
    await assert.rejects(client.models.get(name), (e: unknown) => e instanceof RegistryError && e.isNotFound);
    await assert.rejects(client.models.rename(`${name}-new`, other), (e: unknown) => e instanceof RegistryError && e.isAlreadyExists);
    await client.models.delete(`${name}-new`);
    await client.models.delete(other);
  });

  it('deletes a model with its versions; getting it afterwards is RESOURCE_DOES_NOT_EXIST', async () => {
    const name = uniqueName('delete');
    const source = (await client.versions.get(WALKTHROUGH, 4)).source!;
    await client.models.create(name);
    await client.versions.create(name, source, { modelId: source.slice('models:/'.length) });
    await client.models.delete(name);
    await assert.rejects(
      client.models.get(name),
      (e: unknown) => e instanceof RegistryError && e.isNotFound && e.status === 404 && e.errorCode === 'RESOURCE_DOES_NOT_EXIST',
    );
    const left = await collect(client.versions.search({ filter: `name = '${name}'` }));
    assert.equal(left.length, 0);
  });

  it('a missing model maps to a not-found error that names it', async () => {
    await assert.rejects(client.models.get('no-such-model-anywhere'), (e: unknown) => {
      assert.ok(e instanceof RegistryError);
      assert.equal(e.messageId, 'error.notFound');
      assert.match(e.message, /no-such-model-anywhere/);
      return true;
    });
  });

  it('searches models one page at a time with an explicit page size and order', async () => {
    const page = await client.models.searchPage({ pageSize: 1, orderBy: ['name ASC'], filter: `name = '${WALKTHROUGH}'` });
    assert.equal(page.items.length, 1);
    assert.equal(page.items[0].name, WALKTHROUGH);
    assert.equal(page.nextPageToken, undefined);
  });

  it('gets the latest version per requested stage', async () => {
    const prod = await client.models.getLatestVersions(WALKTHROUGH, ['Production']);
    assert.deepEqual(
      prod.map((v) => v.version),
      ['2'],
    );
    const all = await client.models.getLatestVersions(WALKTHROUGH);
    assert.deepEqual(all.map((v) => v.version).sort(), ['2', '3', '4']);
  });

  it('sets and deletes a model tag', async () => {
    const name = uniqueName('tags');
    await client.models.create(name);
    await client.models.setTag(name, 'owner', 'ops team');
    assert.deepEqual((await client.models.get(name)).tags, [{ key: 'owner', value: 'ops team' }]);
    await client.models.deleteTag(name, 'owner');
    assert.deepEqual((await client.models.get(name)).tags, []);
    await client.models.delete(name);
  });

  it('sets, reads and deletes an alias; a missing alias is 400 INVALID_PARAMETER_VALUE', async () => {
    const name = uniqueName('alias');
    const source = (await client.versions.get(WALKTHROUGH, 4)).source!;
    await client.models.create(name);
    await client.versions.create(name, source, { modelId: source.slice('models:/'.length) });
    await client.versions.create(name, source, { modelId: source.slice('models:/'.length) });
    await client.models.setAlias(name, 'blue', 2);
    assert.equal((await client.models.getVersionByAlias(name, 'blue')).version, '2');
    assert.deepEqual((await client.models.get(name)).aliases, [{ alias: 'blue', version: '2' }]);
    await client.models.setAlias(name, 'blue', '1');
    assert.equal((await client.models.getVersionByAlias(name, 'blue')).version, '1');
    await client.models.deleteAlias(name, 'blue');
    await assert.rejects(
      client.models.getVersionByAlias(name, 'blue'),
      (e: unknown) => e instanceof RegistryError && e.status === 400 && e.errorCode === 'INVALID_PARAMETER_VALUE',
    );
    await client.models.delete(name);
  });

  it('reads the seeded aliases champion and challenger', async () => {
    assert.equal((await client.models.getVersionByAlias(WALKTHROUGH, 'champion')).version, '2');
    assert.equal((await client.models.getVersionByAlias(WALKTHROUGH, 'challenger')).version, '3');
  });
});

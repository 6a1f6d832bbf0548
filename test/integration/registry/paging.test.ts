import * as assert from 'node:assert/strict';
import { RegistryClient } from '../../../src/registry/client';
import { collect, pages } from '../../../src/registry/paging';
import { sharedServer, uniqueName } from '../../support/testbed';

describe('paging against the real server', () => {
  let client: RegistryClient;
  let name: string;
  const requests: string[] = [];
  before(async function () {
    this.timeout(120_000);
    client = new RegistryClient({ baseUrl: sharedServer().url, onRequest: (r) => requests.push(r.path) });
    name = uniqueName('paging');
    const source = (await client.versions.get('power-forecasting-model', 4)).source!;
    await client.models.create(name);
    for (let i = 0; i < 7; i++) await client.versions.create(name, source, { modelId: source.slice('models:/'.length) });
  });
  after(async () => {
    await client.models.delete(name);
    await client.close();
  });

  it('walks versions across three pages (3 + 3 + 1), highest first, without gaps or repeats', async () => {
    const seen: string[][] = [];
    for await (const page of pages((pageToken) =>
      client.versions.searchPage({ filter: `name = '${name}'`, orderBy: ['version_number DESC'], pageSize: 3, pageToken }),
    )) {
      seen.push(page.items.map((v) => v.version));
    }
    assert.deepEqual(seen, [['7', '6', '5'], ['4', '3', '2'], ['1']]);
  });

  it('fetches only the first page when the caller stops there', async () => {
    requests.length = 0;
    const it = client.versions.search({ filter: `name = '${name}'`, pageSize: 3, orderBy: ['version_number DESC'] });
    const first = await it.next();
    assert.equal(first.value && (first.value as { version: string }).version, '7');
    assert.equal(requests.filter((p) => p.endsWith('model-versions/search')).length, 1);
    await it.return(undefined);
  });

  it('pages registered models by name with a page size of one', async () => {
    const prefix = uniqueName('pm');
    for (const suffix of ['a', 'b', 'c']) await client.models.create(`${prefix}-${suffix}`);
    requests.length = 0;
    const found = await collect(client.models.search({ filter: `name LIKE '${prefix}-%'`, pageSize: 1, orderBy: ['name ASC'] }));
    assert.deepEqual(
      found.map((m) => m.name),
      [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`],
    );
    assert.ok(requests.filter((p) => p.endsWith('registered-models/search')).length >= 3);
    for (const suffix of ['a', 'b', 'c']) await client.models.delete(`${prefix}-${suffix}`);
  });
});

import * as assert from 'node:assert/strict';
import { RegistryClient } from '../../../src/registry/client';
import { RegistryError } from '../../../src/registry/errors';
import { findModelByName, nameContainsFilter, searchModels, searchModelsByTag, searchModelsByText } from '../../../src/registry/filters';
import { createModel, renameModel } from '../../../src/registry/names';
import { collect } from '../../../src/registry/paging';
import type { RegisteredModel } from '../../../src/registry/types';
import { sharedServer, uniqueName } from '../../support/testbed';

/** Names of our own models only (other tests create models on the same server concurrently). */
const ours = (prefix: string, models: RegisteredModel[]): string[] =>
  models
    .map((m) => m.name)
    .filter((n) => n.startsWith(prefix))
    .sort();

describe('filters: awkward model names on the real server', () => {
  const P = uniqueName('flt');
  const n = (suffix: string) => `${P} ${suffix}`;
  // Each awkward name next to the decoys a naive filter would also match.
  const names = {
    apostrophe: n("o'brien"),
    apostropheUpper: n("O'BRIEN"),
    apostropheDecoy: n('o_brien'),
    doubleQuotes: n('say "hi"'),
    both: n(`it's "x"`),
    bothSwapped: n(`it"s 'x'`),
    bothUpper: n(`IT'S "X"`),
    bothUnderscores: n('it_s _x_'),
    bothLetters: n('itXs YxY'),
    percent: n('50%_off'),
    percentDecoy1: n('50Xoff'),
    percentDecoy2: n('50%Yoff'),
    spaces: n('with  two  spaces'),
    chinese: n('风电预测模型'),
    backslash: n('back\\'),
    backslashDecoy: n('back_'),
    accented: n('Élan'),
    bracket: n('[draft] v2'),
    bracketDecoy: n('Xdraft] v2'),
  };
  const all = Object.values(names);
  let client: RegistryClient;

  before(async function () {
    this.timeout(120_000);
    client = new RegistryClient({ baseUrl: sharedServer().url });
    for (const name of all) await client.models.create(name);
  });
  after(async function () {
    this.timeout(120_000);
    for (const name of all) await client.models.delete(name).catch(() => undefined);
    await client.close();
  });

  it('findModelByName finds exactly the named model for every awkward name, never a decoy', async () => {
    for (const name of all) {
      const found = await findModelByName(client, name);
      assert.equal(found?.name, name, `looking up ${JSON.stringify(name)}`);
    }
  });

  it('findModelByName pages past LIKE candidates until the exact name (one row per page)', async () => {
    // `it's "x"` can only be searched with LIKE 'it_s _x_': four of our models match that pattern.
    const raw = await collect(client.models.search({ filter: `name LIKE '${P} it_s _x_'` }));
    assert.ok(raw.length >= 3, `the server's LIKE answer should hold decoys, got ${raw.map((m) => m.name).join(', ')}`);
    const found = await findModelByName(client, names.both, { pageSize: 1 });
    assert.equal(found?.name, names.both);
  });

  it('findModelByName answers undefined for a name that only decoys resemble', async () => {
    assert.equal(await findModelByName(client, n(`it's "y"`)), undefined);
    assert.equal(await findModelByName(client, n('50%_of')), undefined);
    assert.equal(await findModelByName(client, n('o_brie')), undefined);
  });

  it('text search takes % and _ literally although the server treats them as wildcards', async () => {
    const raw = await collect(client.models.search({ filter: nameContainsFilter(n('50%_off')).filter }));
    assert.deepEqual(ours(P, raw), [names.percentDecoy2, names.percent, names.percentDecoy1].sort(), 'the server matches the decoys too');
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, n('50%_off')))), [names.percent]);
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, '0%_O'))), [names.percent]);
  });

  it('text search ignores case, also for quotes-in-both-kinds names and accented letters', async () => {
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, n("O'Brien")))), [names.apostropheUpper, names.apostrophe].sort());
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, `it's "X`))), [names.bothUpper, names.both].sort());
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, `${P} élan`))), [names.accented]);
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, `${P} ÉLAN`))), [names.accented]);
  });

  it('text search finds non-ASCII, double spaces, double quotes and a trailing backslash', async () => {
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, '风电预测'))), [names.chinese]);
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, 'with  two'))), [names.spaces]);
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, 'say "hi"'))), [names.doubleQuotes]);
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, `${P} back\\`))), [names.backslash]);
    assert.deepEqual(ours(P, await collect(searchModelsByText(client, '[draft]'))), [names.bracket]);
  });

  it('text search over small pages yields the same models as one big page', async () => {
    const small = ours(P, await collect(searchModelsByText(client, P, { pageSize: 2 })));
    const big = ours(P, await collect(searchModelsByText(client, P, { pageSize: 1000 })));
    assert.deepEqual(small, [...all].sort());
    assert.deepEqual(big, small);
  });

  it('a name the server refuses (/ or :) fails in one clear sentence, and looking it up finds nothing', async () => {
    for (const [name, reason] of [
      [n('team/model'), "names cannot contain '/' or ':'"],
      [n('a:b'), "names cannot contain '/' or ':'"],
      [`..${P}`, 'file path'],
    ] as const) {
      await assert.rejects(createModel(client, name), (e: unknown) => {
        assert.ok(e instanceof RegistryError);
        assert.equal(e.messageId, 'error.modelNameRefused');
        assert.ok(e.message.includes(`does not accept "${name}" as a model name: `) && e.message.includes(reason), e.message);
        assert.equal(e.message.split(/[.:]\s/).filter((s) => /^[A-Z]/.test(s)).length, 1, `one sentence: ${e.message}`);
        assert.equal(e.errorCode, 'INVALID_PARAMETER_VALUE');
        return true;
      });
      assert.equal(await findModelByName(client, name), undefined);
    }
    await assert.rejects(
      renameModel(client, names.spaces, n('x/y')),
      (e: unknown) => e instanceof RegistryError && e.messageId === 'error.modelNameRefused' && e.message.includes(`"${n('x/y')}"`),
    );
    assert.equal((await findModelByName(client, names.spaces))?.name, names.spaces);
  });
});

describe('filters: tags on the real server', () => {
  const P = uniqueName('ftag');
  const t1 = `${P} t1`;
  const t2 = `${P} t2`;
  const t3 = `${P} t3`;
  let client: RegistryClient;

  before(async function () {
    this.timeout(60_000);
    client = new RegistryClient({ baseUrl: sharedServer().url });
    await client.models.create(t1, { tags: { 'my key': `${P} x`, from: P, 'a.b:c/d-e': `${P} it's "q"` } });
    await client.models.create(t2, { tags: { 'my key': `${P} X`, 'a.b:c/d-e': `${P} it_s _q_` } });
    await client.models.create(t3, { tags: { other: `${P} x` } });
  });
  after(async function () {
    this.timeout(60_000);
    for (const name of [t1, t2, t3]) await client.models.delete(name).catch(() => undefined);
    await client.close();
  });

  it('finds a tag whose key has a space, by exact value (case counts)', async () => {
    assert.deepEqual(ours(P, await collect(searchModelsByTag(client, 'my key', `${P} x`))), [t1]);
    assert.deepEqual(ours(P, await collect(searchModelsByTag(client, 'my key', `${P} X`))), [t2]);
  });

  it('finds a tag whose key is an SQL keyword (from) or full of punctuation', async () => {
    assert.deepEqual(ours(P, await collect(searchModelsByTag(client, 'from', P))), [t1]);
    assert.deepEqual(ours(P, await collect(searchModelsByTag(client, 'a.b:c/d-e', `${P} it's "q"`))), [t1]);
    assert.deepEqual(ours(P, await collect(searchModelsByTag(client, 'a.b:c/d-e', `${P} it_s _q_`))), [t2]);
  });

  it('finds every model carrying a key whatever its value', async () => {
    assert.deepEqual(ours(P, await collect(searchModelsByTag(client, 'my key'))), [t1, t2]);
  });

  it('combines a name substring with tags', async () => {
    assert.deepEqual(ours(P, await collect(searchModels(client, { nameContains: `${P} T`, tags: { 'a.b:c/d-e': undefined, from: P } }))), [
      t1,
    ]);
  });
});

import * as assert from 'node:assert/strict';
import { request } from 'undici';
import { aliasProblem, tagKeyProblem, tagValueProblem } from '../../../src/registry/inputRules';
import { RegistryClient } from '../../../src/registry/client';
import { sharedServer, uniqueName } from '../../support/testbed';

/** Sends the value straight to the server (no client-side check) and says whether it took it. */
async function serverAccepts(path: string, body: Record<string, string>): Promise<boolean> {
  const r = await request(`${sharedServer().url}/api/2.0/mlflow/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await r.body.text();
  if (r.statusCode === 200) return true;
  assert.equal(r.statusCode, 400, `${path} ${JSON.stringify(body)} -> ${r.statusCode} ${text}`);
  assert.match(text, /INVALID_PARAMETER_VALUE/);
  return false;
}

const ALIASES = [
  'champion',
  'a',
  'a-b_c',
  'A1',
  '_',
  '-',
  'é',
  'ĉampiono',
  '冠军',
  'чемпион',
  'βέλτιστο',
  'x١٢',
  'x²',
  '',
  'a b',
  'a.b',
  'a/b',
  'a@b',
  'a:b',
  'a\u0301',
  'a\nb',
  'a\n',
  'tab\t',
  'latest',
  'LATEST',
  'Latest',
  'latest1',
  'v1',
  'V12',
  'v١',
  'v',
  'v1a',
  'va',
  'vv1',
  'x'.repeat(255),
  'x'.repeat(256),
  '𝑥'.repeat(255),
  '𝑥'.repeat(256),
];

const TAG_KEYS = [
  'team',
  'a b',
  'a/b',
  'a.b',
  'a:b',
  'a-b_c',
  'é',
  '冠军',
  'mlflow.note.content',
  '',
  '/a',
  'a/',
  'a//b',
  '../a',
  '..a',
  './a',
  'a/./b',
  'a/../b',
  '.',
  '..',
  'a@b',
  'a=b',
  'a\nb',
  'x'.repeat(250),
  'x'.repeat(251),
];

describe('input rules match what the real server accepts (edge cases sent without the client-side check)', () => {
  let client: RegistryClient;
  let model: string;
  before(async () => {
    client = new RegistryClient({ baseUrl: sharedServer().url });
    model = uniqueName('rules');
    await client.models.create(model);
    await client.versions.create(model, 's3://bucket/rules');
  });
  after(async () => {
    await client.models.delete(model);
    await client.close();
  });

  it('aliases: letters of any script, digits, _ and -; not latest; not v + digits; at most 255', async () => {
    const mismatches: string[] = [];
    for (const alias of ALIASES) {
      const server = await serverAccepts('registered-models/alias', { name: model, alias, version: '1' });
      const ours = aliasProblem(alias) === undefined;
      if (server !== ours)
        mismatches.push(`${JSON.stringify(alias)}: server ${server ? 'accepts' : 'refuses'}, we ${ours ? 'accept' : 'refuse'}`);
    }
    assert.deepEqual(mismatches, []);
  });

  it('tag keys: the allowed characters, a plain normalised path, at most 250', async () => {
    const mismatches: string[] = [];
    for (const key of TAG_KEYS) {
      const server = await serverAccepts('registered-models/set-tag', { name: model, key, value: 'v' });
      const ours = tagKeyProblem(key) === undefined;
      if (server !== ours)
        mismatches.push(`${JSON.stringify(key)}: server ${server ? 'accepts' : 'refuses'}, we ${ours ? 'accept' : 'refuse'}`);
    }
    assert.deepEqual(mismatches, []);
  });

  it('tag values: at most 100,000 characters (MLflow 3)', async () => {
    for (const value of ['', 'x'.repeat(100_000), 'x'.repeat(100_001)]) {
      const server = await serverAccepts('model-versions/set-tag', { name: model, version: '1', key: 'k', value });
      assert.equal(tagValueProblem(value) === undefined, server, `value of ${value.length} characters`);
    }
  });
});

import * as assert from 'node:assert/strict';
import { parseStoredCredential } from '../../../src/connection';
import { resolveConnection } from '../../../src/connection';
import { CredentialStore, secretKey } from '../../../src/services/secretStore';

/** SecretStorage as VS Code has it, in memory: what another tool or a hand edit may have left there. */
function storage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    get: (key: string) => Promise.resolve(map.get(key)),
    store: (key: string, value: string) => Promise.resolve(void map.set(key, value)),
    delete: (key: string) => Promise.resolve(void map.delete(key)),
    map,
  };
}

function capturingLog() {
  const lines: string[] = [];
  return { warn: (m: string) => void lines.push(m), lines };
}

const URL_ = 'http://127.0.0.1:5000';
const SECRET = 'tok-3f9a7c2e-NOT-JSON-secret';
/** Any 6 characters of the secret in a row: a parse error quotes only the start of what it read. */
const leaks = (text: string) => [...SECRET].some((_, i) => i + 6 <= SECRET.length && text.includes(SECRET.slice(i, i + 6)));

describe('services/secretStore: credentials in SecretStorage', () => {
  it('reads back what it stored, for that registry only', async () => {
    const s = storage({});
    const store = new CredentialStore(s, capturingLog());
    await store.store(URL_, { kind: 'basic', username: 'alice', password: 'pw' });
    assert.deepEqual(await store.get(URL_), { kind: 'basic', username: 'alice', password: 'pw' });
    assert.equal(await store.get('http://other:5000'), undefined);
    assert.equal(await store.delete(URL_), true);
    assert.equal(await store.delete(URL_), false);
    assert.equal(await store.get(URL_), undefined);
  });

  it('an entry that is not JSON is ignored with a warning that names the registry, never the secret', async () => {
    const log = capturingLog();
    const store = new CredentialStore(storage({ [secretKey(URL_)]: SECRET }), log);
    assert.equal(await store.get(URL_), undefined);
    assert.equal(log.lines.length, 1);
    assert.match(log.lines[0], /127\.0\.0\.1:5000/);
    assert.ok(!leaks(log.lines.join('\n')), log.lines.join('\n'));
  });

  it('connecting with such an entry gives warnings without the secret, and no error', async () => {
    const log = capturingLog();
    const store = new CredentialStore(storage({ [secretKey(URL_)]: SECRET }), log);
    const resolved = await resolveConnection({
      settings: { trackingUri: URL_ },
      secrets: store,
      env: {},
      platform: 'linux',
      homeDir: '/nonexistent-home',
      readFile: () => Promise.resolve(undefined),
    });
    assert.equal(resolved.auth.kind, 'none');
    const everything = JSON.stringify(resolved.warnings) + log.lines.join('\n');
    assert.ok(!leaks(everything), everything);
  });

  it('parses only the shapes the extension writes', () => {
    assert.deepEqual(parseStoredCredential('{"kind":"bearer","token":"t"}'), { kind: 'bearer', token: 't' });
    assert.deepEqual(parseStoredCredential('{"kind":"basic","username":"u","password":""}'), {
      kind: 'basic',
      username: 'u',
      password: '',
    });
    for (const bad of [
      SECRET,
      '',
      'null',
      '42',
      '"text"',
      '{"kind":"bearer"}',
      '{"kind":"basic","password":"p"}',
      '{"kind":"oauth","token":"t"}',
    ]) {
      assert.equal(parseStoredCredential(bad), undefined, bad);
    }
  });
});

import * as assert from 'node:assert/strict';
import { RegistryError } from '../../../src/registry/errors';
import { formatMessage, messages } from '../../../src/registry/errorMessages';
import { redactUri, Transport } from '../../../src/registry/transport';
import { canonicalStage } from '../../../src/registry/validate';

describe('transport set-up', () => {
  it('moves credentials out of the URI so they are never shown or logged', async () => {
    const t = new Transport({ baseUrl: 'https://alice:s3cret@mlflow.example.com/prefix/' });
    assert.equal(t.baseUrl, 'https://mlflow.example.com/prefix');
    assert.ok(!t.baseUrl.includes('s3cret'));
    await t.close();
  });

  it('refuses a URI that is not http(s) with a sentence naming it', () => {
    assert.throws(
      () => new Transport({ baseUrl: 'databricks://profile' }),
      (e: unknown) => e instanceof RegistryError && e.messageId === 'error.invalidUri',
    );
    assert.throws(() => new Transport({ baseUrl: 'not a uri' }), RegistryError);
  });

  it('redacts user info in URIs it reports', () => {
    assert.equal(redactUri('http://u:p@host:5000/x'), 'http://***@host:5000/x');
  });
});

describe('messages', () => {
  it('every template fills its placeholders', () => {
    for (const id of Object.keys(messages) as (keyof typeof messages)[]) {
      const names = [...messages[id].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const params = Object.fromEntries(names.map((n) => [n, 'X']));
      assert.ok(!/\{\w+\}/.test(formatMessage(id, params)), id);
    }
  });

  it('stage names are accepted in any case and canonicalised', () => {
    assert.equal(canonicalStage('production'), 'Production');
    assert.equal(canonicalStage(' STAGING '), 'Staging');
    assert.throws(() => canonicalStage('prod'), /not a stage/);
  });
});

describe('credentials held by the transport', () => {
  it('are not visible to util.inspect or JSON.stringify of the client', async () => {
    const { inspect } = await import('node:util');
    const { RegistryClient } = await import('../../../src/registry/client');
    const basic = new RegistryClient({ baseUrl: 'http://127.0.0.1:1', auth: { kind: 'basic', username: 'u', password: 'pw-9f1c-secret' } });
    const bearer = new RegistryClient({ baseUrl: 'http://127.0.0.1:1', auth: { kind: 'bearer', token: 'tok-77ab-secret' } });
    for (const c of [basic, bearer]) {
      const shown = inspect(c, { depth: 10, showHidden: true }) + JSON.stringify(c.transport);
      assert.ok(!shown.includes('pw-9f1c-secret') && !shown.includes('tok-77ab-secret'), 'a secret is readable on the client');
      await c.close();
    }
  });
});

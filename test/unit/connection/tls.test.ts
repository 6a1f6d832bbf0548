import * as assert from 'node:assert/strict';
import { resolveConnection } from '../../../src/connection';
import { fakeInputs } from './fakes';

async function tlsFor(env: Record<string, string>) {
  const c = await resolveConnection(fakeInputs({ settings: { trackingUri: 'https://m.example.com' }, env: { HOME: '/h', ...env } }));
  return c.tls;
}

describe('connection/resolve: TLS from MLflow variables', () => {
  it('defaults: verified, no extra files', async () => {
    assert.deepEqual(await tlsFor({}), { insecure: { value: false, source: 'default' }, caFile: undefined, clientCertFile: undefined });
  });

  it('MLFLOW_TRACKING_INSECURE_TLS is true only for "true", in any case', async () => {
    for (const [raw, expected] of [
      ['true', true],
      ['TRUE', true],
      ['True', true],
      ['1', false],
      ['false', false],
      ['yes', false],
    ] as const) {
      assert.deepEqual(
        (await tlsFor({ MLFLOW_TRACKING_INSECURE_TLS: raw })).insecure,
        { value: expected, source: 'env:MLFLOW_TRACKING_INSECURE_TLS' },
        raw,
      );
    }
  });

  it('CA bundle and client certificate paths, with their sources', async () => {
    const tls = await tlsFor({ MLFLOW_TRACKING_SERVER_CERT_PATH: '/etc/ca.pem', MLFLOW_TRACKING_CLIENT_CERT_PATH: '/etc/client.pem' });
    assert.deepEqual(tls.caFile, { value: '/etc/ca.pem', source: 'env:MLFLOW_TRACKING_SERVER_CERT_PATH' });
    assert.deepEqual(tls.clientCertFile, { value: '/etc/client.pem', source: 'env:MLFLOW_TRACKING_CLIENT_CERT_PATH' });
  });
});

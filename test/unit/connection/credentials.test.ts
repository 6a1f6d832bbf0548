import * as assert from 'node:assert/strict';
import { registryAuth, resolveConnection } from '../../../src/connection';
import { fakeInputs } from './fakes';

const URL_ = 'https://mlflow.example.com';
const CRED_FILE = '/home/ana/.mlflow/credentials';
const FILE = `[mlflow]\nmlflow_tracking_username = file-user\nmlflow_tracking_password = file-pass\n`;
const BASIC_ENV = { MLFLOW_TRACKING_USERNAME: 'env-user', MLFLOW_TRACKING_PASSWORD: 'env-pass' };

async function resolve(options: Parameters<typeof fakeInputs>[0]) {
  const inputs = fakeInputs({ settings: { trackingUri: URL_ }, ...options, env: { HOME: '/home/ana', ...options?.env } });
  const c = await resolveConnection(inputs);
  return { c, auth: registryAuth(c), inputs };
}

describe('connection/resolve: credentials for an MLflow server', () => {
  it('SecretStorage wins over environment and file, and is keyed by the registry URL', async () => {
    const { c, auth, inputs } = await resolve({
      env: { ...BASIC_ENV, MLFLOW_TRACKING_TOKEN: 'env-token' },
      files: { [CRED_FILE]: FILE },
      stored: { [URL_]: { kind: 'bearer', token: 'stored-token' } },
    });
    assert.deepEqual(inputs.secretKeys, [URL_]);
    assert.deepEqual(c.auth, { kind: 'bearer', source: 'secretStorage' });
    assert.deepEqual(auth, { kind: 'bearer', token: 'stored-token' });
  });

  it('SecretStorage is asked for the registry URL, not the tracking URL', async () => {
    const { inputs } = await resolve({ settings: { trackingUri: 'http://t:5000', registryUri: 'http://r:5000/' } });
    assert.deepEqual(inputs.secretKeys, ['http://r:5000']);
  });

  it('stored basic credentials', async () => {
    const { c, auth } = await resolve({ stored: { [URL_]: { kind: 'basic', username: 'sam', password: 'stored-pass' } } });
    assert.deepEqual(c.auth, { kind: 'basic', source: 'secretStorage', username: 'sam' });
    assert.deepEqual(auth, { kind: 'basic', username: 'sam', password: 'stored-pass' });
  });

  it('environment: basic wins when both basic and MLFLOW_TRACKING_TOKEN are set', async () => {
    const { c, auth } = await resolve({ env: { ...BASIC_ENV, MLFLOW_TRACKING_TOKEN: 'env-token' }, files: { [CRED_FILE]: FILE } });
    assert.deepEqual(c.auth, { kind: 'basic', source: 'env:MLFLOW_TRACKING_USERNAME,MLFLOW_TRACKING_PASSWORD', username: 'env-user' });
    assert.deepEqual(auth, { kind: 'basic', username: 'env-user', password: 'env-pass' });
  });

  it('environment: bearer MLFLOW_TRACKING_TOKEN wins over the credentials file', async () => {
    const { c, auth } = await resolve({ env: { MLFLOW_TRACKING_TOKEN: 'env-token' }, files: { [CRED_FILE]: FILE } });
    assert.deepEqual(c.auth, { kind: 'bearer', source: 'env:MLFLOW_TRACKING_TOKEN' });
    assert.deepEqual(auth, { kind: 'bearer', token: 'env-token' });
  });

  it('a username without a password in the environment is not basic auth', async () => {
    const { c } = await resolve({ env: { MLFLOW_TRACKING_USERNAME: 'env-user' }, files: { [CRED_FILE]: FILE } });
    assert.equal(c.auth.source, `file:${CRED_FILE}`);
  });

  it('~/.mlflow/credentials last', async () => {
    const { c, auth, inputs } = await resolve({ files: { [CRED_FILE]: FILE } });
    assert.ok(inputs.filesRead.includes(CRED_FILE));
    assert.deepEqual(c.auth, { kind: 'basic', source: `file:${CRED_FILE}`, username: 'file-user' });
    assert.deepEqual(auth, { kind: 'basic', username: 'file-user', password: 'file-pass' });
  });

  it('no credentials anywhere: none', async () => {
    const { c, auth } = await resolve({});
    assert.deepEqual(c.auth, { kind: 'none' });
    assert.equal(auth, undefined);
  });

  it('user info in a URI from a setting beats SecretStorage (settings first)', async () => {
    const { c, auth } = await resolve({
      settings: { trackingUri: 'https://u:uri-pass@mlflow.example.com' },
      stored: { [URL_]: { kind: 'bearer', token: 'stored-token' } },
    });
    assert.equal(c.auth.source, 'userInfo:setting:mlflowRegistry.trackingUri');
    assert.deepEqual(auth, { kind: 'basic', username: 'u', password: 'uri-pass' });
  });

  it('user info in a URI from the environment: below SecretStorage, above the other variables', async () => {
    const env = { MLFLOW_TRACKING_URI: 'https://u:uri-pass@mlflow.example.com', ...BASIC_ENV };
    const stored = await resolve({ settings: {}, env, stored: { [URL_]: { kind: 'bearer', token: 'stored-token' } } });
    assert.equal(stored.c.auth.source, 'secretStorage');
    const fromUri = await resolve({ settings: {}, env });
    assert.equal(fromUri.c.auth.source, 'userInfo:env:MLFLOW_TRACKING_URI');
    assert.deepEqual(fromUri.auth, { kind: 'basic', username: 'u', password: 'uri-pass' });
  });

  it("a registry URI that follows the tracking URI keeps the tracking URI's rank for its user info", async () => {
    const { c } = await resolve({
      settings: {},
      env: { MLFLOW_TRACKING_URI: 'https://u:uri-pass@mlflow.example.com' },
      stored: { [URL_]: { kind: 'basic', username: 'sam', password: 'stored-pass' } },
    });
    assert.equal(c.registryUri?.source, 'trackingUri');
    assert.equal(c.auth.source, 'secretStorage');
  });

  it('a failing SecretStorage or an unreadable file is a warning, not a failure', async () => {
    const inputs = fakeInputs({ settings: { trackingUri: URL_ }, env: { HOME: '/home/ana' } });
    inputs.secrets = { get: () => Promise.reject(new Error('keyring locked')) };
    inputs.readFile = () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    const c = await resolveConnection(inputs);
    assert.deepEqual(c.auth, { kind: 'none' });
    assert.deepEqual(
      c.warnings.map((w) => w.messageId),
      ['connection.secretsUnavailable', 'connection.fileUnreadable'],
    );
    assert.equal(c.problem, undefined);
  });
});

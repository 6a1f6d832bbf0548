import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  describeConnection,
  formatConnectionMessage,
  registryAuth,
  resolveConnection,
  type ResolvedConnection,
} from '../../../src/connection';
import { fakeInputs } from './fakes';

/** Every secret any case below hands in. */
const SECRETS = ['uri-pa55', 'stored-pa55', 'env-pa55', 'env-t0ken', 'file-pa55', 'dapi-s3cret', 'proxy-pa55', 'dapi-st0red'];

function assertNoSecret(c: ResolvedConnection): string {
  const texts = [
    describeConnection(c),
    JSON.stringify(c),
    inspect(c, { depth: 10, showHidden: true }),
    String(c),
    ...c.warnings.map(formatConnectionMessage),
  ];
  if (c.problem) texts.push(formatConnectionMessage(c.problem));
  for (const text of texts) for (const secret of SECRETS) assert.ok(!text.includes(secret), `${secret} leaked into: ${text}`);
  return describeConnection(c);
}

describe('connection/describe: log-safe, every value with its source', () => {
  it('an MLflow server with user info, stored, env and file credentials and a proxy with a password', async () => {
    const inputs = fakeInputs({
      settings: { trackingUri: 'https://ana:uri-pa55@mlflow.example.com/', registryUri: '' },
      env: {
        HOME: '/home/ana',
        MLFLOW_TRACKING_USERNAME: 'ana',
        MLFLOW_TRACKING_PASSWORD: 'env-pa55',
        MLFLOW_TRACKING_TOKEN: 'env-t0ken',
        HTTPS_PROXY: 'http://pu:proxy-pa55@proxy.corp:3128',
        MLFLOW_TRACKING_SERVER_CERT_PATH: '/etc/ca.pem',
      },
      files: { '/home/ana/.mlflow/credentials': '[mlflow]\nmlflow_tracking_username=f\nmlflow_tracking_password=file-pa55\n' },
      stored: { 'https://mlflow.example.com': { kind: 'basic', username: 'ana', password: 'stored-pa55' } },
    });
    const c = await resolveConnection(inputs);
    assert.deepEqual(registryAuth(c), { kind: 'basic', username: 'ana', password: 'uri-pa55' });
    const text = assertNoSecret(c);
    assert.match(text, /MLflow server registry/);
    assert.match(text, /tracking URI: https:\/\/mlflow\.example\.com\/ \(setting mlflowRegistry\.trackingUri\)/);
    assert.match(text, /registry URI: .*follows the tracking URI/);
    assert.match(text, /auth: basic as ana \(user info in the URI from setting mlflowRegistry\.trackingUri\)/);
    assert.match(text, /extra CA bundle \/etc\/ca\.pem \(environment MLFLOW_TRACKING_SERVER_CERT_PATH\)/);
    assert.match(text, /proxy: http:\/\/\*\*\*@proxy\.corp:3128 \(environment HTTPS_PROXY\)/);
  });

  it('each lower-ranked credential alone never leaks either', async () => {
    const envs: Array<Record<string, string>> = [
      { MLFLOW_TRACKING_USERNAME: 'ana', MLFLOW_TRACKING_PASSWORD: 'env-pa55' },
      { MLFLOW_TRACKING_TOKEN: 'env-t0ken' },
      {},
    ];
    for (const env of envs) {
      const c = await resolveConnection(
        fakeInputs({
          settings: { trackingUri: 'http://srv:5000' },
          env: { HOME: '/home/ana', ...env },
          files: { '/home/ana/.mlflow/credentials': '[mlflow]\nmlflow_tracking_username=f\nmlflow_tracking_password=file-pa55\n' },
        }),
      );
      assert.notEqual(c.auth.kind, 'none');
      assertNoSecret(c);
    }
  });

  it('a Databricks workspace with a token from the environment and from SecretStorage', async () => {
    const env = { HOME: '/home/ana', DATABRICKS_HOST: 'adb-1.azuredatabricks.net', DATABRICKS_TOKEN: 'dapi-s3cret' };
    const fromEnv = await resolveConnection(fakeInputs({ settings: { trackingUri: 'databricks' }, env }));
    assert.deepEqual(registryAuth(fromEnv), { kind: 'bearer', token: 'dapi-s3cret' });
    const text = assertNoSecret(fromEnv);
    assert.match(text, /Databricks workspace registry/);
    assert.match(text, /the workspace registry, not Unity Catalog/);
    assert.match(text, /Databricks profile: DEFAULT \(default\)/);
    assert.match(text, /auth: bearer \(environment DATABRICKS_TOKEN\)/);

    const stored = await resolveConnection(
      fakeInputs({
        settings: { trackingUri: 'databricks' },
        env,
        stored: { 'https://adb-1.azuredatabricks.net': { kind: 'bearer', token: 'dapi-st0red' } },
      }),
    );
    assert.match(assertNoSecret(stored), /auth: bearer \(stored credentials\)/);
  });

  it('an insecure connection and a Unity Catalog registry say so', async () => {
    const insecure = await resolveConnection(
      fakeInputs({ settings: { trackingUri: 'https://m' }, env: { HOME: '/h', MLFLOW_TRACKING_INSECURE_TLS: 'true' } }),
    );
    assert.match(describeConnection(insecure), /certificate verification OFF \(environment MLFLOW_TRACKING_INSECURE_TLS\)/);
    const uc = await resolveConnection(fakeInputs({ settings: { trackingUri: 'databricks', registryUri: 'databricks-uc' } }));
    const text = describeConnection(uc);
    assert.match(text, /Unity Catalog registry \(not served yet\)/);
    assert.match(text, /problem: The registry databricks-uc is a Unity Catalog registry/);
  });
});

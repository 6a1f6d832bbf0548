import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ConnectionInputs, readTextFile, registryAuth, resolveConnection } from '../../../src/connection';

const CFG = [
  '; written by databricks auth login',
  '[DEFAULT]',
  'host  = https://default.cloud.databricks.com/',
  'token = dapi-default',
  '',
  '[prod]',
  'host = adb-111.azuredatabricks.net',
  'token = dapi-prod',
  '',
  '[notoken]',
  'host = https://notoken.cloud.databricks.com',
  '',
  '[nohost]',
  'token = dapi-nohost',
  '',
].join('\r\n');

describe('connection/resolve: Databricks profiles from a real ~/.databrickscfg', () => {
  let home: string;
  const asked: string[] = [];

  before(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'mlflow-conn-'));
    await writeFile(path.join(home, '.databrickscfg'), CFG);
    await writeFile(path.join(home, 'other.cfg'), '[DEFAULT]\nhost = other.example.com\ntoken = dapi-other\n');
  });
  after(async () => {
    await rm(home, { recursive: true, force: true });
  });

  function inputs(
    settings: ConnectionInputs['settings'],
    env: Record<string, string> = {},
    stored: Record<string, string> = {},
  ): ConnectionInputs {
    return {
      settings,
      env: { HOME: home, ...env },
      platform: process.platform === 'win32' ? 'win32' : 'linux',
      secrets: {
        async get(url) {
          asked.push(url);
          return stored[url] ? { kind: 'bearer', token: stored[url] } : undefined;
        },
      },
      readFile: readTextFile,
    };
  }

  it('`databricks`: the DEFAULT profile, host normalised, bearer token from the file', async () => {
    const c = await resolveConnection(inputs({ trackingUri: 'databricks' }));
    assert.equal(c.kind, 'databricks');
    assert.deepEqual(c.databricks?.profile, { value: 'DEFAULT', source: 'default' });
    assert.deepEqual(c.databricks?.host, {
      value: 'https://default.cloud.databricks.com',
      source: `file:${path.join(home, '.databrickscfg')}`,
    });
    assert.equal(c.registryUrl, 'https://default.cloud.databricks.com');
    assert.equal(c.auth.kind, 'bearer');
    assert.deepEqual(registryAuth(c), { kind: 'bearer', token: 'dapi-default' });
  });

  it('`databricks://prod`: that profile; a host without scheme gets https://', async () => {
    const c = await resolveConnection(inputs({ trackingUri: 'databricks://prod' }));
    assert.deepEqual(c.databricks?.profile, { value: 'prod', source: 'setting:mlflowRegistry.trackingUri' });
    assert.equal(c.registryUrl, 'https://adb-111.azuredatabricks.net');
    assert.deepEqual(registryAuth(c), { kind: 'bearer', token: 'dapi-prod' });
  });

  it('`databricks://prod` and databricksProfile: prod mean the same', async () => {
    const a = await resolveConnection(inputs({ trackingUri: 'databricks://prod' }));
    const b = await resolveConnection(inputs({ trackingUri: 'databricks', databricksProfile: 'prod' }));
    assert.equal(a.registryUrl, b.registryUrl);
    assert.deepEqual(registryAuth(a), registryAuth(b));
    assert.equal(b.databricks?.profile.source, 'setting:mlflowRegistry.databricksProfile');
  });

  it('the URI wins when both the URI and databricksProfile name a profile', async () => {
    const c = await resolveConnection(inputs({ trackingUri: 'databricks://prod', databricksProfile: 'DEFAULT' }));
    assert.equal(c.databricks?.profile.value, 'prod');
    assert.equal(c.registryUrl, 'https://adb-111.azuredatabricks.net');
  });

  it('databricksProfile (a setting) beats a profile in MLFLOW_TRACKING_URI (the environment)', async () => {
    const c = await resolveConnection(inputs({ databricksProfile: 'prod' }, { MLFLOW_TRACKING_URI: 'databricks://notoken' }));
    assert.equal(c.databricks?.profile.value, 'prod');
  });

  it('a profile in MLFLOW_TRACKING_URI beats DATABRICKS_CONFIG_PROFILE; that beats DEFAULT', async () => {
    const uri = await resolveConnection(inputs({}, { MLFLOW_TRACKING_URI: 'databricks://prod', DATABRICKS_CONFIG_PROFILE: 'notoken' }));
    assert.deepEqual(uri.databricks?.profile, { value: 'prod', source: 'env:MLFLOW_TRACKING_URI' });
    const env = await resolveConnection(inputs({ trackingUri: 'databricks' }, { DATABRICKS_CONFIG_PROFILE: 'prod' }));
    assert.deepEqual(env.databricks?.profile, { value: 'prod', source: 'env:DATABRICKS_CONFIG_PROFILE' });
    assert.equal(env.registryUrl, 'https://adb-111.azuredatabricks.net');
  });

  it('`databricks://prod:key-prefix` names the profile prod', async () => {
    const c = await resolveConnection(inputs({ trackingUri: 'databricks://prod:scope' }));
    assert.equal(c.databricks?.profile.value, 'prod');
  });

  it('DATABRICKS_HOST/DATABRICKS_TOKEN beat the file for a profile no setting named', async () => {
    const c = await resolveConnection(
      inputs({ trackingUri: 'databricks' }, { DATABRICKS_HOST: 'env.cloud.databricks.com/', DATABRICKS_TOKEN: 'dapi-env' }),
    );
    assert.deepEqual(c.databricks?.host, { value: 'https://env.cloud.databricks.com', source: 'env:DATABRICKS_HOST' });
    assert.deepEqual(c.auth, { kind: 'bearer', source: 'env:DATABRICKS_TOKEN' });
    assert.deepEqual(registryAuth(c), { kind: 'bearer', token: 'dapi-env' });
  });

  it('a profile a setting named is read from the file even when DATABRICKS_HOST is set (settings first)', async () => {
    const c = await resolveConnection(
      inputs({ trackingUri: 'databricks://prod' }, { DATABRICKS_HOST: 'env.cloud.databricks.com', DATABRICKS_TOKEN: 'dapi-env' }),
    );
    assert.equal(c.registryUrl, 'https://adb-111.azuredatabricks.net');
    assert.deepEqual(registryAuth(c), { kind: 'bearer', token: 'dapi-prod' });
  });

  it('a file token is never sent to a host from the environment, nor DATABRICKS_TOKEN to a host from the file', async () => {
    const envHost = await resolveConnection(inputs({ trackingUri: 'databricks' }, { DATABRICKS_HOST: 'elsewhere.example.com' }));
    assert.equal(envHost.registryUrl, 'https://elsewhere.example.com');
    assert.equal(registryAuth(envHost), undefined);
    assert.deepEqual(
      envHost.warnings.map((w) => w.messageId),
      ['connection.databricksNoToken'],
    );
    const fileHost = await resolveConnection(inputs({ trackingUri: 'databricks://notoken' }, { DATABRICKS_TOKEN: 'dapi-env' }));
    assert.equal(registryAuth(fileHost), undefined);
  });

  it('the same host in the environment and the file may use the file token', async () => {
    const c = await resolveConnection(inputs({ trackingUri: 'databricks' }, { DATABRICKS_HOST: 'https://default.cloud.databricks.com' }));
    assert.deepEqual(registryAuth(c), { kind: 'bearer', token: 'dapi-default' });
  });

  it('SecretStorage, keyed by the workspace URL, beats the environment and the file', async () => {
    asked.length = 0;
    const c = await resolveConnection(
      inputs(
        { trackingUri: 'databricks://prod' },
        { DATABRICKS_TOKEN: 'dapi-env' },
        { 'https://adb-111.azuredatabricks.net': 'dapi-stored' },
      ),
    );
    assert.deepEqual(asked, ['https://adb-111.azuredatabricks.net']);
    assert.deepEqual(c.auth, { kind: 'bearer', source: 'secretStorage' });
    assert.deepEqual(registryAuth(c), { kind: 'bearer', token: 'dapi-stored' });
  });

  it('DATABRICKS_CONFIG_FILE names another file (~ expanded)', async () => {
    const c = await resolveConnection(inputs({ trackingUri: 'databricks' }, { DATABRICKS_CONFIG_FILE: '~/other.cfg' }));
    assert.deepEqual(c.databricks?.configFile, { value: path.join(home, 'other.cfg'), source: 'env:DATABRICKS_CONFIG_FILE' });
    assert.equal(c.registryUrl, 'https://other.example.com');
    assert.deepEqual(registryAuth(c), { kind: 'bearer', token: 'dapi-other' });
  });

  it('a missing profile or a profile without host is a problem, not a throw', async () => {
    const missing = await resolveConnection(inputs({ trackingUri: 'databricks://staging' }));
    assert.equal(missing.kind, 'databricks');
    assert.equal(missing.problem?.messageId, 'connection.databricksProfileMissing');
    assert.equal(missing.problem?.params.profile, 'staging');
    assert.equal(missing.registryUrl, undefined);
    const noHost = await resolveConnection(inputs({ trackingUri: 'databricks://nohost' }));
    assert.equal(noHost.problem?.messageId, 'connection.databricksNoHost');
  });

  it('no config file and no DATABRICKS_HOST: no host', async () => {
    const c = await resolveConnection(inputs({ trackingUri: 'databricks' }, { DATABRICKS_CONFIG_FILE: path.join(home, 'absent.cfg') }));
    assert.equal(c.problem?.messageId, 'connection.databricksNoHost');
  });

  it('registryUri databricks://prod with an http tracking URI uses the prod workspace', async () => {
    const c = await resolveConnection(inputs({ trackingUri: 'http://localhost:5000', registryUri: 'databricks://prod' }));
    assert.equal(c.kind, 'databricks');
    assert.equal(c.databricks?.profile.source, 'setting:mlflowRegistry.registryUri');
    assert.equal(c.registryUrl, 'https://adb-111.azuredatabricks.net');
  });
});

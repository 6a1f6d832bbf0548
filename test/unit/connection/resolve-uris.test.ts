import * as assert from 'node:assert/strict';
import { resolveConnection, transportOptions } from '../../../src/connection';
import { fakeInputs } from './fakes';

const HOME = { HOME: '/home/ana' };

describe('connection/resolve: tracking and registry URIs', () => {
  it('tracking URI: the setting wins over MLFLOW_TRACKING_URI', async () => {
    const c = await resolveConnection(
      fakeInputs({
        settings: { trackingUri: 'http://setting:5000' },
        env: { ...HOME, MLFLOW_TRACKING_URI: 'http://env:5000' },
      }),
    );
    assert.deepEqual(c.trackingUri, { value: 'http://setting:5000', source: 'setting:mlflowRegistry.trackingUri' });
    assert.equal(c.kind, 'oss');
    assert.equal(c.registryUrl, 'http://setting:5000');
  });

  it('tracking URI: MLFLOW_TRACKING_URI when the setting is empty or blank', async () => {
    const c = await resolveConnection(
      fakeInputs({ settings: { trackingUri: '  ' }, env: { ...HOME, MLFLOW_TRACKING_URI: 'http://env:5000/' } }),
    );
    assert.deepEqual(c.trackingUri, { value: 'http://env:5000/', source: 'env:MLFLOW_TRACKING_URI' });
    assert.equal(c.registryUrl, 'http://env:5000');
  });

  it('nothing set: unconfigured, with a message and nothing for the transport', async () => {
    const c = await resolveConnection(
      fakeInputs({ settings: { trackingUri: '', registryUri: '' }, env: { ...HOME, MLFLOW_TRACKING_URI: '' } }),
    );
    assert.equal(c.kind, 'unconfigured');
    assert.equal(c.configured, false);
    assert.equal(c.trackingUri, undefined);
    assert.equal(c.problem?.messageId, 'connection.unconfigured');
    assert.equal(transportOptions(c), undefined);
  });

  it('registry URI: setting > MLFLOW_REGISTRY_URI > the tracking URI', async () => {
    const env = { ...HOME, MLFLOW_TRACKING_URI: 'http://tracking:5000', MLFLOW_REGISTRY_URI: 'http://registry-env:5000' };
    const fromSetting = await resolveConnection(fakeInputs({ settings: { registryUri: 'http://registry-setting:5000' }, env }));
    assert.deepEqual(fromSetting.registryUri, { value: 'http://registry-setting:5000', source: 'setting:mlflowRegistry.registryUri' });
    assert.equal(fromSetting.registryUrl, 'http://registry-setting:5000');

    const fromEnv = await resolveConnection(fakeInputs({ env }));
    assert.deepEqual(fromEnv.registryUri, { value: 'http://registry-env:5000', source: 'env:MLFLOW_REGISTRY_URI' });
    assert.equal(fromEnv.registryUrl, 'http://registry-env:5000');
    assert.equal(fromEnv.trackingUri?.value, 'http://tracking:5000');

    const follows = await resolveConnection(fakeInputs({ env: { ...HOME, MLFLOW_TRACKING_URI: 'http://tracking:5000' } }));
    assert.deepEqual(follows.registryUri, { value: 'http://tracking:5000', source: 'trackingUri' });
    assert.equal(follows.registryUrl, 'http://tracking:5000');
  });

  it('a registry URI without a tracking URI is still served', async () => {
    const c = await resolveConnection(fakeInputs({ settings: { registryUri: 'https://reg.example.com/mlflow' } }));
    assert.equal(c.configured, true);
    assert.equal(c.trackingUri, undefined);
    assert.equal(c.kind, 'oss');
    assert.deepEqual(transportOptions(c), { baseUrl: 'https://reg.example.com/mlflow', auth: undefined, dispatcher: undefined });
  });

  for (const uri of ['databricks-uc', 'databricks-uc://prod', 'uc:http://localhost:8080']) {
    it(`registry ${uri}: unityCatalog, said plainly, not thrown`, async () => {
      const c = await resolveConnection(fakeInputs({ settings: { trackingUri: 'databricks', registryUri: uri } }));
      assert.equal(c.kind, 'unityCatalog');
      assert.equal(c.configured, true);
      assert.equal(c.registryUrl, undefined);
      assert.equal(c.problem?.messageId, 'connection.unityCatalogNotServed');
      assert.equal(c.problem?.params.uri, uri);
      assert.equal(transportOptions(c), undefined);
    });
  }

  it('MLFLOW_REGISTRY_URI=databricks-uc is Unity Catalog too', async () => {
    const c = await resolveConnection(
      fakeInputs({ env: { ...HOME, MLFLOW_TRACKING_URI: 'databricks', MLFLOW_REGISTRY_URI: 'databricks-uc' } }),
    );
    assert.equal(c.kind, 'unityCatalog');
    assert.equal(c.registryUri?.source, 'env:MLFLOW_REGISTRY_URI');
  });

  for (const uri of ['./mlruns', '/var/mlruns', 'file:///tmp/mlruns', 'sqlite:///mlflow.db', 'postgresql://u:pw@db/mlflow', 'C:\\mlruns']) {
    it(`local store ${uri}: unsupported, with a message`, async () => {
      const c = await resolveConnection(fakeInputs({ settings: { trackingUri: uri } }));
      assert.equal(c.kind, 'unsupported');
      assert.equal(c.problem?.messageId, 'connection.localStore');
      assert.ok(!JSON.stringify(c).includes('pw@'));
    });
  }

  it('an unknown scheme or a broken http URI is invalid', async () => {
    for (const uri of ['ftp://x', 'http://', 'http://exa mple.com']) {
      const c = await resolveConnection(fakeInputs({ settings: { trackingUri: uri } }));
      assert.equal(c.kind, 'unsupported', uri);
      assert.equal(c.problem?.messageId, 'connection.invalidUri', uri);
    }
  });

  it('user info in the URI becomes basic auth and leaves the URI', async () => {
    const c = await resolveConnection(fakeInputs({ settings: { trackingUri: 'http://ana:s%40cret@host:5000/prefix/?x=1#y' } }));
    assert.equal(c.trackingUri?.value, 'http://host:5000/prefix/?x=1#y');
    assert.equal(c.registryUri?.value, 'http://host:5000/prefix/?x=1#y');
    assert.equal(c.registryUrl, 'http://host:5000/prefix');
    assert.deepEqual(c.auth, { kind: 'basic', source: 'userInfo:setting:mlflowRegistry.trackingUri', username: 'ana' });
    assert.deepEqual(transportOptions(c)?.auth, { kind: 'basic', username: 'ana', password: 's@cret' });
  });

  it('a Databricks tracking URI gives the workspace registry, explicitly, not Unity Catalog', async () => {
    const c = await resolveConnection(
      fakeInputs({
        settings: { trackingUri: 'databricks' },
        env: { ...HOME, DATABRICKS_HOST: 'adb-1.azuredatabricks.net', DATABRICKS_TOKEN: 'dapi-x' },
      }),
    );
    assert.equal(c.kind, 'databricks');
    assert.deepEqual(c.registryUri, { value: 'databricks', source: 'trackingUri' });
    assert.equal(c.registryUrl, 'https://adb-1.azuredatabricks.net');
  });
});

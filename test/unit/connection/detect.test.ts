import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectConnectOptions, type DetectInputs } from '../../../src/connection/detect';

const files = (map: Record<string, string>) => async (p: string) => map[p];

function inputs(over: Partial<DetectInputs>): DetectInputs {
  return { settings: {}, env: {}, platform: 'linux', homeDir: '/home/ana', readFile: files({}), folders: [], ...over };
}

describe('what connect offers without asking', () => {
  it('offers nothing on a bare machine (connect then only asks for a URI)', async () => {
    assert.deepEqual(await detectConnectOptions(inputs({})), []);
  });

  it('offers the settings, workspace first, then MLflow variables, without repeating a URI', async () => {
    const found = await detectConnectOptions(
      inputs({
        settings: { user: 'http://team:5000', workspace: 'http://proj:5000' },
        env: { MLFLOW_TRACKING_URI: 'http://team:5000', MLFLOW_REGISTRY_URI: 'http://reg:5000' },
      }),
    );
    assert.deepEqual(
      found.map((o) => [o.kind, o.uri]),
      [
        ['setting', 'http://proj:5000'],
        ['setting', 'http://team:5000'],
        ['env', 'http://reg:5000'],
      ],
    );
  });

  it('never shows or offers the user:password@ of a variable', async () => {
    const found = await detectConnectOptions(inputs({ env: { MLFLOW_TRACKING_URI: 'https://ana:s3cret@mlflow.example.com' } }));
    assert.deepEqual(
      found.map((o) => o.uri),
      ['https://mlflow.example.com'],
    );
    assert.ok(!JSON.stringify(found).includes('s3cret'));
  });

  it('offers each ~/.databrickscfg profile that names a host, by databricks://profile', async () => {
    const cfg =
      '[DEFAULT]\nhost = https://adb-1.azuredatabricks.net\ntoken = dapi-secret\n\n[staging]\nhost=https://staging.cloud.databricks.com\n\n[empty]\ntoken = x\n';
    const found = await detectConnectOptions(inputs({ readFile: files({ '/home/ana/.databrickscfg': cfg }) }));
    assert.deepEqual(
      found.map((o) => o.uri),
      ['databricks://DEFAULT', 'databricks://staging'],
    );
    const first = found[0];
    assert.ok(first.kind === 'databricksProfile');
    assert.equal(first.host, 'https://adb-1.azuredatabricks.net');
    assert.ok(!JSON.stringify(found).includes('dapi-secret'), 'no token is carried to the quick pick');
  });

  it('reads the profiles from DATABRICKS_CONFIG_FILE when it is set', async () => {
    const found = await detectConnectOptions(
      inputs({
        env: { DATABRICKS_CONFIG_FILE: '~/cfg/dbx.cfg' },
        readFile: files({ '/home/ana/cfg/dbx.cfg': '[prod]\nhost = prod.cloud.databricks.com\n' }),
      }),
    );
    assert.deepEqual(
      found.map((o) => o.uri),
      ['databricks://prod'],
    );
  });

  it('offers mlflow.db and mlruns/ of the first folder by relative URIs, of other folders by absolute ones', async () => {
    const a = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-a-'));
    const b = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-b-'));
    try {
      fs.writeFileSync(path.join(a, 'mlflow.db'), '');
      fs.mkdirSync(path.join(b, 'mlruns'));
      const found = await detectConnectOptions(inputs({ folders: [a, b] }));
      assert.deepEqual(
        found.map((o) => [o.kind, o.uri]),
        [
          ['localStore', 'sqlite:///mlflow.db'],
          ['localStore', path.join(b, 'mlruns')],
        ],
      );
    } finally {
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });
});

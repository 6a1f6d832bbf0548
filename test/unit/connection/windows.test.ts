import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { registryAuth, resolveConnection } from '../../../src/connection';
import { fakeInputs } from './fakes';

const MLFLOW_CREDS = '[mlflow]\r\nmlflow_tracking_username = win-user\r\nmlflow_tracking_password = win-pass\r\n';
const DBCFG = '[DEFAULT]\r\nhost = adb-9.azuredatabricks.net\r\ntoken = dapi-win\r\n';

describe('connection/resolve on Windows', () => {
  it('reads %USERPROFILE%\\.mlflow\\credentials, joined with path.win32', async () => {
    const file = path.win32.join('C:\\Users\\Ana', '.mlflow', 'credentials');
    assert.equal(file, 'C:\\Users\\Ana\\.mlflow\\credentials');
    const inputs = fakeInputs({
      platform: 'win32',
      settings: { trackingUri: 'http://127.0.0.1:5000' },
      env: { USERPROFILE: 'C:\\Users\\Ana', HOMEDRIVE: 'D:', HOMEPATH: '\\Other', HOME: '/c/msys/home' },
      files: { [file]: MLFLOW_CREDS },
    });
    const c = await resolveConnection(inputs);
    assert.deepEqual(inputs.filesRead, [file]);
    assert.deepEqual(c.auth, { kind: 'basic', source: `file:${file}`, username: 'win-user' });
    assert.deepEqual(registryAuth(c), { kind: 'basic', username: 'win-user', password: 'win-pass' });
  });

  it('falls back to %HOMEDRIVE%%HOMEPATH%, then to the home directory handed in', async () => {
    const drive = fakeInputs({
      platform: 'win32',
      settings: { trackingUri: 'databricks' },
      env: { HOMEDRIVE: 'D:', HOMEPATH: '\\Users\\Ana' },
    });
    const c = await resolveConnection(drive);
    assert.deepEqual(drive.filesRead, ['D:\\Users\\Ana\\.databrickscfg']);
    assert.deepEqual(c.databricks?.configFile, { value: 'D:\\Users\\Ana\\.databrickscfg', source: 'default' });

    const fallback = fakeInputs({ platform: 'win32', settings: { trackingUri: 'databricks' }, env: {}, homeDir: 'E:\\Home' });
    await resolveConnection(fallback);
    assert.deepEqual(fallback.filesRead, ['E:\\Home\\.databrickscfg']);
  });

  it('ignores HOME on Windows (as Python does) and USERPROFILE on Linux', async () => {
    const win = fakeInputs({
      platform: 'win32',
      settings: { trackingUri: 'databricks' },
      env: { HOME: '/home/x', USERPROFILE: 'C:\\Users\\Ana' },
    });
    await resolveConnection(win);
    assert.deepEqual(win.filesRead, ['C:\\Users\\Ana\\.databrickscfg']);
    const linux = fakeInputs({
      platform: 'linux',
      settings: { trackingUri: 'databricks' },
      env: { HOME: '/home/x', USERPROFILE: 'C:\\Users\\Ana' },
    });
    await resolveConnection(linux);
    assert.deepEqual(linux.filesRead, ['/home/x/.databrickscfg']);
  });

  it('reads a Databricks profile with CRLF line ends from %USERPROFILE%\\.databrickscfg', async () => {
    const file = 'C:\\Users\\Ana\\.databrickscfg';
    const c = await resolveConnection(
      fakeInputs({
        platform: 'win32',
        settings: { trackingUri: 'databricks' },
        env: { USERPROFILE: 'C:\\Users\\Ana' },
        files: { [file]: DBCFG },
      }),
    );
    assert.equal(c.registryUrl, 'https://adb-9.azuredatabricks.net');
    assert.deepEqual(c.databricks?.host?.source, `file:${file}`);
    assert.deepEqual(registryAuth(c), { kind: 'bearer', token: 'dapi-win' });
  });

  it('expands ~\\ in DATABRICKS_CONFIG_FILE against %USERPROFILE%', async () => {
    const inputs = fakeInputs({
      platform: 'win32',
      settings: { trackingUri: 'databricks' },
      env: { USERPROFILE: 'C:\\Users\\Ana', DATABRICKS_CONFIG_FILE: '~\\cfg\\work.cfg' },
      files: { 'C:\\Users\\Ana\\cfg\\work.cfg': DBCFG },
    });
    const c = await resolveConnection(inputs);
    assert.equal(c.databricks?.configFile.value, 'C:\\Users\\Ana\\cfg\\work.cfg');
    assert.equal(c.registryUrl, 'https://adb-9.azuredatabricks.net');
  });

  it('looks environment variables up whatever their case, as Windows does', async () => {
    const c = await resolveConnection(
      fakeInputs({
        platform: 'win32',
        env: { UserProfile: 'C:\\Users\\Ana', Mlflow_Tracking_Uri: 'http://srv:5000', mlflow_tracking_token: 'tok-win' },
      }),
    );
    assert.equal(c.registryUrl, 'http://srv:5000');
    assert.deepEqual(registryAuth(c), { kind: 'bearer', token: 'tok-win' });
  });

  it('on Linux the case of a variable name matters', async () => {
    const c = await resolveConnection(fakeInputs({ platform: 'linux', env: { HOME: '/h', mlflow_tracking_uri: 'http://srv:5000' } }));
    assert.equal(c.kind, 'unconfigured');
  });
});

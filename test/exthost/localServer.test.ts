import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../src/api';
import { eventually } from '../support/eventually';
import { activateExtension } from './support/extension';

/** A local server starts in seconds here, but a first start on a busy machine has taken minutes. */
const SERVER_START = 150_000;

/**
 * A workspace mlflow.db served by a started mlflow server, with the Python chosen as design.md
 * says. The suite's code-server has a stand-in for the Python extension whose active
 * interpreter is the project's .venv Python (the machine's python3 has no MLflow).
 */
describe("a local mlflow.db served with the user's Python", function () {
  this.timeout(300_000);
  let api: MlflowRegistryApi;
  const mlflowUrl = process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL!;
  const venvPython = process.env.MLFLOW_REGISTRY_EXTHOST_PYTHON!;
  const config = () => vscode.workspace.getConfiguration('mlflowRegistry');
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const models = async () => (await api.tree.children()).map((r) => r.label);

  before(async () => {
    api = await activateExtension();
    fs.copyFileSync(process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_DB!, path.join(folder(), 'mlflow.db'));
  });
  after(async () => {
    await config().update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
    await config().update('trackingUri', undefined, vscode.ConfigurationTarget.Workspace);
    await eventually(() => assert.equal(api.registryUrl(), mlflowUrl), { timeout: SERVER_START, message: "the suite's server again" });
    await eventually(async () => assert.deepEqual(await api.localServers(), []), { message: 'no local server left' });
    await eventually(async () => assert.ok((await models()).includes('power-forecasting-model'), (await models()).join(', ')), {
      message: "the tree from the suite's server",
    });
  });

  it('a store that does not exist is not created: the view says where it looked', async () => {
    await config().update('trackingUri', 'sqlite:///no-such.db', vscode.ConfigurationTarget.Workspace);
    const message = await eventually(
      () => {
        assert.equal(api.tree.state().kind, 'error');
        const m = api.tree.message() ?? '';
        assert.match(m, /no-such\.db/);
        return m;
      },
      { message: 'the error about no-such.db' },
    );
    assert.match(message, /There is no no-such\.db at .*no-such\.db/, message);
    assert.match(message, /sqlite:\/\/\/\/absolute\/path/, 'says how to name another file');
    assert.ok(!fs.existsSync(path.join(folder(), 'no-such.db')), 'no empty store was created');
    assert.deepEqual(await api.localServers(), []);
  });

  it("with no pythonPath, the Python extension's interpreter starts mlflow server for the workspace mlflow.db", async () => {
    await config().update('trackingUri', 'sqlite:///mlflow.db', vscode.ConfigurationTarget.Workspace);
    const url = await eventually(
      () => {
        const u = api.registryUrl() ?? '';
        assert.ok(u.startsWith('http://127.0.0.1:') && u !== mlflowUrl, `the registry is ${u}`);
        return u;
      },
      { timeout: SERVER_START, message: 'a local server' },
    );
    const [server] = await api.localServers();
    assert.equal(server.url, url);
    assert.equal(server.store, path.join(folder(), 'mlflow.db'));
    assert.equal(server.python, venvPython);
    assert.equal(server.pythonSource, 'pythonExtension');
    assert.ok((await models()).includes('power-forecasting-model'), "the copy's model is listed");
  });

  it('when the server dies, the view says so; Retry starts it again', async () => {
    const [before] = await api.localServers();
    // The server process the supervisor started (Linux /proc): killing its group is a crash.
    const server = fs
      .readdirSync('/proc')
      .filter((e) => /^\d+$/.test(e))
      .find((e) => {
        try {
          const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === before.pid;
        } catch {
          return false;
        }
      });
    assert.ok(server, 'the supervisor has a server process');
    process.kill(-Number(server), 'SIGKILL');
    await eventually(() => assert.equal(api.tree.state().kind, 'error'), { timeout: 60_000, message: 'the error' });
    assert.match(api.tree.message() ?? '', /The local MLflow server for mlflow\.db stopped .*Retry starts it again/);
    assert.deepEqual(await api.localServers(), []);
    await vscode.commands.executeCommand('mlflowRegistry.retry');
    const again = await eventually(
      async () => {
        const [server] = await api.localServers();
        assert.ok(server, 'no local server yet');
        return server;
      },
      { timeout: SERVER_START, message: 'a new server' },
    );
    assert.notEqual(again.pid, before.pid);
    await eventually(async () => assert.ok((await models()).includes('power-forecasting-model'), (await models()).join(', ')), {
      message: 'its models',
    });
  });

  it('a pythonPath setting comes before the Python extension: a wrong one says so, and clearing it starts the server again', async () => {
    const wrong = path.join(folder(), 'no-such-python');
    await config().update('pythonPath', wrong, vscode.ConfigurationTarget.Global);
    await eventually(() => assert.equal(api.tree.state().kind, 'error'), { timeout: SERVER_START, message: 'the error' });
    const message = api.tree.message() ?? '';
    assert.match(message, /No Python found at .*no-such-python/, message);
    assert.match(message, /mlflowRegistry\.pythonPath/, 'says which setting to change');
    assert.deepEqual(await api.localServers(), []);
    await config().update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
    await eventually(async () => assert.equal((await api.localServers())[0]?.pythonSource, 'pythonExtension'), {
      timeout: SERVER_START,
      message: "the server again, with the Python extension's interpreter",
    });
    await eventually(async () => assert.ok((await models()).includes('power-forecasting-model'), (await models()).join(', ')), {
      message: 'its models',
    });
  });
});

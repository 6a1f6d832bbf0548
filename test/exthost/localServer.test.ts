import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../src/api';

const ID = 'mlflow-registry-tools.mlflow-model-registry';

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 150_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`waited ${ms / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

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
    api = await vscode.extensions.getExtension<MlflowRegistryApi>(ID)!.activate();
    await api.ready();
    fs.copyFileSync(process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_DB!, path.join(folder(), 'mlflow.db'));
  });
  after(async () => {
    await config().update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
    await config().update('trackingUri', undefined, vscode.ConfigurationTarget.Workspace);
    await until("the suite's server again", () => api.registryUrl() === mlflowUrl);
    await until('no local server left', async () => ((await api.localServers()).length === 0 ? true : undefined), 30_000);
    await until(
      "the tree from the suite's server",
      async () => ((await models()).includes('power-forecasting-model') ? true : undefined),
      30_000,
    );
  });

  it('a store that does not exist is not created: the view says where it looked', async () => {
    await config().update('trackingUri', 'sqlite:///no-such.db', vscode.ConfigurationTarget.Workspace);
    await until(
      'the error',
      () => (api.tree.state().kind === 'error' && /no-such\.db/.test(api.tree.message() ?? '') ? true : undefined),
      30_000,
    );
    const message = api.tree.message() ?? '';
    assert.match(message, /There is no no-such\.db at .*no-such\.db/, message);
    assert.match(message, /sqlite:\/\/\/\/absolute\/path/, 'says how to name another file');
    assert.ok(!fs.existsSync(path.join(folder(), 'no-such.db')), 'no empty store was created');
    assert.deepEqual(await api.localServers(), []);
  });

  it("with no pythonPath, the Python extension's interpreter starts mlflow server for the workspace mlflow.db", async () => {
    await config().update('trackingUri', 'sqlite:///mlflow.db', vscode.ConfigurationTarget.Workspace);
    const url = await until('a local server', () =>
      api.registryUrl()?.startsWith('http://127.0.0.1:') && api.registryUrl() !== mlflowUrl ? api.registryUrl() : undefined,
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
    await until('the error', () => (api.tree.state().kind === 'error' ? true : undefined), 60_000);
    assert.match(api.tree.message() ?? '', /The local MLflow server for mlflow\.db stopped .*Retry starts it again/);
    assert.deepEqual(await api.localServers(), []);
    await vscode.commands.executeCommand('mlflowRegistry.retry');
    const [again] = await until('a new server', async () => ((await api.localServers()).length ? api.localServers() : undefined));
    assert.notEqual(again.pid, before.pid);
    await until('its models', async () => ((await models()).includes('power-forecasting-model') ? true : undefined), 30_000);
  });

  it('a pythonPath setting comes before the Python extension: a wrong one says so, and clearing it starts the server again', async () => {
    const wrong = path.join(folder(), 'no-such-python');
    await config().update('pythonPath', wrong, vscode.ConfigurationTarget.Global);
    await until('the error', () => (api.tree.state().kind === 'error' ? true : undefined));
    const message = api.tree.message() ?? '';
    assert.match(message, /No Python found at .*no-such-python/, message);
    assert.match(message, /mlflowRegistry\.pythonPath/, 'says which setting to change');
    assert.deepEqual(await api.localServers(), []);
    await config().update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
    await until('the server again', async () => ((await api.localServers())[0]?.pythonSource === 'pythonExtension' ? true : undefined));
    await until('its models', async () => ((await models()).includes('power-forecasting-model') ? true : undefined), 30_000);
  });
});

import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalServerError } from '../../../src/localServer';
import { venvBin } from '../../../scripts/testbed/paths';
import { groupAlive } from '../../../scripts/testbed/processGroup';
import { startForTest } from '../../support/localServer';
import { portClosed } from '../../support/ports';
import { sharedServer } from '../../support/testbed';

/** A workspace folder holding a copy of the seeded walkthrough's `mlflow.db`. */
function workspaceWithStore(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'local-store-'));
  fs.copyFileSync(sharedServer().dbPath, path.join(folder, 'mlflow.db'));
  return folder;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function eventually(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function modelNames(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/2.0/mlflow/registered-models/search?max_results=1000`);
  const body = (await res.json()) as { registered_models?: { name: string }[] };
  return (body.registered_models ?? []).map((m) => m.name);
}

describe('local MLflow servers started for a workspace store', function () {
  this.timeout(240_000);
  const folders: string[] = [];
  after(() => {
    for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
  });

  it('serves the workspace mlflow.db with the given Python, and stop() leaves no process and a closed port', async () => {
    const folder = workspaceWithStore();
    folders.push(folder);
    const start = startForTest(folder);
    const server = await start.server;
    const serverGroup = start.group();
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok((await modelNames(server.url)).includes('power-forecasting-model'), 'the seeded model is served from the copy');
    assert.ok(serverGroup > 0 && groupAlive(serverGroup), 'the server runs in a process group of its own');
    await server.stop();
    assert.ok(await eventually(() => !groupAlive(serverGroup)), `processes of group ${serverGroup} remain after stop()`);
    assert.ok(!processAlive(server.pid), 'the supervisor exited');
    assert.ok(await portClosed(server.url), `${server.url} still answers after stop()`);
  });

  it('stops the server and all its workers when the process that started it is killed with SIGKILL', async () => {
    const folder = workspaceWithStore();
    folders.push(folder);
    const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, '..', '..', 'support', 'localServerChild.js'), folder], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = await new Promise<{ url: string; supervisor: number; serverGroup: number }>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.stderr!.on('data', (d) => (err += d));
      child.on('exit', (code) => reject(new Error(`the owner exited (${code}) before its server was up: ${err}`)));
    });
    assert.ok(groupAlive(started.serverGroup), 'the server runs while its owner lives');
    assert.ok((await modelNames(started.url)).includes('power-forecasting-model'));
    child.kill('SIGKILL'); // no exit handler runs: only the supervisor's watch can stop the server
    assert.ok(await eventually(() => !groupAlive(started.serverGroup)), `processes of group ${started.serverGroup} outlived their owner`);
    assert.ok(await eventually(() => !processAlive(started.supervisor)), 'the supervisor outlived its owner');
    assert.ok(await portClosed(started.url), `${started.url} still answers after its owner died`);
  });

  it('serves an mlruns/ folder too (MLflow 3 refuses file stores unless told to allow them)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'local-mlruns-'));
    folders.push(folder);
    fs.mkdirSync(path.join(folder, 'mlruns'));
    const server = await startForTest(folder, { uri: './mlruns' }).server;
    try {
      const res = await fetch(`${server.url}/api/2.0/mlflow/registered-models/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'kept-in-mlruns' }),
      });
      assert.equal(res.status, 200, await res.text());
      assert.deepEqual(await modelNames(server.url), ['kept-in-mlruns']);
      assert.ok(fs.readdirSync(path.join(folder, 'mlruns')).includes('models'), "the model is written into the folder's mlruns/");
    } finally {
      await server.stop();
    }
  });

  it('when the mlflow server process dies on its own, its uvicorn process goes too and the supervisor exits', async () => {
    const folder = workspaceWithStore();
    folders.push(folder);
    const start = startForTest(folder);
    const server = await start.server;
    const serverGroup = start.group();
    process.kill(serverGroup, 'SIGKILL'); // the group leader alone: its child keeps the port unless someone stops it
    assert.ok(await eventually(() => !groupAlive(serverGroup)), `processes of group ${serverGroup} outlived the server process`);
    assert.equal(typeof (await server.exited), 'number', 'the supervisor exited with the server');
    assert.ok(await portClosed(server.url), `${server.url} still answers`);
  });

  it('an aborted start stops what it started and says so', async () => {
    const folder = workspaceWithStore();
    folders.push(folder);
    const abort = new AbortController();
    const start = startForTest(folder, { signal: abort.signal, onGroup: () => abort.abort(new Error('no longer wanted')) });
    await assert.rejects(start.server, /no longer wanted/);
    const serverGroup = start.group();
    assert.ok(serverGroup > 0, 'the server had been started');
    assert.ok(await eventually(() => !groupAlive(serverGroup)), `processes of group ${serverGroup} remain after the abort`);
  });

  it('says MLflow is missing from a Python that has no mlflow module, without starting anything', async () => {
    const folder = workspaceWithStore();
    folders.push(folder);
    // -S: no site-packages, so the project's own Python cannot see its MLflow.
    const err = await startForTest(folder, { python: { command: venvBin('python'), args: ['-S'], source: 'setting' } }).server.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof LocalServerError, `expected a LocalServerError, got ${err}`);
    assert.equal(err.code, 'noMlflow');
    assert.equal(err.python, `${venvBin('python')} -S`);
  });

  it('says the Python was not found when the command does not exist', async () => {
    const folder = workspaceWithStore();
    folders.push(folder);
    const err = await startForTest(folder, {
      python: { command: path.join(folder, 'no-such-python'), args: [], source: 'setting' },
    }).server.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof LocalServerError, `expected a LocalServerError, got ${err}`);
    assert.equal(err.code, 'pythonNotFound');
  });
});

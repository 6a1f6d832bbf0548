import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { type MlflowServer, startMlflowServer } from '../../scripts/testbed/mlflowServer';
import { venvBin } from '../../scripts/testbed/paths';
import { eventually } from '../support/eventually';
import { uniqueName } from '../support/testbed';
import { useE2eSession } from './support/session';

interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  cmdline: string;
}

/** Every process of this machine, read from /proc as `ps` would. */
function processes(): Proc[] {
  const found: Proc[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (fields[0] === 'Z') continue;
      found.push({ pid: Number(entry), ppid: Number(fields[1]), pgid: Number(fields[2]), cmdline });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('connecting in a real VS Code', function () {
  this.timeout(240_000);
  const session = useE2eSession({
    vscode: () => ({
      env: { MLFLOW_TRACKING_URI: '', MLFLOW_REGISTRY_URI: '', DATABRICKS_CONFIG_FILE: '/nonexistent/databrickscfg' },
      // The Python that starts a local server: the project's own, which has the pinned MLflow.
      settings: { 'mlflowRegistry.pythonPath': venvBin('python') },
    }),
  });
  const quickPickRow = (text: string) => session.wb.page.locator(`.quick-input-widget .monaco-list-row:has-text("${text}")`).first();
  const workspaceSettings = () =>
    JSON.parse(fs.readFileSync(path.join(session.vscode.workspace, '.vscode', 'settings.json'), 'utf8')) as Record<string, string>;
  let second: MlflowServer | undefined;
  after(async () => {
    await second?.stop();
  });

  it('with nothing configured, the view says so and offers Connect; the status bar says not connected', async () => {
    await session.wb.openRegistryView();
    await session.wb.page
      .locator('.part.sidebar')
      .getByText('No MLflow registry is configured', { exact: false })
      .waitFor({ timeout: 30_000 });
    await session.wb.page.locator('.part.sidebar .monaco-button:has-text("Connect to a Registry")').waitFor();
    await session.wb.page.locator('.statusbar-item:has-text("MLflow: not connected")').waitFor();
    await session.wb.screenshot('connect-welcome');
  });

  it('Connect offers to enter a URI, refuses one that is not http(s), then saves a good one in the workspace settings and lists the models', async () => {
    await session.wb.page.locator('.part.sidebar .monaco-button:has-text("Connect to a Registry")').click();
    await quickPickRow('Enter a tracking URI').click();
    const input = session.wb.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('ftp://example.com');
    await session.wb.page.locator('.quick-input-widget').getByText('Use an http:// or https:// URL', { exact: false }).waitFor();
    await session.wb.screenshot('connect-invalid');
    await input.fill(session.mlflow.url);
    await session.wb.page.keyboard.press('Enter');
    await session.wb.row('power-forecasting-model').waitFor({ timeout: 60_000 });
    assert.equal(workspaceSettings()['mlflowRegistry.trackingUri'], session.mlflow.url);
    await session.wb.page.locator(`.statusbar-item:has-text("${new URL(session.mlflow.url).host}")`).waitFor({ timeout: 30_000 });
    await session.wb.screenshot('connect-connected');
  });

  it("connects through the quick pick to a second server: its models replace the first one's, and the pick marks the one in use", async () => {
    second = await startMlflowServer({ seed: false });
    const model = uniqueName('second-server-model');
    const res = await fetch(`${second.url}/api/2.0/mlflow/registered-models/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: model }),
    });
    assert.equal(res.status, 200, await res.text());

    await session.wb.runCommand('MLflow: Connect to a Registry');
    const current = quickPickRow(session.mlflow.url);
    await current.waitFor({ timeout: 15_000 });
    assert.match(await current.innerText(), /Workspace settings.*\(in use\)/s, 'the setting in use is offered and marked');
    await session.wb.screenshot('connect-quick-pick');
    await quickPickRow('Enter a tracking URI').click();
    const input = session.wb.page.locator('.quick-input-widget input');
    await input.fill(second.url);
    await session.wb.page.keyboard.press('Enter');
    await session.wb.row(model).waitFor({ timeout: 60_000 });
    await session.wb.row('power-forecasting-model').waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(workspaceSettings()['mlflowRegistry.trackingUri'], second.url);
    await session.wb.page.locator(`.statusbar-item:has-text("${new URL(second.url).host}")`).waitFor({ timeout: 30_000 });
  });

  it('serves the workspace mlflow.db with a started mlflow server; when the page closes and code-server stops, its port closes and none of its processes remain', async () => {
    fs.copyFileSync(session.mlflow.dbPath, path.join(session.vscode.workspace, 'mlflow.db'));
    await session.wb.runCommand('MLflow: Connect to a Registry');
    const local = quickPickRow('Start a local MLflow server for mlflow.db');
    await local.waitFor({ timeout: 15_000 });
    assert.match(await local.innerText(), /sqlite:\/\/\/mlflow\.db/);
    await session.wb.screenshot('connect-local-store-offered');
    await local.click();
    await session.wb.page
      .locator('.part.sidebar')
      .getByText('Starting a local MLflow server for mlflow.db with', { exact: false })
      .waitFor({ timeout: 30_000 });
    // Nothing of the previous registry stays listed (for a command to act on) while the new one starts.
    await session.wb.treeRows().first().waitFor({ state: 'detached', timeout: 10_000 });
    await session.wb.screenshot('connect-local-store-starting');
    await session.wb.row('power-forecasting-model').waitFor({ timeout: 150_000 });
    await session.wb.page.locator('.statusbar-item:has-text("mlflow.db (local)")').waitFor({ timeout: 30_000 });
    assert.equal(workspaceSettings()['mlflowRegistry.trackingUri'], 'sqlite:///mlflow.db');
    await session.wb.screenshot('connect-local-store-served');

    const supervisors = processes().filter((p) => p.cmdline.includes('serve_local.py') && p.cmdline.includes(session.vscode.workspace));
    assert.equal(supervisors.length, 1, `one supervisor runs for the workspace store: ${JSON.stringify(supervisors)}`);
    const port = Number(/--port (\d+)/.exec(supervisors[0].cmdline)?.[1]);
    assert.ok(await portOpen(port), `the local server listens on 127.0.0.1:${port}`);
    const server = processes().find((p) => p.ppid === supervisors[0].pid);
    assert.ok(server && server.pgid === server.pid, 'the mlflow server leads a process group of its own');
    assert.ok(
      processes().filter((p) => p.pgid === server.pgid && p.pid !== server.pid).length >= 1,
      'its uvicorn process runs in that group too',
    );

    await session.wb.close();
    await session.vscode.stop();
    await eventually(async () => assert.ok(!(await portOpen(port)), `127.0.0.1:${port} still accepts connections`), {
      interval: 250,
      message: 'the local server to close its port after code-server stopped',
    });
    const left = () => processes().filter((p) => p.pgid === server.pgid || p.pid === supervisors[0].pid);
    await eventually(() => assert.deepEqual(left(), [], `processes remain: ${JSON.stringify(left())}`), {
      interval: 250,
      message: "the local server's processes to end",
    });
  });
});

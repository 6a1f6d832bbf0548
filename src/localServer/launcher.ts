/**
 * Starts `mlflow server` for a local store with the user's Python, through
 * `python/server/serve_local.py`, which ties the server's life to this process: the server gets
 * a process group of its own, and the supervisor stops that whole group when our end of its
 * standard input closes (this process exited, however it exited), when it is re-parented, or
 * when it is told to stop. Plain Node: no `vscode`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import { request } from 'undici';
import type { LocalStore } from './store';
import { describePython, type PythonCommand } from './choosePython';

export type LocalServerErrorCode = 'pythonNotFound' | 'cannotRun' | 'noMlflow' | 'mlflowSkinny' | 'exited' | 'timeout';

export class LocalServerError extends Error {
  constructor(
    readonly code: LocalServerErrorCode,
    readonly python: string,
    readonly store: string,
    /** The end of the server's output, for the log. */
    readonly output: string,
    readonly exitCode?: number | null,
    /** For cannotRun: the system's reason (EACCES, EISDIR, EINVAL…). */
    readonly errno?: string,
  ) {
    super(`${code}: ${python} for ${store}${exitCode !== undefined ? ` (exit ${exitCode})` : ''}`);
    this.name = 'LocalServerError';
  }
}

export interface LocalServerOptions {
  python: PythonCommand;
  store: LocalStore;
  /** Path of `serve_local.py`. */
  script: string;
  /** Working folder of the server (the workspace folder). */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** A free loopback port is chosen when omitted. */
  port?: number;
  /** How long the server may take to answer /health (importing MLflow alone takes seconds). */
  startTimeoutMs?: number;
  /** Every line the server prints. */
  onOutput?: (line: string) => void;
  signal?: AbortSignal;
}

export interface LocalServer {
  url: string;
  port: number;
  /** The supervisor's pid (the server runs in a group of its own below it). */
  pid: number;
  store: LocalStore;
  python: PythonCommand;
  /** Resolves with the exit code once the supervisor has exited, whatever the reason. */
  readonly exited: Promise<number | null>;
  /** The end of what the server printed (a few KB), for the log when it stops on its own. */
  output(): string;
  /** Stops the server and all its workers; resolves when the supervisor has exited. */
  stop(): Promise<void>;
}

const OUTPUT_KEPT = 4000;

export async function startLocalServer(o: LocalServerOptions): Promise<LocalServer> {
  const port = o.port ?? (await freeLoopbackPort());
  const url = `http://127.0.0.1:${port}`;
  const pythonText = describePython(o.python);
  const args = [
    ...o.python.args,
    o.script,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--workers',
    '1',
    '--backend-store-uri',
    o.store.backendStoreUri,
    '--artifacts-destination',
    o.store.artifactsDir,
  ];
  const child = spawn(o.python.command, args, {
    cwd: o.cwd,
    env: {
      ...(o.env ?? process.env),
      PYTHONUNBUFFERED: '1',
      // MLflow 3 refuses an mlruns/ folder unless told otherwise ("maintenance mode"); the user
      // chose to browse the one they have, so it is served as it is.
      ...(o.store.kind === 'file' ? { MLFLOW_ALLOW_FILE_STORE: 'true' } : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own session on POSIX: killing the editor's process group must leave the supervisor
    // alive long enough to stop the server (it notices through its standard input).
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  let output = '';
  const reader = () => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-OUTPUT_KEPT);
      const lines = (partial + text).split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) o.onOutput?.(line);
    };
  };
  // Both pipes are always drained: a full pipe would block the server.
  child.stdout!.on('data', reader());
  child.stderr!.on('data', reader());
  child.stdin!.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  let spawnError: NodeJS.ErrnoException | undefined;
  child.once('error', (e: NodeJS.ErrnoException) => (spawnError = e));

  const fail = (code: LocalServerErrorCode, exitCode?: number | null, errno?: string) =>
    new LocalServerError(code, pythonText, o.store.path, output.trim(), exitCode, errno);
  const stop = () => stopSupervisor(child, exited);

  const deadline = Date.now() + (o.startTimeoutMs ?? 120_000);
  const progress = { exited: false }; // set from a callback, read in the loop
  void exited.then(() => (progress.exited = true));
  for (;;) {
    if (progress.exited || spawnError) {
      await exited;
      if (spawnError?.code === 'ENOENT') throw fail('pythonNotFound');
      if (spawnError) throw fail('cannotRun', undefined, spawnError.code ?? spawnError.message);
      if (/MLFLOW_NOT_INSTALLED/.test(output) || child.exitCode === 3) throw fail('noMlflow', child.exitCode);
      if (/MLFLOW_SKINNY_ONLY/.test(output) || child.exitCode === 4) throw fail('mlflowSkinny', child.exitCode);
      throw fail('exited', child.exitCode);
    }
    if (o.signal?.aborted) {
      await stop();
      throw o.signal.reason ?? new Error('aborted');
    }
    if (await healthy(url)) break;
    if (Date.now() > deadline) {
      await stop();
      throw fail('timeout');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port, pid: child.pid!, store: o.store, python: o.python, exited, stop, output: () => output };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await request(`${url}/health`, { method: 'GET', headersTimeout: 2000, bodyTimeout: 2000 });
    const text = await res.body.text();
    return res.statusCode === 200 && text.trim().toUpperCase() === 'OK';
  } catch {
    return false;
  }
}

/** Closing its standard input is the supervisor's signal to stop the server; a kill follows if it lingers. */
async function stopSupervisor(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  const timer = setTimeout(() => {
    try {
      // The supervisor stops the server's group on SIGTERM. On Windows a kill reaches the
      // supervisor alone, so take its whole tree down.
      if (process.platform === 'win32') spawn('taskkill', ['/PID', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
      else child.kill('SIGTERM');
    } catch {
      // already gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

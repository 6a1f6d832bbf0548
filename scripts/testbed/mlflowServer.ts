/**
 * Starts the real `mlflow server` (the pinned one in the project's .venv) on 127.0.0.1 and a
 * free port, SQLite backend, artifacts proxied from a temp folder, `--workers 1`, in a process
 * group of its own; optionally seeded with the wind-farm walkthrough (seeded once, then copied
 * from a cache keyed by everything the seed depends on).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './freePort';
import { projectRoot, venvBin, windfarmCsv } from './paths';
import { stopGroup, trackGroup } from './processGroup';

export interface SeedSummary {
  model: string;
  experiment_id: string;
  versions: { version: string; run_id: string; model_id: string; mse: number; source: string }[];
  mlflow_version: string;
}

export interface BasicAuthOptions {
  adminUsername: string;
  /** MLflow wants at least 12 characters (as for every user's password). */
  adminPassword: string;
  /** Permission every user gets on resources they did not create: READ, EDIT, MANAGE or NO_PERMISSIONS. */
  defaultPermission?: string;
}

export interface StartOptions {
  /** Replay the walkthrough (default true). */
  seed?: boolean;
  /** Run MLflow's own authentication app (`--app-name basic-auth`). */
  basicAuth?: BasicAuthOptions;
  /** Called with progress lines ("seeding…"). */
  log?: (line: string) => void;
  /** Keep the temp folder after stop (to look at the server log). */
  keep?: boolean;
}

export interface MlflowServer {
  url: string;
  port: number;
  /** The process group id (the server's pid). */
  pgid: number;
  workDir: string;
  dbPath: string;
  logPath: string;
  version: string;
  seed?: SeedSummary;
  /** Stops the server process but keeps its data, so `resume()` can bring it back on the same port. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 90_000;

export async function startMlflowServer(options: StartOptions = {}): Promise<MlflowServer> {
  const mlflow = venvBin('mlflow');
  if (!fs.existsSync(mlflow)) {
    throw new Error(
      `MLflow is not installed in ${path.dirname(path.dirname(mlflow))}. Run "npm test" or "npm run demo" once: they create it.`,
    );
  }
  if (options.basicAuth && options.basicAuth.adminPassword.length < 12) {
    throw new Error('MLflow refuses an admin password shorter than 12 characters: choose a longer basicAuth.adminPassword.');
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlflow-testbed-'));
  let seed: SeedSummary | undefined;
  if (options.seed ?? true) {
    const cache = await seededCache(options.log);
    fs.copyFileSync(path.join(cache, 'mlflow.db'), path.join(workDir, 'mlflow.db'));
    fs.cpSync(path.join(cache, 'artifacts'), path.join(workDir, 'artifacts'), { recursive: true });
    seed = JSON.parse(fs.readFileSync(path.join(cache, 'seed.json'), 'utf8')) as SeedSummary;
  }
  const server = await launch(workDir, options);
  return { ...server, seed };
}

type Launched = Omit<MlflowServer, 'seed'>;

async function launch(workDir: string, options: StartOptions, fixedPort?: number): Promise<Launched> {
  const port = fixedPort ?? (await freePort());
  const dbPath = path.join(workDir, 'mlflow.db');
  const logPath = path.join(workDir, 'server.log');
  const args = [
    'server',
    '--backend-store-uri',
    `sqlite:///${dbPath}`,
    '--artifacts-destination',
    path.join(workDir, 'artifacts'),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--workers',
    '1',
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONUNBUFFERED: '1', MLFLOW_TRACKING_URI: undefined };
  if (options.basicAuth) {
    const { adminUsername, adminPassword } = options.basicAuth;
    const iniPath = path.join(workDir, 'basic_auth.ini');
    // configparser interpolates `%`: written doubled, it reads back as one.
    const iniText = (v: string) => v.replace(/%/g, '%%');
    fs.writeFileSync(
      iniPath,
      [
        '[mlflow]',
        `default_permission = ${options.basicAuth.defaultPermission ?? 'READ'}`,
        `database_uri = sqlite:///${path.join(workDir, 'basic_auth.db')}`,
        `admin_username = ${iniText(adminUsername)}`,
        `admin_password = ${iniText(adminPassword)}`,
        'authorization_function = mlflow.server.auth:authenticate_request_basic_auth',
        '',
      ].join('\n'),
    );
    env.MLFLOW_AUTH_CONFIG_PATH = iniPath;
    // Set, these would override the ini's admin; MLflow 3.17 also refuses to start without a static Flask secret key (CSRF).
    env.MLFLOW_AUTH_ADMIN_USERNAME = undefined;
    env.MLFLOW_AUTH_ADMIN_PASSWORD = undefined;
    env.MLFLOW_FLASK_SERVER_SECRET_KEY = flaskSecretKey(workDir);
    args.push('--app-name', 'basic-auth');
  }
  const out = fs.openSync(logPath, 'a');
  const child = spawn(venvBin('mlflow'), args, { cwd: workDir, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const pgid = trackGroup(child);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;

  let stopped = false;
  let current = pgid;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopGroup(current);
    if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
  };
  const halt = () => stopGroup(current);
  const resume = async () => {
    const again = await launch(workDir, { ...options, keep: true }, port);
    current = again.pgid;
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`mlflow server exited (code ${exited}) before answering /health:\n${tail(logPath)}`);
    }
    if (await healthy(url)) break;
    if (Date.now() > deadline) {
      options.keep = true;
      await stop();
      throw new Error(`mlflow server did not answer ${url}/health within ${HEALTH_TIMEOUT_MS / 1000} s. Log: ${logPath}\n${tail(logPath)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const version = (await (await fetch(`${url}/version`)).text()).trim();
  return { url, port, pgid, workDir, dbPath, logPath, version, stop, halt, resume };
}

/** One random key per server folder, so a resumed server keeps it. */
function flaskSecretKey(workDir: string): string {
  const file = path.join(workDir, 'flask_secret_key');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8');
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** A seeded database and artifact folder, made once per seed script, data and pinned packages. */
async function seededCache(log?: (line: string) => void): Promise<string> {
  const root = projectRoot();
  const seedScript = path.join(root, 'scripts', 'testbed', 'seed_windfarm.py');
  const hash = createHash('sha256');
  for (const f of [seedScript, windfarmCsv(), path.join(root, 'python', 'constraints-testbed.txt')]) hash.update(fs.readFileSync(f));
  const key = hash.digest('hex').slice(0, 16);
  const cache = path.join(root, '.testbed', `seed-${key}`);
  if (fs.existsSync(path.join(cache, 'seed.json'))) return cache;

  log?.('Seeding the wind-farm walkthrough into a fresh MLflow server (once; cached in .testbed/)...');
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlflow-seed-'));
  const server = await launch(workDir, { keep: true });
  let summary: string;
  try {
    summary = await runSeed(server.url, seedScript);
  } finally {
    await server.stop();
  }
  const staging = `${cache}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.copyFileSync(path.join(workDir, 'mlflow.db'), path.join(staging, 'mlflow.db'));
  fs.cpSync(path.join(workDir, 'artifacts'), path.join(staging, 'artifacts'), { recursive: true });
  fs.writeFileSync(path.join(staging, 'seed.json'), summary);
  fs.rmSync(cache, { recursive: true, force: true });
  fs.renameSync(staging, cache);
  fs.rmSync(workDir, { recursive: true, force: true });
  log?.(`Seeded in ${Math.round((Date.now() - started) / 1000)} s.`);
  return cache;
}

function runSeed(url: string, seedScript: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(venvBin('python'), [seedScript, url, windfarmCsv()], {
      env: { ...process.env, PYTHONUNBUFFERED: '1', MLFLOW_TRACKING_URI: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(last);
      else reject(new Error(`The seed script failed (exit ${code}):\n${stderr.split('\n').slice(-25).join('\n')}`));
    });
  });
}

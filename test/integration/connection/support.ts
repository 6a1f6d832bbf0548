/**
 * What the connection tests share: connection inputs as the extension would build them (with
 * an explicit environment, never the test process's own), a client built the way the extension
 * builds it (resolveConnection -> createDispatcher -> transportOptions), a logger that keeps
 * every line, temp home folders, and MLflow's basic-auth app with an admin and a read-only user.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Dispatcher } from 'undici';
import {
  type ConnectionInputs,
  type ConnectionSettings,
  createDispatcher,
  describeConnection,
  readTextFile,
  type ResolvedConnection,
  resolveConnection,
  type StoredCredential,
  transportOptions,
} from '../../../src/connection';
import { RegistryClient } from '../../../src/registry/client';
import type { RegistryLogger, RequestRecord } from '../../../src/registry/transport';
import { type MlflowServer, startMlflowServer } from '../../../scripts/testbed/mlflowServer';
import { uniqueName } from '../../support/testbed';

export const WALKTHROUGH = 'power-forecasting-model';

/** Keeps every line the transport logs. */
export class CapturingLogger implements RegistryLogger {
  readonly lines: string[] = [];
  debug(message: string): void {
    this.lines.push(`debug: ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn: ${message}`);
  }
}

/** A home folder of its own (so the real ~/.mlflow and ~/.databrickscfg are never read), with the given files. */
export function tempHome(files: Record<string, string> = {}): { home: string; remove(): void } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mlflow-conn-home-'));
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(home, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { mode: 0o600 });
  }
  return { home, remove: () => fs.rmSync(home, { recursive: true, force: true }) };
}

export interface InputsSpec {
  settings?: ConnectionSettings;
  /** The whole environment the resolver sees; HOME should point at a tempHome(). */
  env: Record<string, string | undefined>;
  /** SecretStorage content, keyed by registry URL. */
  stored?: Record<string, StoredCredential>;
}

/** Inputs as the extension fills them, with real files and a SecretStorage stand-in. */
export function connectionInputs(spec: InputsSpec): ConnectionInputs & { secretKeys: string[] } {
  const secretKeys: string[] = [];
  const stored = spec.stored ?? {};
  return {
    settings: spec.settings ?? {},
    env: spec.env,
    platform: 'linux',
    readFile: readTextFile,
    secrets: {
      async get(url) {
        secretKeys.push(url);
        return stored[url];
      },
    },
    secretKeys,
  };
}

export interface Connected {
  resolved: ResolvedConnection;
  client: RegistryClient;
  logger: CapturingLogger;
  records: RequestRecord[];
  /** describeConnection(resolved): what the extension writes to its log on connecting. */
  description: string;
  close(): Promise<void>;
}

/** resolveConnection -> createDispatcher -> RegistryClient, as the extension wires them. */
export async function connect(spec: InputsSpec, logger = new CapturingLogger()): Promise<Connected> {
  const resolved = await resolveConnection(connectionInputs(spec));
  const description = describeConnection(resolved);
  const dispatcher: Dispatcher = await createDispatcher(resolved, readTextFile);
  const options = transportOptions(resolved, dispatcher);
  if (!options) {
    await dispatcher.close();
    throw new Error(`The connection cannot be used:\n${description}`);
  }
  const records: RequestRecord[] = [];
  // Test-sized timeouts; the retry budget stays the interactive one a user gets.
  const client = new RegistryClient({ ...options, logger, timeoutMs: 15_000, onRequest: (r) => records.push(r) });
  return {
    resolved,
    client,
    logger,
    records,
    description,
    close: async () => {
      await client.close();
      await dispatcher.close();
    },
  };
}

/** Runs `fn` with a connection and closes it, whatever happens. */
export async function withConnection<T>(spec: InputsSpec, fn: (c: Connected) => Promise<T>, logger?: CapturingLogger): Promise<T> {
  const c = await connect(spec, logger);
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

export interface Account {
  username: string;
  password: string;
}

export interface AuthBed {
  server: MlflowServer;
  url: string;
  admin: Account;
  /** A user made through MLflow's auth REST API; the server's default permission (READ) applies to the admin's models. */
  reader: Account;
  /** A model the admin created, with this description. */
  model: string;
  description: string;
}

// Passwords with characters that need care: `@ : / # %` in user info, `%` in MLflow's INI file.
const ADMIN: Account = { username: 'registry-admin', password: 'Adm1n:pw@sec%ret' };
const READER: Account = { username: 'ana.reader', password: 'r3ad/only#pass:wd@' };

let bed: Promise<AuthBed> | undefined;

/**
 * MLflow's own authentication app (`mlflow server --app-name basic-auth`, pinned MLflow, no seed),
 * started on first use and shared by the connection suites; a root-level after() stops it.
 */
export function authBed(): Promise<AuthBed> {
  bed ??= startAuthBed();
  return bed;
}

async function startAuthBed(): Promise<AuthBed> {
  const server = await startMlflowServer({
    seed: false,
    basicAuth: { adminUsername: ADMIN.username, adminPassword: ADMIN.password, defaultPermission: 'READ' },
  });
  try {
    const res = await fetch(`${server.url}/api/2.0/mlflow/users/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicHeader(ADMIN) },
      body: JSON.stringify({ username: READER.username, password: READER.password }),
    });
    if (!res.ok) throw new Error(`Creating the read-only user failed: HTTP ${res.status} ${await res.text()}`);
    const model = uniqueName('auth-owned');
    const description = 'Owned by the admin; readers may look, not touch.';
    const admin = new RegistryClient({ baseUrl: server.url, auth: { kind: 'basic', ...ADMIN } });
    try {
      await admin.models.create(model, { description, tags: { owner: 'admin' } });
    } finally {
      await admin.close();
    }
    return { server, url: server.url, admin: ADMIN, reader: READER, model, description };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

export function basicHeader(a: Account): string {
  return `Basic ${Buffer.from(`${a.username}:${a.password}`).toString('base64')}`;
}

// Outside any describe(): a root-level hook, run once after every suite of the run.
after(async function () {
  this.timeout(60_000);
  const started = bed;
  bed = undefined;
  if (started) await (await started.catch(() => undefined))?.server.stop();
});

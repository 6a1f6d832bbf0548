import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  createDispatcher,
  describeConnection,
  describeSource,
  formatConnectionMessage,
  readTextFile,
  resolveConnection,
  type ResolvedConnection,
  type SecretSource,
  type StoredCredential,
  transportOptions,
} from '../connection';
import { connectionMessages } from '../connection/connectionMessages';
import { RegistryClient } from '../registry/client';
import { isRegistryError } from '../registry/errors';
import { localStoreFromUri, type LocalStore } from '../localServer';
import type { RequestRecord } from '../registry/transport';
import type { Logger } from '../logging/logger';
import { describeError } from '../ui/describeError';
import { describeLocalServerError, type LocalServers } from './localServers';
import { readSettings } from './settings';

export interface Connection {
  /** The registry URL requests go to (no credentials in it). */
  url: string;
  /** Where that URL came from, for the status bar: a setting or a variable. */
  source: string;
  client: RegistryClient;
  resolved: ResolvedConnection;
  /** The local store a server started by the extension serves, when the URI named one. */
  localStore?: LocalStore;
}

/** Where credentials live in SecretStorage: one entry per registry URL. */
export const secretKey = (registryUrl: string) => `mlflowRegistry.credentials:${registryUrl}`;

export type Reachability =
  | { kind: 'unknown' }
  | { kind: 'reachable'; serverVersion?: string }
  | { kind: 'unreachable'; message: string }
  /** The server answered, with a 401: it is there, but we are not signed in. */
  | { kind: 'notSignedIn'; message: string };

const MAX_RECORDS = 2000;

/**
 * Which registry the extension talks to, rebuilt whenever the settings change. Everything
 * that needs the registry gets the current client from here.
 */
export class ConnectionService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Connection | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly reachabilityChanged = new vscode.EventEmitter<Reachability>();
  readonly onDidChangeReachability = this.reachabilityChanged.event;
  private current: Connection | undefined;
  private problemText: string | undefined;
  private trustText: string | undefined;
  private sequence = 0;
  /** The local store the settings name (served or not), so a new pythonPath can start it again. */
  private localStoreWanted: LocalStore | undefined;
  private reach: Reachability = { kind: 'unknown' };
  private readonly records: RequestRecord[] = [];
  private requestTotal = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly log: Logger,
    private readonly secretStorage: vscode.SecretStorage,
    private readonly localServers: LocalServers,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          ['mlflowRegistry.trackingUri', 'mlflowRegistry.registryUri', 'mlflowRegistry.databricksProfile'].some((s) =>
            e.affectsConfiguration(s),
          )
        ) {
          this.log.info('Registry settings changed: reconnecting.');
          void this.reconnect();
        } else if (e.affectsConfiguration('mlflowRegistry.pythonPath') && this.localStoreWanted) {
          // Also after a failed start: the error asked the user to set exactly this.
          this.log.info('mlflowRegistry.pythonPath changed: restarting the local MLflow server with it.');
          void this.localServers.retainOnly(undefined).then(() => this.reconnect());
        }
      }),
      localServers.onDidExitUnexpectedly(({ store, code }) => {
        if (this.current?.localStore?.backendStoreUri !== store.backendStoreUri) return;
        const old = this.current;
        this.current = undefined;
        this.problemText = vscode.l10n.t(
          'The local MLflow server for {0} stopped (exit code {1}). Retry starts it again; Show Log has its output.',
          store.label,
          String(code),
        );
        this.setReach({ kind: 'unreachable', message: this.problemText });
        this.changed.fire(undefined);
        void old.client.close();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.log.info('The folder is trusted now: reconnecting with its workspace settings.');
        void this.reconnect();
      }),
    );
  }

  get connection(): Connection | undefined {
    return this.current;
  }

  /** Why no registry can be used although one is named (Unity Catalog, a local store...). */
  /**
   * In an untrusted folder VS Code ignores workspace values of the restricted settings (a
   * cloned repository must not send the user's tokens to a host it names); this says which.
   */
  get trustNotice(): string | undefined {
    return this.trustText;
  }

  /** VS Code hides restricted workspace values entirely when untrusted, so read the files themselves. */
  private async computeTrustNotice(): Promise<string | undefined> {
    if (vscode.workspace.isTrusted) return undefined;
    const files = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
    if (vscode.workspace.workspaceFile?.scheme === 'file') files.push(vscode.workspace.workspaceFile);
    const ignored = new Set<string>();
    for (const file of files) {
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch {
        continue;
      }
      for (const m of text.matchAll(/"mlflowRegistry\.(trackingUri|registryUri|databricksProfile|pythonPath)"\s*:/g))
        ignored.add(`mlflowRegistry.${m[1]}`);
    }
    if (!ignored.size) return undefined;
    return vscode.l10n.t(
      'This folder is not trusted, so its workspace settings {0} are ignored: a cloned repository must not decide where your credentials go. Trust the folder to use them.',
      [...ignored].join(', '),
    );
  }

  get problem(): string | undefined {
    return this.problemText;
  }

  get reachability(): Reachability {
    return this.reach;
  }

  /** Every try sent since activation (retries included), newest last. */
  get requests(): readonly RequestRecord[] {
    return this.records;
  }

  get requestCount(): number {
    return this.requestTotal;
  }

  async reconnect(): Promise<void> {
    const seq = ++this.sequence;
    const next = await this.build();
    if (seq !== this.sequence) {
      void next?.client.close();
      return;
    }
    const old = this.current;
    this.current = next;
    void this.localServers.retainOnly(next?.localStore);
    this.setReach({ kind: 'unknown' });
    this.changed.fire(this.current);
    void old?.client.close();
    void this.checkReachable();
  }

  /** Asks /health and /version; the status bar shows the answer. */
  async checkReachable(): Promise<Reachability> {
    const conn = this.current;
    if (!conn) return this.reach;
    try {
      await conn.client.health();
      const serverVersion = await conn.client.serverVersion();
      if (conn === this.current) this.setReach({ kind: 'reachable', serverVersion });
    } catch (e) {
      if (conn === this.current)
        this.setReach({ kind: isRegistryError(e) && e.isUnauthenticated ? 'notSignedIn' : 'unreachable', message: describeError(e) });
    }
    return this.reach;
  }

  /** Marks the registry reachable or not from what any request just saw. */
  noteResult(error?: unknown): void {
    if (!error) {
      if (this.reach.kind !== 'reachable') void this.checkReachable();
      return;
    }
    if (isRegistryError(error) && (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'invalidResponse')) {
      this.setReach({ kind: 'unreachable', message: describeError(error) });
    } else if (isRegistryError(error) && error.isUnauthenticated) {
      this.setReach({ kind: 'notSignedIn', message: describeError(error) });
    }
  }

  private async build(): Promise<Connection | undefined> {
    this.problemText = undefined;
    this.localStoreWanted = undefined;
    this.trustText = await this.computeTrustNotice();
    const s = readSettings();
    const http = vscode.workspace.getConfiguration('http');
    const secrets: SecretSource = {
      get: async (url) => {
        const raw = await this.secretStorage.get(secretKey(url));
        return raw ? (JSON.parse(raw) as StoredCredential) : undefined;
      },
    };
    const resolved = await resolveConnection({
      settings: { trackingUri: s.trackingUri, registryUri: s.registryUri, databricksProfile: s.databricksProfile },
      secrets,
      env: this.env,
      platform: process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux',
      homeDir: os.homedir(),
      readFile: readTextFile,
      proxy: {
        url: http.get<string>('proxy') || undefined,
        strictSSL: http.get<boolean>('proxyStrictSSL'),
        noProxy: http.get<string[]>('noProxy'),
      },
    });
    this.log.info(describeConnection(resolved));
    for (const w of resolved.warnings) this.log.warn(formatConnectionMessage(w));
    if (resolved.problem?.messageId === 'connection.localStore' && resolved.registryUri) {
      const local = await this.buildLocal(resolved, resolved.registryUri.value);
      if (local !== 'notServed') return local;
    }
    if (resolved.problem) {
      if (resolved.kind !== 'unconfigured') {
        this.problemText = vscode.l10n.t(connectionMessages[resolved.problem.messageId], resolved.problem.params);
        this.log.warn(this.problemText);
      }
      return undefined;
    }
    try {
      const dispatcher = await createDispatcher(resolved, readTextFile);
      const options = transportOptions(resolved, dispatcher);
      if (!options) return undefined;
      const client = this.newClient(options);
      const origin = resolved.registryUri ?? resolved.trackingUri;
      const source = origin ? describeSource(origin.source === 'trackingUri' ? resolved.trackingUri!.source : origin.source) : '';
      return { url: client.baseUrl, source, client, resolved };
    } catch (e) {
      this.problemText = describeError(e);
      this.log.error(`The registry connection could not be set up: ${this.problemText}`);
      return undefined;
    }
  }

  private newClient(options: Pick<ConstructorParameters<typeof RegistryClient>[0], 'baseUrl' | 'auth' | 'dispatcher'>): RegistryClient {
    return new RegistryClient({
      ...options,
      logger: { debug: (m) => this.log.debug(m), warn: (m) => this.log.warn(m) },
      userAgent: `mlflow-registry-vscode/${vscode.version}`,
      onRequest: (r) => {
        this.requestTotal++;
        this.records.push(r);
        if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
      },
    });
  }

  /**
   * A local store (`sqlite:///mlflow.db`, `./mlruns`) is served by an `mlflow server` the
   * extension starts with the user's Python, in a trusted folder only (it runs a program).
   * 'notServed' for stores no server is started for (other databases).
   */
  private async buildLocal(resolved: ResolvedConnection, uri: string): Promise<Connection | undefined | 'notServed'> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const store = localStoreFromUri(uri, folder?.uri.fsPath);
    if (!store) return 'notServed';
    this.localStoreWanted = store;
    if (!fs.existsSync(store.path)) {
      // `mlflow server` would create an empty store there: say where we looked instead.
      this.problemText =
        store.kind === 'sqlite'
          ? vscode.l10n.t(
              'There is no {0} at {1}. A relative sqlite:/// path is read from the workspace folder here (MLflow reads it from the folder your script runs in): write sqlite:////absolute/path/{0} to name another file.',
              store.label,
              store.path,
            )
          : vscode.l10n.t(
              'There is no MLflow store folder at {0}. Name an existing mlruns folder, by an absolute path or one relative to the workspace folder.',
              store.path,
            );
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      this.problemText = vscode.l10n.t(
        '{0} is a local store: the extension can serve it by starting `mlflow server` with your Python, but only in a trusted folder. Trust this folder to start it.',
        store.label,
      );
      return undefined;
    }
    try {
      const server = await this.localServers.serve(store, folder);
      const client = this.newClient({ baseUrl: server.url });
      const origin = resolved.registryUri!;
      const from = describeSource(origin.source === 'trackingUri' ? resolved.trackingUri!.source : origin.source);
      return {
        url: client.baseUrl,
        source: vscode.l10n.t('{0}; a local server for {1}', from, store.path),
        client,
        resolved,
        localStore: store,
      };
    } catch (e) {
      this.problemText = describeLocalServerError(e, store);
      this.log.error(this.problemText);
      return undefined;
    }
  }

  private setReach(r: Reachability): void {
    this.reach = r;
    this.reachabilityChanged.fire(r);
  }

  dispose(): void {
    void this.current?.client.close();
    this.changed.dispose();
    this.reachabilityChanged.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

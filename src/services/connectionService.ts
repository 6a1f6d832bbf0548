// Job: settings and secrets in, a connection out: which registry the extension talks to, rebuilt when they change.
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
  transportOptions,
} from '../connection';
import { connectionMessages } from '../connection/connectionMessages';
import type { LocalStore } from '../localServer';
import type { Logger } from '../logging/logger';
import type { RegistryClient } from '../registry/client';
import { describeError } from '../ui/describeError';
import type { LocalConnections } from './localConnection';
import type { RegistryClients } from './registryClients';
import { readEditorProxy, readSettings } from './settings';
import { untrustedSettingsNotice } from './trustNotice';

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

const REGISTRY_SETTINGS = ['mlflowRegistry.trackingUri', 'mlflowRegistry.registryUri', 'mlflowRegistry.databricksProfile'];

/**
 * Which registry the extension talks to, rebuilt whenever the settings, the stored
 * credentials or the folder's trust change. Everything that needs the registry gets the
 * current client from here.
 */
export class ConnectionService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Connection | undefined>();
  readonly onDidChange = this.changed.event;
  private current: Connection | undefined;
  private problemText: string | undefined;
  private trustText: string | undefined;
  private sequence = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly log: Logger,
    private readonly secrets: SecretSource,
    private readonly clients: RegistryClients,
    private readonly local: LocalConnections,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!REGISTRY_SETTINGS.some((s) => e.affectsConfiguration(s))) return;
        this.log.info('Registry settings changed: reconnecting.');
        void this.reconnect();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.log.info('The folder is trusted now: reconnecting with its workspace settings.');
        void this.reconnect();
      }),
      local.onDidRequestReconnect(() => void this.reconnect()),
      local.onDidLoseServer(({ store, problem }) => {
        const old = this.current;
        if (old?.localStore?.backendStoreUri !== store.backendStoreUri) return;
        this.current = undefined;
        this.problemText = problem;
        this.changed.fire(undefined);
        void old.client.close();
      }),
    );
  }

  get connection(): Connection | undefined {
    return this.current;
  }

  /** Why no registry can be used although one is named (Unity Catalog, a local store that cannot start...). */
  get problem(): string | undefined {
    return this.problemText;
  }

  /** Which of the folder's restricted settings are ignored because it is not trusted (see trustNotice.ts). */
  get trustNotice(): string | undefined {
    return this.trustText;
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
    void this.local.retainOnly(next?.localStore);
    this.changed.fire(this.current);
    void old?.client.close();
  }

  private async build(): Promise<Connection | undefined> {
    this.problemText = undefined;
    this.local.forget();
    this.trustText = await untrustedSettingsNotice();
    const s = readSettings();
    const resolved = await resolveConnection({
      settings: { trackingUri: s.trackingUri, registryUri: s.registryUri, databricksProfile: s.databricksProfile },
      secrets: this.secrets,
      env: this.env,
      platform: process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux',
      homeDir: os.homedir(),
      readFile: readTextFile,
      proxy: readEditorProxy(),
    });
    this.log.info(describeConnection(resolved));
    for (const w of resolved.warnings) this.log.warn(formatConnectionMessage(w));
    if (resolved.problem?.messageId === 'connection.localStore' && resolved.registryUri) {
      const served = await this.local.serve(resolved.registryUri.value);
      if (served.kind === 'refused') {
        this.problemText = served.problem;
        return undefined;
      }
      if (served.kind === 'served') {
        const client = this.clients.create({ baseUrl: served.url });
        const from = this.sourceOf(resolved);
        const source = vscode.l10n.t('{0}; a local server for {1}', from, served.store.path);
        return { url: client.baseUrl, source, client, resolved, localStore: served.store };
      }
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
      const client = this.clients.create(options);
      return { url: client.baseUrl, source: this.sourceOf(resolved), client, resolved };
    } catch (e) {
      this.problemText = describeError(e);
      this.log.error(`The registry connection could not be set up: ${this.problemText}`);
      return undefined;
    }
  }

  /** Where the registry URL came from: the setting or variable that named it. */
  private sourceOf(resolved: ResolvedConnection): string {
    const origin = resolved.registryUri ?? resolved.trackingUri;
    if (!origin) return '';
    return describeSource(origin.source === 'trackingUri' && resolved.trackingUri ? resolved.trackingUri.source : origin.source);
  }

  dispose(): void {
    void this.current?.client.close();
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

import * as vscode from 'vscode';
import { RegistryClient } from '../registry/client';
import { isRegistryError } from '../registry/errors';
import type { RequestRecord } from '../registry/transport';
import type { Logger } from '../logging/logger';
import { describeError } from '../ui/describeError';
import { readSettings } from './settings';

export interface Connection {
  /** The registry URL requests go to (no credentials in it). */
  url: string;
  /** Where that URL came from, for the status bar: a setting or a variable. */
  source: string;
  client: RegistryClient;
}

export type Reachability =
  | { kind: 'unknown' }
  | { kind: 'reachable'; serverVersion?: string }
  | { kind: 'unreachable'; message: string };

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
  private reach: Reachability = { kind: 'unknown' };
  private readonly records: RequestRecord[] = [];
  private requestTotal = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: Logger, private readonly env: NodeJS.ProcessEnv = process.env) {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (['mlflowRegistry.trackingUri', 'mlflowRegistry.registryUri', 'mlflowRegistry.databricksProfile'].some((s) => e.affectsConfiguration(s))) {
        this.log.info('Registry settings changed: reconnecting.');
        this.reconnect();
      }
    }));
  }

  get connection(): Connection | undefined {
    return this.current;
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

  reconnect(): void {
    const old = this.current;
    this.current = this.build();
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
      if (conn === this.current) this.setReach({ kind: 'unreachable', message: describeError(e) });
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
    }
  }

  private build(): Connection | undefined {
    const s = readSettings();
    let url = s.registryUri || this.env.MLFLOW_REGISTRY_URI || '';
    let source = s.registryUri ? 'setting mlflowRegistry.registryUri' : this.env.MLFLOW_REGISTRY_URI ? 'MLFLOW_REGISTRY_URI' : '';
    if (!url) {
      url = s.trackingUri || this.env.MLFLOW_TRACKING_URI || '';
      source = s.trackingUri ? 'setting mlflowRegistry.trackingUri' : this.env.MLFLOW_TRACKING_URI ? 'MLFLOW_TRACKING_URI' : '';
    }
    if (!url) return undefined;
    try {
      const client = new RegistryClient({
        baseUrl: url,
        logger: { debug: (m) => this.log.debug(m), warn: (m) => this.log.warn(m) },
        userAgent: `mlflow-registry-vscode/${vscode.version}`,
        onRequest: (r) => {
          this.requestTotal++;
          this.records.push(r);
          if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
        },
      });
      this.log.info(`Registry: ${client.baseUrl} (from ${source})`);
      return { url: client.baseUrl, source, client };
    } catch (e) {
      this.log.error(`The registry URI from ${source} is not usable: ${describeError(e)}`);
      this.setReach({ kind: 'unreachable', message: describeError(e) });
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

// Job: what the connected server can do (model aliases or not), found once per connection.
import * as vscode from 'vscode';
import { detectCapabilities, type ServerCapabilities } from '../registry/capabilities';
import type { Logger } from '../logging/logger';
import type { Connection, ConnectionService } from './connectionService';
import type { Reachability, ReachabilityService } from './reachability';

/** The context key `when` clauses of alias commands use: false once the server is known to lack aliases. */
export const ALIASES_CONTEXT_KEY = 'mlflowRegistry.aliases';

/**
 * What the connected server can do, found once per connection: when the connection check
 * has read `/version` (so no second request for it), the registry client decides, probing
 * the alias endpoint only when the version cannot tell. Until it is known, aliases show.
 */
export class CapabilitiesService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ServerCapabilities | undefined>();
  readonly onDidChange = this.changed.event;
  private caps: ServerCapabilities | undefined;
  /** The connection `caps` (or the detection running now) belongs to. */
  private detecting: Connection | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly connections: ConnectionService,
    reachability: ReachabilityService,
    private readonly log: Logger,
  ) {
    this.subscriptions.push(
      connections.onDidChange(() => {
        this.detecting = undefined;
        this.set(undefined);
      }),
      reachability.onDidChange((r) => void this.onReachability(r)),
    );
    this.setContext();
  }

  /** Undefined until the connected server has been asked (or when none is connected). */
  get current(): ServerCapabilities | undefined {
    return this.caps;
  }

  /** Whether alias text, flags and forms show: yes unless the server is known to lack them. */
  get aliases(): boolean {
    return this.caps?.aliases ?? true;
  }

  /** One sentence on what is hidden and why, or undefined when nothing is. */
  get notice(): string | undefined {
    const c = this.caps;
    if (!c || c.aliases) return undefined;
    return c.aliasesReason === 'version' && c.serverVersion
      ? vscode.l10n.t('This server runs MLflow {0}; model aliases need MLflow 2.3 or later, so alias features are hidden.', c.serverVersion)
      : vscode.l10n.t('This registry does not offer model aliases (its alias endpoint is not there), so alias features are hidden.');
  }

  private async onReachability(r: Reachability): Promise<void> {
    const conn = this.connections.connection;
    if (r.kind !== 'reachable' || !conn || this.detecting === conn) return;
    this.detecting = conn;
    try {
      const caps = await detectCapabilities(conn.client, { known: { serverVersion: r.serverVersion } });
      if (this.connections.connection !== conn || this.detecting !== conn) return;
      this.log.info(
        `Server capabilities: MLflow ${caps.serverVersion ?? '(no /version)'}, aliases ${caps.aliases ? 'supported' : `hidden (${caps.aliasesReason})`}.`,
      );
      this.set(caps);
    } catch (e) {
      // Nothing learnt (no answer, not signed in): ask again the next time the server answers.
      if (this.detecting === conn) this.detecting = undefined;
      this.log.warn(`Could not tell what the server supports: ${e instanceof Error ? e.message : e}`);
    }
  }

  private set(caps: ServerCapabilities | undefined): void {
    const before = JSON.stringify(this.caps);
    this.caps = caps;
    this.setContext();
    if (JSON.stringify(caps) !== before) this.changed.fire(caps);
  }

  private setContext(): void {
    void vscode.commands.executeCommand('setContext', ALIASES_CONTEXT_KEY, this.aliases);
  }

  dispose(): void {
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

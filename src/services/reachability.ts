// Job: whether the connected registry answers (reachable, unreachable, not signed in), for the status bar.
import * as vscode from 'vscode';
import { isRegistryError } from '../registry/errors';
import { describeError } from '../ui/describeError';
import type { ConnectionService } from './connectionService';

export type Reachability =
  | { kind: 'unknown' }
  | { kind: 'reachable'; serverVersion?: string }
  | { kind: 'unreachable'; message: string }
  /** The server answered, with a 401: it is there, but we are not signed in. */
  | { kind: 'notSignedIn'; message: string };

/**
 * Asks `/health` and `/version` after each (re)connection and when asked; requests made for
 * other reasons report their failures here too (`noteResult`).
 */
export class ReachabilityService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Reachability>();
  readonly onDidChange = this.changed.event;
  private reach: Reachability = { kind: 'unknown' };
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly connections: ConnectionService) {
    this.subscriptions = [
      connections.onDidChange((c) => {
        this.set({ kind: 'unknown' });
        if (c) void this.check();
      }),
    ];
  }

  get current(): Reachability {
    return this.reach;
  }

  /** Asks /health and /version; the status bar shows the answer. */
  async check(): Promise<Reachability> {
    const conn = this.connections.connection;
    if (!conn) return this.reach;
    try {
      await conn.client.health();
      const serverVersion = await conn.client.serverVersion();
      if (conn === this.connections.connection) this.set({ kind: 'reachable', serverVersion });
    } catch (e) {
      if (conn === this.connections.connection) {
        this.set({ kind: isRegistryError(e) && e.isUnauthenticated ? 'notSignedIn' : 'unreachable', message: describeError(e) });
      }
    }
    return this.reach;
  }

  /** Failures seen elsewhere (the tree's listing) say something about the server too. */
  noteFailuresOf(failures: vscode.Event<unknown>): vscode.Disposable {
    return failures((error) => this.noteResult(error));
  }

  /** Marks the registry reachable or not from what any request just saw. */
  noteResult(error?: unknown): void {
    if (!error) {
      if (this.reach.kind !== 'reachable') void this.check();
      return;
    }
    if (isRegistryError(error) && (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'invalidResponse')) {
      this.set({ kind: 'unreachable', message: describeError(error) });
    } else if (isRegistryError(error) && error.isUnauthenticated) {
      this.set({ kind: 'notSignedIn', message: describeError(error) });
    }
  }

  private set(r: Reachability): void {
    this.reach = r;
    this.changed.fire(r);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

// Job: turns a local store named by the settings (sqlite:///mlflow.db, ./mlruns) into a served registry URL.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { localStoreFromUri, type LocalStore } from '../localServer';
import type { Logger } from '../logging/logger';
import { describeLocalServerError, type LocalServers } from './localServers';

export type LocalServing =
  /** The URI names no store a server is started for (another database): the caller goes on as usual. */
  | { kind: 'notServed' }
  | { kind: 'served'; url: string; store: LocalStore }
  /** A store that cannot be served now, and why, in one sentence for the view. */
  | { kind: 'refused'; problem: string; store: LocalStore };

/**
 * A local store is served by an `mlflow server` the extension starts with the user's Python,
 * in a trusted folder only (it runs a program). Remembers the store the settings want, so a
 * new `pythonPath` starts it again (also after a failed start: the error asked for exactly
 * that), and says when a server stops on its own.
 */
export class LocalConnections implements vscode.Disposable {
  private wanted: LocalStore | undefined;
  private readonly restartWanted = new vscode.EventEmitter<void>();
  /** The settings that decide how the wanted store is served changed: connect again. */
  readonly onDidRequestReconnect = this.restartWanted.event;
  private readonly lost = new vscode.EventEmitter<{ store: LocalStore; problem: string }>();
  /** The server of the store in use stopped without being asked to. */
  readonly onDidLoseServer = this.lost.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly servers: LocalServers,
    private readonly log: Logger,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('mlflowRegistry.pythonPath') || !this.wanted) return;
        this.log.info('mlflowRegistry.pythonPath changed: restarting the local MLflow server with it.');
        void this.servers.retainOnly(undefined).then(() => this.restartWanted.fire());
      }),
      servers.onDidExitUnexpectedly(({ store, code }) => {
        if (this.wanted?.backendStoreUri !== store.backendStoreUri) return;
        const problem = vscode.l10n.t(
          'The local MLflow server for {0} stopped (exit code {1}). Retry starts it again; Show Log has its output.',
          store.label,
          String(code),
        );
        this.lost.fire({ store, problem });
      }),
    ];
  }

  /** Serves the store `uri` names (starting a server when none runs for it), or says why not. */
  async serve(uri: string): Promise<LocalServing> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const store = localStoreFromUri(uri, folder?.uri.fsPath);
    this.wanted = store;
    if (!store) return { kind: 'notServed' };
    if (!fs.existsSync(store.path)) {
      // `mlflow server` would create an empty store there: say where we looked instead.
      const problem =
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
      return { kind: 'refused', problem, store };
    }
    if (!vscode.workspace.isTrusted) {
      const problem = vscode.l10n.t(
        '{0} is a local store: the extension can serve it by starting `mlflow server` with your Python, but only in a trusted folder. Trust this folder to start it.',
        store.label,
      );
      return { kind: 'refused', problem, store };
    }
    try {
      const server = await this.servers.serve(store, folder);
      return { kind: 'served', url: server.url, store };
    } catch (e) {
      const problem = describeLocalServerError(e, store);
      this.log.error(problem);
      return { kind: 'refused', problem, store };
    }
  }

  /** No local store is wanted (another registry is chosen). */
  forget(): void {
    this.wanted = undefined;
  }

  /** Stops every server but the one for `keep`. */
  retainOnly(keep: LocalStore | undefined): Promise<void> {
    return this.servers.retainOnly(keep);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.restartWanted.dispose();
    this.lost.dispose();
  }
}

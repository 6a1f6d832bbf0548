// Job: starts, reuses and stops the local `mlflow server` processes this window runs.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describePython, type LocalServer, LocalServerError, type LocalStore, type PythonSource, startLocalServer } from '../localServer';
import type { Logger } from '../logging/logger';
import { resolvePython } from './pythonInterpreter';

interface Entry {
  server: Promise<LocalServer>;
  /** Aborts the start while the server is not up yet. */
  abort: AbortController;
}

/**
 * The `mlflow server`s this window started for local stores (a workspace's `mlflow.db` or
 * `mlruns/`), one per store, reused while the store stays chosen and stopped when it is not
 * (and when the window goes: each server also watches this process, see serve_local.py).
 */
export class LocalServers implements vscode.Disposable {
  private readonly servers = new Map<string, Entry>();
  /** Stops under way, by store: a new start for the same store waits for the old one to let go of it. */
  private readonly stopping = new Map<string, Promise<void>>();
  private readonly exited = new vscode.EventEmitter<{ store: LocalStore; code: number | null }>();
  /** A server stopped without being asked to. */
  readonly onDidExitUnexpectedly = this.exited.event;
  private readonly startingTexts = new Map<string, string>();
  private readonly startingChanged = new vscode.EventEmitter<void>();
  /** A server is starting (or has finished starting): the view says so meanwhile. */
  readonly onDidChangeStarting = this.startingChanged.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Logger,
  ) {}

  /** While a server starts: a sentence saying which, with which Python. */
  get starting(): string | undefined {
    return [...this.startingTexts.values()].pop();
  }

  /** The server for `store`, started (with progress in the Models view) when none runs yet. */
  serve(store: LocalStore, folder: vscode.WorkspaceFolder | undefined): Promise<LocalServer> {
    const key = store.backendStoreUri;
    const existing = this.servers.get(key);
    if (existing) return existing.server;
    const abort = new AbortController();
    const entry: Entry = { abort, server: this.start(store, folder, abort.signal) };
    this.servers.set(key, entry);
    entry.server.catch(() => {
      if (this.servers.get(key) === entry) this.servers.delete(key);
    });
    return entry.server;
  }

  /** Stops every server but the one for `keep` (a start under way is abandoned). */
  async retainOnly(keep?: LocalStore): Promise<void> {
    const stops: Promise<void>[] = [];
    for (const [key, entry] of this.servers) {
      if (key === keep?.backendStoreUri) continue;
      this.servers.delete(key);
      entry.abort.abort(new Error('The local server is no longer wanted.'));
      const stop = entry.server
        .then(
          (s) => {
            this.log.info(`Stopping the local MLflow server for ${s.store.path} (${s.url}).`);
            return s.stop();
          },
          () => undefined,
        )
        .finally(() => {
          if (this.stopping.get(key) === stop) this.stopping.delete(key);
        });
      this.stopping.set(key, stop);
      stops.push(stop);
    }
    await Promise.all(stops);
  }

  /** What runs now, for the API and tests. */
  async running(): Promise<{ url: string; pid: number; store: string; python: string; pythonSource: PythonSource }[]> {
    const all = await Promise.allSettled([...this.servers.values()].map((e) => e.server));
    return all.flatMap((r) =>
      r.status === 'fulfilled'
        ? [
            {
              url: r.value.url,
              pid: r.value.pid,
              store: r.value.store.path,
              python: describePython(r.value.python),
              pythonSource: r.value.python.source,
            },
          ]
        : [],
    );
  }

  private async start(store: LocalStore, folder: vscode.WorkspaceFolder | undefined, signal: AbortSignal): Promise<LocalServer> {
    const key = store.backendStoreUri;
    await this.stopping.get(key); // the same store's previous server lets go of its database first
    const python = await resolvePython(folder, this.log);
    signal.throwIfAborted();
    const pythonText = describePython(python);
    this.log.info(`Starting a local MLflow server for ${store.path} with ${pythonText} (from ${python.source}).`);
    this.startingTexts.set(
      key,
      vscode.l10n.t('Starting a local MLflow server for {0} with {1}… The first start can take half a minute.', store.label, pythonText),
    );
    this.startingChanged.fire();
    let server: LocalServer;
    try {
      server = await vscode.window.withProgress(
        { location: { viewId: 'mlflowRegistry.models' }, title: vscode.l10n.t('Starting a local MLflow server for {0}…', store.label) },
        () =>
          startLocalServer({
            python,
            store,
            script: vscode.Uri.joinPath(this.extensionUri, 'python', 'server', 'serve_local.py').fsPath,
            cwd: folder?.uri.fsPath ?? path.dirname(store.path),
            onOutput: (line) => this.log.debug(`[mlflow server] ${line}`),
            signal,
          }),
      );
    } catch (e) {
      if (e instanceof LocalServerError && e.output)
        this.log.error(`The local MLflow server for ${store.path} did not start (${e.code}). Its output:\n${e.output}`);
      throw e;
    } finally {
      this.startingTexts.delete(key);
      this.startingChanged.fire();
    }
    this.log.info(`The local MLflow server for ${store.path} answers at ${server.url} (supervisor pid ${server.pid}).`);
    void server.exited.then((code) => {
      const entry = this.servers.get(key);
      if (!entry) return; // stopped on purpose
      void entry.server.then(
        (s) => {
          if (s !== server) return;
          this.servers.delete(key);
          this.log.error(
            `The local MLflow server for ${store.path} stopped (exit code ${code}). Its last output:\n${server.output().trim()}`,
          );
          this.exited.fire({ store, code });
        },
        () => undefined,
      );
    });
    return server;
  }

  dispose(): void {
    void this.retainOnly(undefined);
    this.exited.dispose();
    this.startingChanged.dispose();
  }
}

/** A sentence for the Models view when a local server could not start. */
export function describeLocalServerError(e: unknown, store: LocalStore): string {
  if (!(e instanceof LocalServerError))
    return vscode.l10n.t('The local MLflow server for {0} did not start: {1}', store.label, e instanceof Error ? e.message : String(e));
  switch (e.code) {
    case 'pythonNotFound':
      return vscode.l10n.t(
        'No Python found at {0} to start an MLflow server for {1}. Set mlflowRegistry.pythonPath to a Python that has MLflow installed, or select an interpreter with the Python extension.',
        e.python,
        store.label,
      );
    case 'cannotRun':
      return vscode.l10n.t(
        '{0} cannot be run ({1}), so no MLflow server can be started for {2}. Set mlflowRegistry.pythonPath to a Python executable that has MLflow installed.',
        e.python,
        e.errno ?? '',
        store.label,
      );
    case 'noMlflow':
      return vscode.l10n.t(
        '{0} has no MLflow, so no server can be started for {1}. Install it ({0} -m pip install mlflow) or set mlflowRegistry.pythonPath to a Python that has it.',
        e.python,
        store.label,
      );
    case 'mlflowSkinny':
      return vscode.l10n.t(
        '{0} has mlflow-skinny, which has no tracking server, so none can be started for {1}. Install the full package ({0} -m pip install mlflow) or set mlflowRegistry.pythonPath to a Python that has it.',
        e.python,
        store.label,
      );
    case 'timeout':
      return vscode.l10n.t('The local MLflow server for {0} did not answer in time. Show Log has its output.', store.label);
    case 'exited':
    default:
      return vscode.l10n.t(
        'The local MLflow server for {0} stopped while starting (exit code {1}). Show Log has its output.',
        store.label,
        String(e.exitCode),
      );
  }
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import { describePython, LocalServer, LocalServerError, LocalStore, startLocalServer } from '../localServer';
import type { Logger } from '../logging/logger';
import { resolvePython } from './python';

/**
 * The `mlflow server`s this window started for local stores (a workspace's `mlflow.db` or
 * `mlruns/`), one per store, reused while the store stays chosen and stopped when it is not
 * (and when the window goes: each server also watches this process, see serve_local.py).
 */
export class LocalServers implements vscode.Disposable {
  private readonly servers = new Map<string, Promise<LocalServer>>();
  private readonly exited = new vscode.EventEmitter<{ store: LocalStore; code: number | null }>();
  /** A server stopped without being asked to. */
  readonly onDidExitUnexpectedly = this.exited.event;
  private readonly stopping = new Set<string>();
  private startingText: string | undefined;
  private readonly startingChanged = new vscode.EventEmitter<void>();
  /** A server is starting (or has finished starting): the view says so meanwhile. */
  readonly onDidChangeStarting = this.startingChanged.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: Logger) {}

  /** The server for `store`, started (with progress in the Models view) when none runs yet. */
  serve(store: LocalStore, folder: vscode.WorkspaceFolder | undefined): Promise<LocalServer> {
    const key = store.backendStoreUri;
    let server = this.servers.get(key);
    if (!server) {
      server = this.start(store, folder);
      this.servers.set(key, server);
      server.catch(() => this.servers.delete(key));
    }
    return server;
  }

  /** While a server starts: a sentence saying which, with which Python. */
  get starting(): string | undefined {
    return this.startingText;
  }

  /** Stops every server but the one for `keep`. */
  async retainOnly(keep?: LocalStore): Promise<void> {
    const stops: Promise<void>[] = [];
    for (const [key, server] of this.servers) {
      if (key === keep?.backendStoreUri) continue;
      this.servers.delete(key);
      this.stopping.add(key);
      stops.push(server.then((s) => {
        this.log.info(`Stopping the local MLflow server for ${s.store.path} (${s.url}).`);
        return s.stop();
      }, () => undefined).finally(() => this.stopping.delete(key)));
    }
    await Promise.all(stops);
  }

  /** What runs now, for the API and tests. */
  async running(): Promise<{ url: string; store: string; pid: number; python: string }[]> {
    const all = await Promise.allSettled([...this.servers.values()]);
    return all.flatMap((r) => (r.status === 'fulfilled' ? [{ url: r.value.url, store: r.value.store.path, pid: r.value.pid, python: describePython(r.value.python) }] : []));
  }

  private async start(store: LocalStore, folder: vscode.WorkspaceFolder | undefined): Promise<LocalServer> {
    const python = await resolvePython(folder, this.log);
    const pythonText = describePython(python);
    this.log.info(`Starting a local MLflow server for ${store.path} with ${pythonText} (from ${python.source}).`);
    this.startingText = vscode.l10n.t('Starting a local MLflow server for {0} with {1}… The first start can take half a minute.', store.label, pythonText);
    this.startingChanged.fire();
    const server = await Promise.resolve(vscode.window.withProgress(
      { location: { viewId: 'mlflowRegistry.models' }, title: vscode.l10n.t('Starting a local MLflow server for {0}…', store.label) },
      () => startLocalServer({
        python,
        store,
        script: vscode.Uri.joinPath(this.extensionUri, 'python', 'server', 'serve_local.py').fsPath,
        cwd: folder?.uri.fsPath ?? path.dirname(store.path),
        onOutput: (line) => this.log.debug(`[mlflow server] ${line}`),
      }),
    )).then(undefined, (e: unknown) => {
      if (e instanceof LocalServerError && e.output) this.log.error(`The local MLflow server for ${store.path} did not start (${e.code}). Its output:\n${e.output}`);
      throw e;
    }).finally(() => {
      this.startingText = undefined;
      this.startingChanged.fire();
    });
    this.log.info(`The local MLflow server for ${store.path} answers at ${server.url} (supervisor pid ${server.pid}).`);
    void server.exited.then((code) => {
      const key = store.backendStoreUri;
      if (this.stopping.has(key)) return;
      this.servers.delete(key);
      this.log.warn(`The local MLflow server for ${store.path} stopped (exit code ${code}).`);
      this.exited.fire({ store, code });
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
  if (!(e instanceof LocalServerError)) return vscode.l10n.t('The local MLflow server for {0} did not start: {1}', store.label, e instanceof Error ? e.message : String(e));
  switch (e.code) {
    case 'pythonNotFound':
      return vscode.l10n.t('No Python found at {0} to start an MLflow server for {1}. Set mlflowRegistry.pythonPath to a Python that has MLflow installed, or select an interpreter with the Python extension.', e.python, store.label);
    case 'noMlflow':
      return vscode.l10n.t('{0} has no MLflow, so no server can be started for {1}. Install it ({0} -m pip install mlflow) or set mlflowRegistry.pythonPath to a Python that has it.', e.python, store.label);
    case 'timeout':
      return vscode.l10n.t('The local MLflow server for {0} did not answer in time. Show Log has its output.', store.label);
    case 'exited':
      return vscode.l10n.t('The local MLflow server for {0} stopped while starting (exit code {1}). Show Log has its output.', store.label, String(e.exitCode));
  }
}

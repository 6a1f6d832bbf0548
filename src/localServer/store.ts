/**
 * A local MLflow store (a SQLite file or an `mlruns/` folder) that a `mlflow server` started by
 * the extension can serve, and where such stores sit in a workspace folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface LocalStore {
  kind: 'sqlite' | 'file';
  /** Absolute path of the database file or the store folder. */
  path: string;
  /** What `mlflow server --backend-store-uri` gets. */
  backendStoreUri: string;
  /** Where the server keeps proxied artifacts: `mlartifacts/` beside the store, as `mlflow server` run there would. */
  artifactsDir: string;
  /** Short name for people: `mlflow.db`, `mlruns`. */
  label: string;
}

/**
 * The store a local tracking URI names: `sqlite:///mlflow.db` (relative to `baseDir`),
 * `sqlite:////abs/mlflow.db`, `file:///abs/mlruns`, `./mlruns`, `/abs/mlruns`. Undefined for
 * other databases (postgresql://…: served by the user's own server) and URIs that name no path.
 */
export function localStoreFromUri(
  uri: string,
  baseDir: string | undefined,
  platform: NodeJS.Platform = process.platform,
): LocalStore | undefined {
  const api = platform === 'win32' ? path.win32 : path.posix;
  const resolveIn = (p: string) => (api.isAbsolute(p) ? api.normalize(p) : baseDir ? api.resolve(baseDir, p) : undefined);
  const sqlite = /^sqlite:\/\/\/(.+)$/i.exec(uri.trim());
  if (sqlite) {
    const raw = sqlite[1].split('?')[0];
    if (!raw || raw === ':memory:') return undefined;
    const abs = resolveIn(raw);
    if (!abs) return undefined;
    return make('sqlite', abs, `sqlite:///${abs}`, api);
  }
  const relativeFile = /^file:(?!\/)(.+)$/i.exec(uri.trim());
  if (relativeFile) {
    // `file:./mlruns`, `file:mlruns`: relative, as MLflow reads them (a URL parser would make them /mlruns).
    const abs = resolveIn(decodeURIComponent(relativeFile[1]));
    return abs ? make('file', abs, pathToFileURL(abs, { windows: platform === 'win32' }).href, api) : undefined;
  }
  if (/^file:/i.test(uri)) {
    let abs: string;
    try {
      abs = fileURLToPath(uri, { windows: platform === 'win32' });
    } catch {
      return undefined;
    }
    return make('file', abs, pathToFileURL(abs, { windows: platform === 'win32' }).href, api);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri) || (/^[a-z][a-z0-9+.-]*:/i.test(uri) && !/^[a-z]:[\\/]/i.test(uri))) return undefined;
  const abs = resolveIn(uri.trim());
  if (!abs) return undefined;
  return make('file', abs, pathToFileURL(abs, { windows: platform === 'win32' }).href, api);
}

function make(kind: LocalStore['kind'], abs: string, backendStoreUri: string, api: typeof path.posix): LocalStore {
  return { kind, path: abs, backendStoreUri, artifactsDir: api.join(api.dirname(abs), 'mlartifacts'), label: api.basename(abs) };
}

export interface DetectedStore {
  /** The tracking URI `connect` writes: relative to the folder (`sqlite:///mlflow.db`, `mlruns`). */
  uri: string;
  store: LocalStore;
}

/** `mlflow.db` and `mlruns/` at the top of a folder: where MLflow puts them by default. */
export function detectStores(folder: string): DetectedStore[] {
  const found: DetectedStore[] = [];
  const db = path.join(folder, 'mlflow.db');
  if (isFile(db)) found.push({ uri: 'sqlite:///mlflow.db', store: localStoreFromUri('sqlite:///mlflow.db', folder)! });
  const runs = path.join(folder, 'mlruns');
  if (isDirectory(runs)) found.push({ uri: './mlruns', store: localStoreFromUri('./mlruns', folder)! });
  return found;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * What the connection layer reads, handed in from outside: the extension fills it from VS Code
 * settings, SecretStorage and `process`; the language server and tests fill it from fakes.
 * Nothing here imports `vscode`.
 */
import { readFile } from 'node:fs/promises';

export type StoredCredential = { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

/** `mlflowRegistry.*` settings as read by the extension; empty strings mean unset. */
export interface ConnectionSettings {
  trackingUri?: string;
  registryUri?: string;
  databricksProfile?: string;
}

/** SecretStorage, keyed by the registry URL (`ResolvedConnection.registryUrl`). */
export interface SecretSource {
  get(registryUrl: string): Promise<StoredCredential | undefined>;
}

/** The editor's proxy settings (`http.proxy`, `http.proxyStrictSSL`, `http.noProxy`). */
export interface EditorProxy {
  url?: string;
  strictSSL?: boolean;
  /** Hosts that go direct, same syntax as NO_PROXY entries. */
  noProxy?: string | readonly string[];
}

export type Platform = 'win32' | 'linux' | 'darwin';

export interface ConnectionInputs {
  settings: ConnectionSettings;
  secrets: SecretSource;
  env: Readonly<Record<string, string | undefined>>;
  platform: Platform;
  /** Fallback home directory (os.homedir()) when the environment names none. */
  homeDir?: string;
  /** Reads a UTF-8 file; undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  proxy?: EditorProxy;
}

/** A `readFile` for real use: UTF-8 text, undefined when the file or its folder is missing. */
export async function readTextFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/** The resolved connection: every value with where it came from, no secret anywhere in it. */
import type { ConnectionMessage } from './connectionMessages';

export type SettingName = 'trackingUri' | 'registryUri' | 'databricksProfile';

/**
 * Where a value came from:
 * - `setting:mlflowRegistry.<name>`: a VS Code setting;
 * - `secretStorage`: the editor's SecretStorage;
 * - `env:<NAME>`: an environment variable;
 * - `file:<path>`: `~/.mlflow/credentials`, `~/.databrickscfg` or the file DATABRICKS_CONFIG_FILE names;
 * - `userInfo:<source>`: the `user:password@` part of a URI that came from <source>;
 * - `trackingUri`: the registry follows the tracking URI;
 * - `editor:http.*`: the editor's proxy settings;
 * - `loopback`: loopback hosts always go direct;
 * - `default`: nothing set it.
 */
export type ValueSource =
  | `setting:mlflowRegistry.${SettingName}`
  | 'secretStorage'
  | `env:${string}`
  | `file:${string}`
  | `userInfo:${string}`
  | 'trackingUri'
  | 'editor:http.proxy'
  | 'editor:http.proxyStrictSSL'
  | 'editor:http.noProxy'
  | 'loopback'
  | 'default';

export interface Sourced<T> {
  value: T;
  source: ValueSource;
}

export type ConnectionKind = 'oss' | 'databricks' | 'unityCatalog' | 'unsupported' | 'unconfigured';

export interface AuthInfo {
  kind: 'none' | 'basic' | 'bearer';
  source?: ValueSource;
  /** Shown for basic auth (an identity, not a secret). */
  username?: string;
}

export interface TlsInfo {
  /** Certificate verification off (MLFLOW_TRACKING_INSECURE_TLS). */
  insecure: Sourced<boolean>;
  /** Extra CA bundle, added to the built-in roots. */
  caFile?: Sourced<string>;
  /** Client certificate: PEM with both certificate and private key. */
  clientCertFile?: Sourced<string>;
}

export interface ProxyInfo {
  /** The proxy in use, without user info; undefined when requests go direct. */
  url?: string;
  source?: ValueSource;
  /** Set when a proxy was configured but the registry host is excluded. */
  bypassedBy?: ValueSource;
  /** Verify the proxy's certificate (`http.proxyStrictSSL`). */
  strictSSL: Sourced<boolean>;
}

export interface DatabricksInfo {
  profile: Sourced<string>;
  host?: Sourced<string>;
  configFile: Sourced<string>;
}

export interface ResolvedConnection {
  kind: ConnectionKind;
  /** A registry is named (setting, environment or tracking URI). */
  configured: boolean;
  /** User info removed. */
  trackingUri?: Sourced<string>;
  /** As given (user info removed): `http(s)://...`, `databricks://p`, `databricks-uc`. */
  registryUri?: Sourced<string>;
  /** The http(s) base URL requests go to (and the SecretStorage key); only for `oss` and `databricks`. */
  registryUrl?: string;
  databricks?: DatabricksInfo;
  auth: AuthInfo;
  tls: TlsInfo;
  proxy: ProxyInfo;
  /** Why the registry cannot be used (unconfigured, Unity Catalog, local store, no host...). */
  problem?: ConnectionMessage;
  /** Worth saying, not blocking (no Databricks token, unreadable file...). */
  warnings: ConnectionMessage[];
}

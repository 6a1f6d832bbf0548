/** What a tracking or registry URI names: an http(s) server, Databricks, Unity Catalog, a local store. */

export type UriTarget =
  | { kind: 'http'; url: string; userInfo?: { username: string; password: string } }
  | { kind: 'databricks'; profile?: string }
  | { kind: 'unityCatalog' }
  | { kind: 'local' }
  | { kind: 'invalid' };

const LOCAL_SCHEMES = /^(file|sqlite|postgresql|postgres|mysql|mssql|oracle)(\+\w+)?:/i;

export function classifyUri(uri: string): UriTarget {
  const databricks = /^databricks(?::\/\/(.*))?$/i.exec(uri);
  if (databricks) {
    // `databricks://profile:key-prefix`: the key prefix names Databricks secrets, readable only in a workspace.
    const [, rest = ''] = databricks;
    const profile = rest.replace(/\/+$/, '').split(':')[0].trim();
    return { kind: 'databricks', profile: profile || undefined };
  }
  if (/^databricks-uc(:|$)/i.test(uri) || /^uc:/i.test(uri)) return { kind: 'unityCatalog' };
  if (/^https?:\/\//i.test(uri)) return httpTarget(uri);
  if (LOCAL_SCHEMES.test(uri) || /^[a-z]:[\\/]/i.test(uri) || !/^[a-z][a-z0-9+.-]*:/i.test(uri)) return { kind: 'local' };
  return { kind: 'invalid' };
}

function httpTarget(uri: string): UriTarget {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { kind: 'invalid' };
  }
  if (!url.hostname) return { kind: 'invalid' };
  const userInfo = url.username || url.password ? { username: safeDecode(url.username), password: safeDecode(url.password) } : undefined;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return { kind: 'http', url: url.toString().replace(/\/+$/, ''), userInfo };
}

/** The URI with any `user:password@` removed (it becomes basic auth, never shown). */
export function withoutUserInfo(uri: string): string {
  return replaceUserInfo(uri, '');
}

/** A URI safe to show: any `user:password@` replaced by `***@`. */
export function redactUserInfo(uri: string): string {
  return replaceUserInfo(uri, '***@');
}

/**
 * User info ends at the last `@` of the authority, which ends at the first `/`, `?`, `#` (or `\\`)
 * as WHATWG URL parsing has it. A URI that does not parse loses everything up to its last `@`
 * (a password may hold an unescaped `/`).
 */
function replaceUserInfo(uri: string, replacement: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/is.exec(uri);
  if (!m) return uri;
  let parses = true;
  try {
    new URL(uri);
  } catch {
    parses = false;
  }
  const rest = m[2];
  const authorityEnd = parses ? rest.search(/[/?#\\]|$/) : rest.search(/[?#]|$/);
  const at = rest.lastIndexOf('@', authorityEnd - 1);
  return at < 0 ? uri : m[1] + replacement + rest.slice(at + 1);
}

/** `host`, `host/`, `https://host/` -> `https://host`. */
export function normalizeHost(host: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`;
  return withScheme.replace(/\/+$/, '');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * What Connect's input box starts with: the tracking URI in use (the setting, else
 * MLFLOW_TRACKING_URI) without any `user:password@`, which is never shown on screen. `toSave`
 * maps what the user confirms back to the value to write: the setting as it was when its
 * URI was left unchanged (its credentials keep working), else exactly what was entered (a
 * password from the environment is never copied into settings).
 */
export function trackingUriPrefill(
  setting: string | undefined,
  env: string | undefined,
): { shown: string; toSave(entered: string): string } {
  const fromSetting = setting?.trim() ?? '';
  const current = fromSetting || env?.trim() || '';
  const shown = withoutUserInfo(current);
  return {
    shown,
    toSave: (entered) => (fromSetting && entered.trim() === shown ? fromSetting : entered.trim()),
  };
}

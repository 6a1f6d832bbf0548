/**
 * Which proxy a request to the registry goes through. The editor's `http.proxy` first, then
 * `https_proxy`/`HTTPS_PROXY` for https targets or `http_proxy`/`HTTP_PROXY` for http ones (the
 * lowercase name first, as curl and Python's requests read them). Loopback hosts, `http.noProxy`
 * and `no_proxy`/`NO_PROXY` entries go direct: `*`, a host and its subdomains (`example.com`,
 * `.example.com`, `*.example.com`), `host:port`, an IP, a CIDR range, `[v6]:port`.
 */
import { BlockList, isIP } from 'node:net';
import { envValue, type Env, firstEnv } from './environment';
import type { EditorProxy, Platform } from './sources';
import type { Sourced, ValueSource } from './types';

export interface ProxyChoice {
  /** The proxy URL (it may hold user info: never log it as is); undefined when going direct. */
  url?: string;
  /** Where the configured proxy came from, also when the target bypasses it. */
  source?: ValueSource;
  bypassedBy?: ValueSource;
  /** Set (and `url` left undefined) when the configured proxy is not a usable URL. */
  invalid?: boolean;
  strictSSL: Sourced<boolean>;
}

export function proxyFor(targetUrl: string, env: Env, editorProxy?: EditorProxy, platform: Platform = 'linux'): ProxyChoice {
  const strictSSL = editorStrictSSL(editorProxy);
  const target = new URL(targetUrl);
  const https = target.protocol === 'https:';
  const editorUrl = editorProxy?.url?.trim();
  const configured: Sourced<string> | undefined = editorUrl
    ? { value: editorUrl, source: 'editor:http.proxy' }
    : firstEnv(env, https ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'], platform);
  if (!configured) return { strictSSL };

  const url = normalizeProxyUrl(configured.value);
  if (!url) return { source: configured.source, invalid: true, strictSSL };

  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (https ? '443' : '80');
  const bypassedBy = bypassSource(host, port, env, editorProxy, platform);
  if (bypassedBy) return { source: configured.source, bypassedBy, strictSSL };
  return { url, source: configured.source, strictSSL };
}

/** `http.proxyStrictSSL`: verify the proxy's certificate (default true). */
export function editorStrictSSL(editorProxy?: EditorProxy): Sourced<boolean> {
  return editorProxy?.strictSSL === undefined
    ? { value: true, source: 'default' }
    : { value: editorProxy.strictSSL, source: 'editor:http.proxyStrictSSL' };
}

function bypassSource(host: string, port: string, env: Env, editor: EditorProxy | undefined, platform: Platform): ValueSource | undefined {
  if (isLoopback(host)) return 'loopback';
  const editorList = typeof editor?.noProxy === 'string' ? [editor.noProxy] : (editor?.noProxy ?? []);
  if (matchesNoProxy(host, port, editorList)) return 'editor:http.noProxy';
  for (const name of ['no_proxy', 'NO_PROXY']) {
    const value = envValue(env, name, platform);
    if (value !== undefined) return matchesNoProxy(host, port, [value]) ? `env:${name}` : undefined;
  }
  return undefined;
}

/** `proxy:3128` -> `http://proxy:3128`; undefined when not a usable proxy URL. */
export function normalizeProxyUrl(raw: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  try {
    const url = new URL(withScheme);
    if (!['http:', 'https:', 'socks:', 'socks5:'].includes(url.protocol) || !url.hostname) return undefined;
    return url.toString().replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Whether a NO_PROXY-style list (entries split on commas or spaces) excludes host:port. */
export function matchesNoProxy(host: string, port: string, lists: readonly string[]): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  for (const entry of lists.flatMap((l) => l.split(/[\s,]+/))) {
    const e = entry.trim().toLowerCase();
    if (!e) continue;
    if (e === '*') return true;
    if (e.includes('/')) {
      if (inCidr(h, e)) return true;
      continue;
    }
    const { name, port: entryPort } = splitHostPort(e);
    if (entryPort !== undefined && entryPort !== port) continue;
    const suffix = name.replace(/^\*?\./, '');
    if (suffix && (h === suffix || h.endsWith(`.${suffix}`))) return true;
  }
  return false;
}

function splitHostPort(entry: string): { name: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1], port: bracketed[2] };
  const hostPort = /^([^:]+):(\d+)$/.exec(entry); // one colon: host:port; more: a bare IPv6 address
  return hostPort ? { name: hostPort[1], port: hostPort[2] } : { name: entry };
}

function inCidr(host: string, cidr: string): boolean {
  const family = isIP(host);
  const [base, bits] = cidr.split('/');
  const prefix = Number(bits);
  const baseFamily = isIP(base);
  if (!family || family !== baseFamily || !Number.isInteger(prefix)) return false;
  try {
    const list = new BlockList();
    list.addSubnet(base, prefix, family === 4 ? 'ipv4' : 'ipv6');
    return list.check(host, family === 4 ? 'ipv4' : 'ipv6');
  } catch {
    return false;
  }
}

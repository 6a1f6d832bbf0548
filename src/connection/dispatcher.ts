/**
 * The undici dispatcher the transport sends through: keep-alive, the extra CA bundle ADDED to
 * the built-in roots (a `ca` option alone would replace them), the client certificate, no
 * certificate check only when asked, and a ProxyAgent when a proxy applies to the registry host.
 * undici 7: `Agent` takes TLS options as `connect`; `ProxyAgent` takes them as `requestTls` (to
 * the registry, through the tunnel) and `proxyTls` (to an https proxy).
 */
import * as tls from 'node:tls';
import { Agent, type Dispatcher, ProxyAgent } from 'undici';
import { ConnectionError } from './connectionMessages';
import { proxyUrlWithCredentials } from './secrets';
import type { ResolvedConnection, Sourced } from './types';

export interface DispatcherOptions {
  /** PEM certificates the editor trusts besides Node's roots (e.g. the system store). */
  extraCertificates?: readonly string[];
  /** Sockets per origin; default 8. */
  connections?: number;
}

const KEEP_ALIVE = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 } as const;

export async function createDispatcher(
  resolved: ResolvedConnection,
  readFile: (path: string) => Promise<string | undefined>,
  options: DispatcherOptions = {},
): Promise<Dispatcher> {
  const { requestTls, proxyTls } = await tlsOptionsFor(resolved, readFile, options);
  const common = { ...KEEP_ALIVE, connections: options.connections ?? 8 };
  const proxyUrl = proxyUrlWithCredentials(resolved);
  if (!proxyUrl) return new Agent({ ...common, connect: requestTls });
  return new ProxyAgent({ ...common, uri: proxyUrl, requestTls, proxyTls });
}

export interface TlsOptions {
  /** To the registry (undici `connect` for an Agent, `requestTls` for a ProxyAgent). */
  requestTls: tls.ConnectionOptions;
  /** To an https proxy (`proxyTls`). */
  proxyTls: tls.ConnectionOptions;
}

/** The TLS options, files read; throws a ConnectionError when a named file is missing or wrong. */
export async function tlsOptionsFor(
  resolved: ResolvedConnection,
  readFile: (path: string) => Promise<string | undefined>,
  options: Pick<DispatcherOptions, 'extraCertificates'> = {},
): Promise<TlsOptions> {
  const extra = [...(options.extraCertificates ?? [])];
  if (resolved.tls.caFile) extra.push(await mustRead(readFile, resolved.tls.caFile));
  const ca = extra.length ? [...defaultCertificates(), ...extra] : undefined;

  const requestTls: tls.ConnectionOptions = {};
  const proxyTls: tls.ConnectionOptions = {};
  if (ca) requestTls.ca = proxyTls.ca = ca;
  if (resolved.tls.clientCertFile) {
    const pem = await mustRead(readFile, resolved.tls.clientCertFile);
    const { certificates, key } = splitPem(pem);
    if (!certificates.length || !key) {
      throw new ConnectionError({ messageId: 'connection.clientCertNoKey', params: { path: resolved.tls.clientCertFile.value } });
    }
    requestTls.cert = certificates.join('\n');
    requestTls.key = key;
  }
  if (resolved.tls.insecure.value) requestTls.rejectUnauthorized = false;
  if (!resolved.proxy.strictSSL.value) proxyTls.rejectUnauthorized = false;
  return { requestTls, proxyTls };
}

/** Node's trusted roots: `tls.getCACertificates('default')` where it exists (Node >= 22.15: roots plus NODE_EXTRA_CA_CERTS), else `tls.rootCertificates`. */
export function defaultCertificates(): readonly string[] {
  const getCACertificates = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  return typeof getCACertificates === 'function' ? getCACertificates('default') : tls.rootCertificates;
}

/** The certificates and the private key of a PEM file (MLflow's client certificate file holds both). */
export function splitPem(pem: string): { certificates: string[]; key?: string } {
  const certificates: string[] = [];
  let key: string | undefined;
  for (const m of pem.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)) {
    if (m[1] === 'CERTIFICATE' || m[1] === 'TRUSTED CERTIFICATE') certificates.push(m[0]);
    else if (m[1].endsWith('PRIVATE KEY')) key ??= m[0];
  }
  return { certificates, key };
}

async function mustRead(readFile: (path: string) => Promise<string | undefined>, file: Sourced<string>): Promise<string> {
  let text: string | undefined;
  try {
    text = await readFile(file.value);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ConnectionError({ messageId: 'connection.fileUnreadable', params: { path: file.value, detail } }, { cause });
  }
  if (text === undefined)
    throw new ConnectionError({ messageId: 'connection.fileMissing', params: { path: file.value, source: file.source } });
  return text;
}

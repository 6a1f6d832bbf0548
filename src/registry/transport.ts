/**
 * HTTP to an MLflow server over undici: keep-alive, per-try timeouts, cancellation through
 * AbortSignal, typed errors, and the interactive retry policy of retry.ts.
 */
import { Agent, type Dispatcher, request } from 'undici';
import { errorFromNetwork, networkErrorCode, RegistryError } from './errors';
import { type Attempt, headerValue, interpretResponse } from './response';
import { interactiveBudget, type RetryBudget, retryDelay } from './retry';

export type RegistryAuth = { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string };

/** A sink for debug lines; never receives a header, a token or a password. */
export interface RegistryLogger {
  debug(message: string): void;
  warn?(message: string): void;
}

export interface RequestRecord {
  method: string;
  /** Path under the base URL, without the query string. */
  path: string;
  status?: number;
  ms: number;
  attempt: number;
  outcome: 'ok' | 'error';
}

export interface TransportOptions {
  /** The tracking or registry URI, http(s), possibly with a path prefix. */
  baseUrl: string;
  auth?: RegistryAuth;
  /** Per try; default 30 s. */
  timeoutMs?: number;
  retry?: RetryBudget;
  /** TLS, proxy and certificate options arrive as a dispatcher built by the connection layer. */
  dispatcher?: Dispatcher;
  logger?: RegistryLogger;
  userAgent?: string;
  /** Observes every try (request counts for the extension's API and the benchmark). */
  onRequest?: (record: RequestRecord) => void;
  /** Injected by tests to observe retry delays. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

export interface RequestSpec {
  method: HttpMethod;
  /** Relative to the base URL, e.g. `api/2.0/mlflow/registered-models/get`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Reads and idempotent writes may be retried; anything else is never resent once it went out. */
  idempotent: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** `json` (default) parses MLflow JSON; `text` returns the body as is (artifact files). */
  responseType?: 'json' | 'text';
}

const DEFAULT_TIMEOUT_MS = 30_000;

export class Transport {
  readonly baseUrl: string;
  readonly host: string;
  /** A true private field: util.inspect and JSON.stringify of the transport cannot show it. */
  readonly #auth?: RegistryAuth;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly options: Omit<TransportOptions, 'auth' | 'dispatcher'>;
  private requests = 0;

  constructor(options: TransportOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
    } catch (cause) {
      throw new RegistryError({ kind: 'client', messageId: 'error.invalidUri', params: { uri: redactUri(options.baseUrl) }, cause });
    }
    let auth = options.auth;
    // Credentials written into the URI become basic auth and leave the URI: it is logged and shown.
    if (url.username || url.password) {
      auth ??= { kind: 'basic', username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
      url.username = '';
      url.password = '';
    }
    url.search = '';
    url.hash = '';
    this.baseUrl = url.toString().replace(/\/+$/, '');
    this.host = url.host;
    this.#auth = auth;
    const { auth: _secret, dispatcher: _dispatcher, ...rest } = options;
    this.options = rest;
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 8 });
  }

  /** Tries sent so far (retries included). */
  get requestCount(): number {
    return this.requests;
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  async request<T>(spec: RequestSpec): Promise<T> {
    const budget = this.options.retry ?? interactiveBudget;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const result = await this.once(spec, attempt);
      if (result.ok) return result.value as T;
      if (!result.outcome) throw result.error;
      const delay = retryDelay(result.outcome, { attempt, elapsedMs: Date.now() - started, idempotent: spec.idempotent, budget });
      if (delay === undefined) throw result.error;
      this.options.logger?.debug(`retrying ${spec.method} ${spec.path} in ${delay} ms after: ${result.error.message}`);
      try {
        await (this.options.sleep ?? sleep)(delay, spec.signal);
      } catch {
        throw this.cancelled(spec, attempt);
      }
    }
  }

  private async once(spec: RequestSpec, attempt: number): Promise<Attempt> {
    const { method, path } = spec;
    if (spec.signal?.aborted) return { ok: false, error: this.cancelled(spec, attempt - 1) };
    const url = this.url(spec);
    const timeoutMs = spec.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent ?? 'mlflow-registry-vscode',
    };
    if (this.#auth?.kind === 'basic') {
      headers.authorization = 'Basic ' + Buffer.from(`${this.#auth.username}:${this.#auth.password}`).toString('base64');
    } else if (this.#auth?.kind === 'bearer') {
      headers.authorization = `Bearer ${this.#auth.token}`;
    }
    let body: string | undefined;
    if (spec.body !== undefined && method !== 'GET') {
      body = JSON.stringify(spec.body);
      headers['content-type'] = 'application/json';
    }
    const t0 = performance.now();
    this.requests++;
    const finish = (status: number | undefined, outcome: 'ok' | 'error', note: string) => {
      const ms = Math.round(performance.now() - t0);
      this.options.logger?.debug(`${method} ${path} ${note} in ${ms} ms${attempt > 1 ? ` (try ${attempt})` : ''}`);
      this.options.onRequest?.({ method, path, status, ms, attempt, outcome });
    };
    const ctx = { host: this.host, method, path, attempts: attempt };

    let status: number;
    let text: string;
    let contentType: string | undefined;
    let retryAfterHeader: string | string[] | undefined;
    try {
      const res = await request(url, { method, headers, body, signal, dispatcher: this.dispatcher });
      status = res.statusCode;
      contentType = headerValue(res.headers['content-type']);
      retryAfterHeader = res.headers['retry-after'];
      text = await res.body.text();
    } catch (err) {
      if (spec.signal?.aborted) {
        finish(undefined, 'error', 'cancelled');
        return { ok: false, error: this.cancelled(spec, attempt) };
      }
      if (timeout.aborted) {
        finish(undefined, 'error', `timed out after ${timeoutMs} ms`);
        const error = new RegistryError({
          kind: 'timeout',
          messageId: 'error.timeout',
          method,
          path,
          attempts: attempt,
          cause: err,
          params: { host: this.host, path, seconds: Math.round(timeoutMs / 100) / 10 },
        });
        return { ok: false, error, outcome: { kind: 'timeout' } };
      }
      const code = networkErrorCode(err);
      finish(undefined, 'error', `failed (${code ?? 'network error'})`);
      const error = errorFromNetwork(err, ctx);
      // A certificate that is not trusted now will not be trusted in a second: no retry.
      if (error.messageId === 'error.tls' || error.messageId === 'error.tlsUntrusted') return { ok: false, error };
      const sent = !(code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'UND_ERR_CONNECT_TIMEOUT');
      return { ok: false, error, outcome: { kind: 'network', code, sent } };
    }

    const result = interpretResponse({
      status,
      contentType,
      text,
      retryAfterHeader,
      responseType: spec.responseType,
      host: this.host,
      method,
      path,
      attempt,
    });
    finish(status, result.ok ? 'ok' : 'error', `-> ${status}${result.ok ? '' : ` ${result.error.errorCode ?? result.error.messageId}`}`);
    return result;
  }

  private url(spec: RequestSpec): string {
    let url = `${this.baseUrl}/${spec.path.replace(/^\/+/, '')}`;
    if (spec.query) {
      const qs = new URLSearchParams();
      for (const [key, value] of Object.entries(spec.query)) {
        if (value === undefined) continue;
        if (Array.isArray(value)) for (const v of value) qs.append(key, String(v));
        else qs.append(key, String(value));
      }
      const s = qs.toString();
      if (s) url += `?${s}`;
    }
    return url;
  }

  private cancelled(spec: RequestSpec, attempts: number): RegistryError {
    return new RegistryError({
      kind: 'cancelled',
      messageId: 'error.cancelled',
      method: spec.method,
      path: spec.path,
      attempts,
      params: { host: this.host },
    });
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A URI safe to show or log: any user info replaced. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1***@');
}

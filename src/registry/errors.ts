import { formatMessage, type MessageId, type MessageParams } from './errorMessages';

/** What went wrong, coarsely: the UI decides on prompts and retry buttons from this. */
export type RegistryErrorKind =
  | 'http' // the server (or something in front of it) answered with an error status
  | 'invalidResponse' // an answer that is not MLflow JSON, or cut off
  | 'network' // no answer: refused, reset, DNS, TLS
  | 'timeout'
  | 'cancelled'
  | 'client'; // the client refused to send (bad URI, missing artifact proxy)

export interface RegistryErrorInit {
  kind: RegistryErrorKind;
  messageId: MessageId;
  params?: MessageParams;
  status?: number;
  errorCode?: string;
  serverMessage?: string;
  retryAfterMs?: number;
  method?: string;
  path?: string;
  attempts?: number;
  cause?: unknown;
}

/**
 * The one error type of the registry layer. `message` is an English sentence for logs and
 * plain Node; the UI should render `messageId` + `params` through its own localisation.
 */
export class RegistryError extends Error {
  readonly kind: RegistryErrorKind;
  readonly messageId: MessageId;
  readonly params: MessageParams;
  readonly status?: number;
  readonly errorCode?: string;
  readonly serverMessage?: string;
  readonly retryAfterMs?: number;
  readonly method?: string;
  readonly path?: string;
  readonly attempts: number;

  constructor(init: RegistryErrorInit) {
    super(formatMessage(init.messageId, init.params), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'RegistryError';
    this.kind = init.kind;
    this.messageId = init.messageId;
    this.params = init.params ?? {};
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.serverMessage = init.serverMessage;
    this.retryAfterMs = init.retryAfterMs;
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts ?? 1;
  }

  get isNotFound(): boolean {
    return this.errorCode === 'RESOURCE_DOES_NOT_EXIST' || (this.status === 404 && this.errorCode !== 'ENDPOINT_NOT_FOUND');
  }
  get isAlreadyExists(): boolean {
    return this.errorCode === 'RESOURCE_ALREADY_EXISTS';
  }
  get isUnauthenticated(): boolean {
    return this.status === 401 || this.errorCode === 'UNAUTHENTICATED';
  }
  get isPermissionDenied(): boolean {
    return this.status === 403 || this.errorCode === 'PERMISSION_DENIED';
  }
}

export function isRegistryError(e: unknown): e is RegistryError {
  return e instanceof RegistryError;
}

const MAX_DETAIL = 500;

/** Maps an HTTP error answer (MLflow JSON or not) to a RegistryError. */
export function errorFromResponse(args: {
  status: number;
  host: string;
  method: string;
  path: string;
  errorCode?: string;
  serverMessage?: string;
  contentType?: string;
  json: boolean;
  retryAfterMs?: number;
  attempts: number;
}): RegistryError {
  const { status, host, path, errorCode } = args;
  const detail = (args.serverMessage ?? '').slice(0, MAX_DETAIL) || `HTTP ${status}`;
  const base = {
    kind: 'http' as const,
    status,
    errorCode,
    serverMessage: args.serverMessage,
    retryAfterMs: args.retryAfterMs,
    method: args.method,
    path,
    attempts: args.attempts,
  };
  const params = { host, path, status, detail };
  // Auth layers answer 401/403 in many shapes; those statuses mean the same whatever the body.
  if (status === 401 || errorCode === 'UNAUTHENTICATED') return new RegistryError({ ...base, messageId: 'error.unauthenticated', params });
  if (status === 403 || errorCode === 'PERMISSION_DENIED')
    return new RegistryError({ ...base, messageId: 'error.permissionDenied', params });
  if (status === 429 || errorCode === 'REQUEST_LIMIT_EXCEEDED') {
    return args.retryAfterMs !== undefined
      ? new RegistryError({
          ...base,
          messageId: 'error.rateLimitedRetryAfter',
          params: { ...params, seconds: Math.ceil(args.retryAfterMs / 1000) },
        })
      : new RegistryError({ ...base, messageId: 'error.rateLimited', params });
  }
  if (!args.json) {
    // Flask's HTML 404 for a route it lacks: an older MLflow, or not MLflow at all.
    if (status === 404) return new RegistryError({ ...base, messageId: 'error.endpointNotFound', params });
    if (status === 502 || status === 503 || status === 504)
      return new RegistryError({ ...base, kind: 'http', messageId: 'error.unavailable', params });
    return new RegistryError({
      ...base,
      kind: 'invalidResponse',
      messageId: 'error.notMlflowResponse',
      params: { ...params, contentType: describeContentType(args.contentType) },
    });
  }
  switch (errorCode) {
    case 'RESOURCE_DOES_NOT_EXIST':
      return new RegistryError({ ...base, messageId: 'error.notFound', params });
    case 'RESOURCE_ALREADY_EXISTS':
      return new RegistryError({ ...base, messageId: 'error.alreadyExists', params });
    case 'INVALID_PARAMETER_VALUE':
    case 'BAD_REQUEST':
    case 'INVALID_STATE':
      return new RegistryError({ ...base, messageId: 'error.invalidParameter', params });
    case 'ENDPOINT_NOT_FOUND':
      return new RegistryError({ ...base, messageId: 'error.endpointNotFound', params });
  }
  if (status === 404 && !errorCode) return new RegistryError({ ...base, messageId: 'error.endpointNotFound', params });
  if (status === 502 || status === 503 || status === 504 || errorCode === 'TEMPORARILY_UNAVAILABLE') {
    return new RegistryError({ ...base, messageId: 'error.unavailable', params });
  }
  if (status >= 500) return new RegistryError({ ...base, messageId: 'error.serverError', params });
  return new RegistryError({ ...base, messageId: 'error.http', params });
}

function describeContentType(contentType: string | undefined): string {
  const t = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!t) return 'an answer without a content type';
  if (t === 'text/html') return 'an HTML page';
  if (t === 'text/plain') return 'plain text';
  return t;
}

/** Maps a failure to get any answer (undici / Node error codes) to a RegistryError. */
export function errorFromNetwork(err: unknown, ctx: { host: string; method: string; path: string; attempts: number }): RegistryError {
  const code = networkErrorCode(err);
  const detail = err instanceof Error ? err.message : String(err);
  const base = { kind: 'network' as const, method: ctx.method, path: ctx.path, attempts: ctx.attempts, cause: err, errorCode: code };
  const params = { host: ctx.host, detail };
  switch (code) {
    case 'ECONNREFUSED':
      return new RegistryError({ ...base, messageId: 'error.connectionRefused', params });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new RegistryError({ ...base, messageId: 'error.hostNotFound', params });
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new RegistryError({ ...base, messageId: 'error.connectionReset', params });
  }
  if (code && /CERT|^DEPTH_ZERO|^UNABLE_TO|^SELF_SIGNED/.test(code)) {
    // Verification failed: say what to do (a private CA bundle, or skipping the check knowingly).
    return new RegistryError({ ...base, messageId: 'error.tlsUntrusted', params });
  }
  if (code && /^ERR_TLS|SSL/.test(code)) {
    return new RegistryError({ ...base, messageId: 'error.tls', params });
  }
  return new RegistryError({ ...base, messageId: 'error.network', params });
}

/** The most specific error code found on an error or its causes. */
export function networkErrorCode(err: unknown): string | undefined {
  let cur: unknown = err;
  let found: string | undefined;
  for (let depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') {
      found = code;
      // undici wraps the socket's error: prefer the inner, more specific code.
      if (!code.startsWith('UND_ERR')) return code;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return found;
}

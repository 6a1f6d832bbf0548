/**
 * Turns one HTTP answer into a value or a typed error plus the outcome the retry policy needs.
 * Pure, so the unit tests feed it answers recorded from the pinned server.
 */
import { errorFromResponse, RegistryError } from './errors';
import { type AttemptOutcome, parseRetryAfter } from './retry';

export type Attempt = { ok: true; value: unknown } | { ok: false; error: RegistryError; outcome?: AttemptOutcome };

export interface Answer {
  status: number;
  contentType?: string;
  text: string;
  retryAfterHeader?: string | string[];
  responseType?: 'json' | 'text';
  host: string;
  method: string;
  path: string;
  attempt: number;
}

export function interpretResponse(a: Answer): Attempt {
  const { status, contentType, text, host, method, path, attempt } = a;
  const ctx = { host, method, path, attempts: attempt };
  const ok = status >= 200 && status < 300;
  if (ok && a.responseType === 'text') return { ok: true, value: text };
  const parsed = parseJson(text, contentType);
  if (ok) {
    if (parsed.kind === 'json') return { ok: true, value: parsed.value };
    if (parsed.kind === 'notJson') return { ok: false, error: errorFromResponse({ status, ...ctx, contentType, json: false }) };
    // Cut off mid-answer: as good as a reset for a read, and a write may have happened.
    const error = new RegistryError({
      kind: 'invalidResponse',
      messageId: 'error.invalidJson',
      status,
      method,
      path,
      attempts: attempt,
      params: { host, path, status },
    });
    return { ok: false, error, outcome: { kind: 'network', code: 'TRUNCATED', sent: true } };
  }
  const json =
    parsed.kind === 'json' && parsed.value && typeof parsed.value === 'object' ? (parsed.value as Record<string, unknown>) : undefined;
  const errorCode = typeof json?.error_code === 'string' ? json.error_code : undefined;
  const serverMessage =
    typeof json?.message === 'string' ? json.message : parsed.kind !== 'json' ? plainSnippet(text, contentType) : undefined;
  const retryAfterMs = parseRetryAfter(a.retryAfterHeader);
  const error = errorFromResponse({ status, ...ctx, errorCode, serverMessage, contentType, json: parsed.kind === 'json', retryAfterMs });
  return { ok: false, error, outcome: { kind: 'status', status, errorCode, retryAfterMs } };
}

export function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

type Parsed = { kind: 'json'; value: unknown } | { kind: 'notJson' } | { kind: 'invalidJson' };

function parseJson(text: string, contentType: string | undefined): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'json', value: {} }; // MLflow answers {} as an empty body
  const declaredJson = /\bjson\b/i.test(contentType ?? '');
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (!declaredJson && !looksJson) return { kind: 'notJson' };
  try {
    return { kind: 'json', value: JSON.parse(trimmed) };
  } catch {
    return declaredJson || looksJson ? { kind: 'invalidJson' } : { kind: 'notJson' };
  }
}

/** A short, single-line piece of a non-JSON error body (HTML tags dropped), for the message. */
function plainSnippet(text: string, contentType: string | undefined): string | undefined {
  let s = text;
  if (/html/i.test(contentType ?? '') || /^\s*</.test(s)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(s);
    s = title ? title[1] : s.replace(/<[^>]*>/g, ' ');
  }
  s = s.replace(/\s+/g, ' ').trim();
  return s ? s.slice(0, 200) : undefined;
}

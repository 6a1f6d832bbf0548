/**
 * The interactive retry policy (design.md): a person is waiting, so the budget is small.
 * Pure: the transport feeds it outcomes and sleeps for the delay it returns.
 */
export interface RetryBudget {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** No retry starts later than this after the first try began. */
  maxTotalMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const interactiveBudget: RetryBudget = { maxAttempts: 3, maxTotalMs: 10_000, baseDelayMs: 250, maxDelayMs: 4_000 };

export type AttemptOutcome =
  | { kind: 'status'; status: number; errorCode?: string; retryAfterMs?: number }
  /** `sent`: whether the request may have reached the server (false only when connecting failed). */
  | { kind: 'network'; code?: string; sent: boolean }
  | { kind: 'timeout' };

export interface RetryContext {
  /** Tries made so far, this one included (1 after the first). */
  attempt: number;
  elapsedMs: number;
  /** Reads and idempotent writes; a create is not (never resent once it went out). */
  idempotent: boolean;
  budget?: RetryBudget;
  random?: () => number;
}

const RETRYABLE_STATUSES = new Set([408, 429, 502, 503, 504]);
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'EAI_AGAIN']);

/** Whether an outcome is worth another try at all, ignoring the budget. */
export function isRetryable(outcome: AttemptOutcome, idempotent: boolean): boolean {
  if (outcome.kind === 'network' && !outcome.sent) return outcome.code === undefined || CONNECT_FAILURES.has(outcome.code);
  if (!idempotent) return false;
  switch (outcome.kind) {
    case 'status':
      // A 500 that carries an MLflow error_code is a deterministic answer, not a hiccup.
      return RETRYABLE_STATUSES.has(outcome.status) || (outcome.status === 500 && !outcome.errorCode);
    case 'network':
      return true;
    case 'timeout':
      return true;
  }
}

/** Milliseconds to wait before the next try, or undefined to give up now. */
export function retryDelay(outcome: AttemptOutcome, ctx: RetryContext): number | undefined {
  const budget = ctx.budget ?? interactiveBudget;
  if (ctx.attempt >= budget.maxAttempts) return undefined;
  if (!isRetryable(outcome, ctx.idempotent)) return undefined;
  let delay: number;
  if (outcome.kind === 'status' && outcome.retryAfterMs !== undefined) {
    delay = outcome.retryAfterMs;
  } else {
    const random = ctx.random ?? Math.random;
    const exp = budget.baseDelayMs * 2 ** (ctx.attempt - 1);
    delay = Math.min(budget.maxDelayMs, Math.round(exp * (0.5 + random() / 2)));
  }
  // Waiting past the budget helps nobody: give up now and let the error say when to retry.
  if (ctx.elapsedMs + delay > budget.maxTotalMs) return undefined;
  return delay;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined) return undefined;
  const trimmed = v.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

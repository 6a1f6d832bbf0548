import * as assert from 'node:assert/strict';
import { type AttemptOutcome, interactiveBudget, isRetryable, parseRetryAfter, retryDelay } from '../../../src/registry/retry';

const noJitter = () => 1;
const ctx = (over: Partial<Parameters<typeof retryDelay>[1]> = {}) => ({
  attempt: 1,
  elapsedMs: 0,
  idempotent: true,
  random: noJitter,
  ...over,
});

describe('retry policy', () => {
  it('retries a read on 408, 429, 502, 503 and 504', () => {
    for (const status of [408, 429, 502, 503, 504]) {
      assert.ok(retryDelay({ kind: 'status', status }, ctx()) !== undefined, `status ${status}`);
    }
  });

  it('retries a 500 without error_code but never one that carries an MLflow error_code', () => {
    assert.ok(retryDelay({ kind: 'status', status: 500 }, ctx()) !== undefined);
    assert.equal(retryDelay({ kind: 'status', status: 500, errorCode: 'INTERNAL_ERROR' }, ctx()), undefined);
  });

  it('never retries client errors (400, 401, 403, 404)', () => {
    for (const status of [400, 401, 403, 404]) assert.equal(retryDelay({ kind: 'status', status }, ctx()), undefined);
  });

  it('never resends a create once it went out, whatever the answer', () => {
    const outcomes: AttemptOutcome[] = [
      { kind: 'status', status: 503 },
      { kind: 'status', status: 429, retryAfterMs: 100 },
      { kind: 'network', code: 'ECONNRESET', sent: true },
      { kind: 'timeout' },
    ];
    for (const o of outcomes) assert.equal(retryDelay(o, ctx({ idempotent: false })), undefined, JSON.stringify(o));
  });

  it('may retry a create whose connection was refused (it never went out)', () => {
    assert.ok(retryDelay({ kind: 'network', code: 'ECONNREFUSED', sent: false }, ctx({ idempotent: false })) !== undefined);
  });

  it('honours Retry-After when it fits the budget', () => {
    assert.equal(retryDelay({ kind: 'status', status: 429, retryAfterMs: 1500 }, ctx()), 1500);
  });

  it('gives up at once when Retry-After would pass the 10 s budget', () => {
    assert.equal(retryDelay({ kind: 'status', status: 429, retryAfterMs: 30_000 }, ctx()), undefined);
    assert.equal(retryDelay({ kind: 'status', status: 503, retryAfterMs: 3000 }, ctx({ elapsedMs: 8000 })), undefined);
  });

  it('makes at most 3 tries in all', () => {
    assert.equal(interactiveBudget.maxAttempts, 3);
    assert.ok(retryDelay({ kind: 'status', status: 503 }, ctx({ attempt: 2 })) !== undefined);
    assert.equal(retryDelay({ kind: 'status', status: 503 }, ctx({ attempt: 3 })), undefined);
  });

  it('backs off exponentially with jitter, capped', () => {
    const d1 = retryDelay({ kind: 'status', status: 503 }, ctx({ attempt: 1 }))!;
    const d2 = retryDelay({ kind: 'status', status: 503 }, ctx({ attempt: 2 }))!;
    assert.equal(d2, d1 * 2);
    const low = retryDelay({ kind: 'status', status: 503 }, ctx({ attempt: 1, random: () => 0 }))!;
    assert.equal(low, d1 / 2);
  });

  it('treats resets and timeouts of reads as retryable', () => {
    assert.ok(isRetryable({ kind: 'network', code: 'ECONNRESET', sent: true }, true));
    assert.ok(isRetryable({ kind: 'timeout' }, true));
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('2'), 2000);
    assert.equal(parseRetryAfter('0.5'), 500);
    const now = Date.parse('2026-11-25T10:00:00Z');
    assert.equal(parseRetryAfter('Wed, 25 Nov 2026 10:00:03 GMT', now), 3000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });
});

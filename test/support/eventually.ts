/**
 * Waits for state by polling, never by a fixed sleep: runs `check` until it passes, then returns
 * what it returned. A check fails by throwing (an assertion) or by returning `false`; anything
 * else passes. After the deadline it throws the last failure, its message prefixed with
 * `message` and how long it waited. Plain Node: used by the unit, extension-host and end-to-end
 * tiers alike.
 *
 *   await eventually(() => assert.equal(api.registryUrl(), url), { message: 'the new registry' });
 *   const row = await eventually(async () => { const r = await find(); assert.ok(r); return r; });
 *
 * A check that never settles is not cut off at the deadline (the test's own timeout catches it):
 * give the calls inside it timeouts of their own.
 */

export interface EventuallyOptions {
  /** How long to keep trying, in ms (default 30 s). */
  timeout?: number;
  /** The pause between tries, in ms (default 200 ms); never past the deadline. */
  interval?: number;
  /** What is being waited for, put before the last failure's message. */
  message?: string;
}

/** The error `eventually` throws: the last failure's message after what was awaited; `cause` is the failure itself. */
export class EventuallyError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(message, { cause });
    this.name = 'EventuallyError';
    const causeStack = cause instanceof Error ? cause.stack : undefined;
    if (causeStack) this.stack = `${this.stack}\nLast failure: ${causeStack}`;
  }
}

type Passed<T> = Exclude<T, false>;

export async function eventually<T>(check: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<Passed<T>> {
  const timeout = options.timeout ?? 30_000;
  const interval = options.interval ?? 200;
  const deadline = Date.now() + timeout;
  let attempts = 0;
  for (;;) {
    attempts++;
    let failure: unknown;
    try {
      const value = await check();
      if (value !== false) return value as Passed<T>;
      failure = new Error('the check returned false');
    } catch (e) {
      failure = e;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const last = failure instanceof Error ? failure.message : String(failure);
      const what = options.message ?? 'a condition';
      throw new EventuallyError(`Waited ${timeout / 1000} s (${attempts} tries) for ${what}; last failure: ${last}`, attempts, failure);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(interval, left)));
  }
}

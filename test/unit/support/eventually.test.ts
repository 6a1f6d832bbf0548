import * as assert from 'node:assert/strict';
import { eventually, EventuallyError } from '../../support/eventually';

const since = (start: number) => Date.now() - start;

describe('eventually: waiting for state by polling', () => {
  it('passes once the check passes, with what it returned', async () => {
    let tries = 0;
    const value = await eventually(
      () => {
        tries++;
        assert.ok(tries >= 3, `try ${tries}`);
        return `ready after ${tries}`;
      },
      { interval: 5, timeout: 5_000 },
    );
    assert.equal(value, 'ready after 3');
    assert.equal(tries, 3);
  });

  it('takes an async check, and false as a failure', async () => {
    let tries = 0;
    const value = await eventually(async () => ++tries === 2, { interval: 5, timeout: 5_000 });
    assert.equal(value, true);
    assert.equal(tries, 2);
  });

  it('after the deadline, throws the last failure with what it waited for', async () => {
    let tries = 0;
    const start = Date.now();
    const failure = new Error('never');
    await assert.rejects(
      eventually(
        () => {
          tries++;
          failure.message = `still 0 rows at try ${tries}`;
          throw failure;
        },
        { timeout: 150, interval: 20, message: 'the model rows' },
      ),
      (e: unknown) => {
        assert.ok(e instanceof EventuallyError, String(e));
        assert.match(e.message, /^Waited 0\.15 s \(\d+ tries\) for the model rows; last failure: still 0 rows at try \d+$/);
        assert.ok(e.message.endsWith(`at try ${tries}`), `the last try's message: ${e.message}`);
        assert.equal(e.attempts, tries);
        assert.equal(e.cause, failure);
        assert.match(e.stack ?? '', /Last failure: Error: still 0 rows/);
        return true;
      },
    );
    assert.ok(tries >= 3, `kept trying: ${tries}`);
    assert.ok(since(start) >= 150, `waited the whole timeout: ${since(start)} ms`);
    assert.ok(since(start) < 1_000, `and not much longer: ${since(start)} ms`);
  });

  it('says so when the check only ever returned false', async () => {
    await assert.rejects(
      eventually(() => false, { timeout: 30, interval: 10 }),
      /for a condition; last failure: the check returned false$/,
    );
  });

  it('does not wait an interval after a pass, nor past the deadline', async () => {
    let start = Date.now();
    await eventually(() => true, { interval: 10_000, timeout: 60_000 });
    assert.ok(since(start) < 500, `a first pass returns at once: ${since(start)} ms`);

    let tries = 0;
    start = Date.now();
    await eventually(() => ++tries > 1, { interval: 300, timeout: 60_000 });
    assert.ok(since(start) >= 290 && since(start) < 590, `one interval for one failed try: ${since(start)} ms`);

    start = Date.now();
    await assert.rejects(eventually(() => false, { interval: 10_000, timeout: 100 }));
    assert.ok(since(start) < 1_000, `the last pause ends at the deadline: ${since(start)} ms`);
  });
});

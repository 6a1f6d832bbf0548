import * as assert from 'node:assert/strict';
import { RegistryClient } from '../../../src/registry/client';
import { RegistryError } from '../../../src/registry/errors';
import { FaultProxy } from '../../../scripts/testbed/faultProxy';
import { sharedServer, uniqueName } from '../../support/testbed';

const WALKTHROUGH = 'power-forecasting-model';
const GET = 'registered-models/get';

describe('retries and timeouts through a fault-injecting proxy (real server behind it)', () => {
  let proxy: FaultProxy;
  let client: RegistryClient;
  const delays: number[] = [];
  before(async () => {
    proxy = new FaultProxy(sharedServer().url);
    const url = await proxy.start();
    client = new RegistryClient({
      baseUrl: url,
      timeoutMs: 10_000,
      sleep: (ms) => {
        delays.push(ms);
        return new Promise((r) => setTimeout(r, ms));
      },
    });
  });
  beforeEach(() => {
    proxy.reset();
    delays.length = 0;
  });
  after(async () => {
    await client.close();
    await proxy.stop();
  });

  it('waits out a 429 as its Retry-After says, then succeeds', async () => {
    proxy.inject(
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '1' },
        body: '{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}',
      },
      { pathPart: GET },
    );
    const started = Date.now();
    const m = await client.models.get(WALKTHROUGH);
    assert.equal(m.name, WALKTHROUGH);
    assert.deepEqual(delays, [1000]);
    assert.ok(Date.now() - started >= 1000);
    assert.equal(proxy.count(GET), 2);
  });

  it('gives up at once on a Retry-After beyond the budget and says when to try again', async () => {
    proxy.inject(
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '60' },
        body: '{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}',
      },
      { pathPart: GET },
    );
    await assert.rejects(client.models.get(WALKTHROUGH), (e: unknown) => {
      assert.ok(e instanceof RegistryError);
      assert.equal(e.status, 429);
      assert.equal(e.retryAfterMs, 60_000);
      assert.match(e.message, /60 s/);
      return true;
    });
    assert.equal(proxy.count(GET), 1);
  });

  it('retries a read through two 503s and succeeds on the third try', async () => {
    proxy.inject(
      { kind: 'status', status: 503, body: '{"error_code":"TEMPORARILY_UNAVAILABLE","message":"busy"}' },
      { pathPart: GET, times: 2 },
    );
    const m = await client.models.get(WALKTHROUGH);
    assert.equal(m.name, WALKTHROUGH);
    assert.equal(proxy.count(GET), 3);
    assert.equal(delays.length, 2);
  });

  it('stops after three tries of persistent 503 with an "unavailable" error', async () => {
    proxy.inject(
      { kind: 'status', status: 503, body: '{"error_code":"TEMPORARILY_UNAVAILABLE","message":"busy"}' },
      { pathPart: GET, times: 5 },
    );
    await assert.rejects(
      client.models.get(WALKTHROUGH),
      (e: unknown) => e instanceof RegistryError && e.messageId === 'error.unavailable' && e.attempts === 3,
    );
    assert.equal(proxy.count(GET), 3);
  });

  it('retries a read whose connection was reset', async () => {
    proxy.inject({ kind: 'reset' }, { pathPart: GET });
    const m = await client.models.get(WALKTHROUGH);
    assert.equal(m.name, WALKTHROUGH);
    assert.equal(proxy.count(GET), 2);
  });

  it('maps an HTML 502 from a gateway to "unavailable", retries it, and recovers', async () => {
    proxy.inject({ kind: 'status', status: 502, contentType: 'text/html' }, { pathPart: GET });
    const m = await client.models.get(WALKTHROUGH);
    assert.equal(m.name, WALKTHROUGH);
    proxy.inject({ kind: 'status', status: 502, contentType: 'text/html' }, { pathPart: GET, times: 3 });
    await assert.rejects(
      client.models.get(WALKTHROUGH),
      (e: unknown) => e instanceof RegistryError && e.status === 502 && e.messageId === 'error.unavailable',
    );
  });

  it('says "not MLflow" for an HTML page answered with 200 (a sign-in page or wrong URL)', async () => {
    proxy.inject({ kind: 'status', status: 200, contentType: 'text/html', body: '<html><title>Sign in</title></html>' }, { pathPart: GET });
    await assert.rejects(
      client.models.get(WALKTHROUGH),
      (e: unknown) => e instanceof RegistryError && e.kind === 'invalidResponse' && /HTML page/.test(e.message),
    );
    assert.equal(proxy.count(GET), 1, 'an HTML 200 is not retried');
  });

  it('retries truncated JSON for a read and reports it plainly when it persists', async () => {
    proxy.inject({ kind: 'truncate' }, { pathPart: GET });
    assert.equal((await client.models.get(WALKTHROUGH)).name, WALKTHROUGH);
    proxy.inject({ kind: 'truncate' }, { pathPart: GET, times: 3 });
    await assert.rejects(
      client.models.get(WALKTHROUGH),
      (e: unknown) => e instanceof RegistryError && (e.messageId === 'error.invalidJson' || e.messageId === 'error.connectionReset'),
    );
  });

  describe('with a 2.5 s timeout per try', () => {
    let slow: RegistryClient;
    before(() => {
      slow = new RegistryClient({ baseUrl: client.baseUrl, timeoutMs: 2500 });
    });
    after(() => slow.close());

    it('times out a slow answer, then succeeds on the retry', async () => {
      proxy.inject({ kind: 'delay', ms: 6000 }, { pathPart: GET });
      const started = Date.now();
      const m = await slow.models.get(WALKTHROUGH);
      assert.equal(m.name, WALKTHROUGH);
      assert.equal(proxy.count(GET), 2);
      assert.ok(Date.now() - started < 6000, 'did not wait for the slow answer');
    });

    it('reports a timeout in seconds when every try is slow', async () => {
      proxy.inject({ kind: 'delay', ms: 6000 }, { pathPart: GET, times: 3 });
      await assert.rejects(
        slow.models.get(WALKTHROUGH),
        (e: unknown) => e instanceof RegistryError && e.kind === 'timeout' && /2\.5 s/.test(e.message),
      );
    });
  });

  it('never resends a create that got a 503: one request, the error surfaces', async () => {
    const name = uniqueName('no-resend');
    proxy.inject(
      { kind: 'status', status: 503, body: '{"error_code":"TEMPORARILY_UNAVAILABLE","message":"busy"}' },
      { pathPart: 'registered-models/create' },
    );
    await assert.rejects(client.models.create(name), (e: unknown) => e instanceof RegistryError && e.status === 503);
    assert.equal(proxy.count('registered-models/create'), 1);
  });

  it('never resends a create whose connection was reset after it went out', async () => {
    const name = uniqueName('no-resend-reset');
    const direct = new RegistryClient({ baseUrl: sharedServer().url });
    proxy.inject({ kind: 'delay', ms: 10 }, { pathPart: 'registered-models/create' });
    proxy.inject({ kind: 'reset' }, { pathPart: 'model-versions/create' });
    await client.models.create(name);
    await assert.rejects(
      client.versions.create(name, 's3://bucket/model'),
      (e: unknown) => e instanceof RegistryError && e.kind === 'network',
    );
    assert.equal(proxy.count('model-versions/create'), 1);
    assert.equal((await direct.models.get(name)).latestVersions.length, 0, "no version was created behind the user's back");
    await direct.models.delete(name);
    await direct.close();
  });

  it('cancels a request in flight through an AbortSignal', async () => {
    proxy.inject({ kind: 'delay', ms: 1200 }, { pathPart: GET });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await assert.rejects(
      client.models.get(WALKTHROUGH, { signal: controller.signal }),
      (e: unknown) => e instanceof RegistryError && e.kind === 'cancelled',
    );
    assert.ok(Date.now() - started < 1000, 'cancelled promptly, not after the answer');
    assert.equal(proxy.count(GET), 1, 'a cancelled request is not retried');
  });

  it('says nothing is listening when the server is down', async () => {
    const stopped = new FaultProxy(sharedServer().url);
    const url = await stopped.start();
    await stopped.stop();
    const down = new RegistryClient({ baseUrl: url, sleep: async () => undefined });
    await assert.rejects(
      down.models.get(WALKTHROUGH),
      (e: unknown) => e instanceof RegistryError && e.messageId === 'error.connectionRefused' && e.attempts === 3,
    );
    await down.close();
  });
});

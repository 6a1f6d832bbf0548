import * as assert from 'node:assert/strict';
import { FaultProxy } from '../../../scripts/testbed/faultProxy';
import { detectCapabilities } from '../../../src/registry/capabilities';
import { RegistryClient } from '../../../src/registry/client';
import { sharedServer } from '../../support/testbed';

const VERSION = '/version';
const ALIAS = 'registered-models/alias';
const ENDPOINT_NOT_FOUND = JSON.stringify({
  error_code: 'ENDPOINT_NOT_FOUND',
  message: 'No API endpoint for /api/2.0/mlflow/registered-models/alias',
});

describe('server capabilities against the real server, through a loopback proxy', () => {
  let proxy: FaultProxy;
  let client: RegistryClient;
  before(async () => {
    proxy = new FaultProxy(sharedServer().url);
    client = new RegistryClient({ baseUrl: await proxy.start(), timeoutMs: 10_000 });
  });
  beforeEach(() => proxy.reset());
  after(async () => {
    await client.close();
    await proxy.stop();
  });

  it('a server that says MLflow 2.2.0 has no aliases, for its version, and is not probed', async () => {
    proxy.inject(
      { kind: 'status', status: 200, body: '2.2.0', contentType: 'text/plain; charset=utf-8' },
      { pathPart: VERSION, times: 10 },
    );
    proxy.inject({ kind: 'status', status: 404, body: ENDPOINT_NOT_FOUND }, { pathPart: ALIAS, times: 10 });
    assert.deepEqual(await detectCapabilities(client), { serverVersion: '2.2.0', aliases: false, aliasesReason: 'version' });
    assert.equal(proxy.count(VERSION), 1);
    assert.equal(proxy.count(ALIAS), 0);
  });

  it('no /version (as on Databricks) and an alias endpoint answering ENDPOINT_NOT_FOUND: no aliases, for the endpoint', async () => {
    proxy.inject(
      { kind: 'status', status: 404, body: JSON.stringify({ error_code: 'ENDPOINT_NOT_FOUND', message: 'No API endpoint for /version' }) },
      { pathPart: VERSION, times: 10 },
    );
    proxy.inject({ kind: 'status', status: 404, body: ENDPOINT_NOT_FOUND }, { pathPart: ALIAS, times: 10 });
    assert.deepEqual(await detectCapabilities(client), { aliases: false, aliasesReason: 'endpoint' });
    assert.equal(proxy.count(VERSION), 1);
    assert.equal(proxy.count(ALIAS), 1, 'one probe, not retried');
  });

  it("an old server's HTML 404 for the alias route (Flask has no such route) also means no alias endpoint", async () => {
    proxy.inject(
      {
        kind: 'status',
        status: 404,
        body: '<!doctype html><title>404 Not Found</title><h1>Not Found</h1>',
        contentType: 'text/html; charset=utf-8',
      },
      { pathPart: VERSION, times: 10 },
    );
    proxy.inject(
      {
        kind: 'status',
        status: 404,
        body: '<!doctype html><title>404 Not Found</title><h1>Not Found</h1>',
        contentType: 'text/html; charset=utf-8',
      },
      { pathPart: ALIAS, times: 10 },
    );
    assert.deepEqual(await detectCapabilities(client), { aliases: false, aliasesReason: 'endpoint' });
  });

  it('the real server (MLflow 3.x): aliases, decided from /version alone with no probe request', async () => {
    const caps = await detectCapabilities(client);
    assert.deepEqual(caps, { serverVersion: sharedServer().version, aliases: true });
    assert.match(caps.serverVersion ?? '', /^3\./);
    assert.equal(proxy.count(VERSION), 1);
    assert.equal(proxy.count(ALIAS), 0);
    assert.equal(proxy.requests.length, 1, JSON.stringify(proxy.requests));
  });

  it("no /version in front of the real alias endpoint: the real server's refusal of the made-up name means aliases are there", async () => {
    proxy.inject({ kind: 'status', status: 404, body: '', contentType: 'text/html' }, { pathPart: VERSION, times: 10 });
    assert.deepEqual(await detectCapabilities(client), { aliases: true });
    assert.equal(proxy.count(ALIAS), 1);
    assert.ok(!proxy.requests.some((r) => r.fault && r.url.includes(ALIAS)), 'the real server answered the probe');
  });

  it('no answer at all propagates as a network error (nothing is decided)', async () => {
    proxy.inject({ kind: 'reset' }, { pathPart: VERSION, times: 10 });
    await assert.rejects(detectCapabilities(client), (e: unknown) => (e as { kind?: string }).kind === 'network');
  });
});

import * as assert from 'node:assert/strict';
import { aliasesByVersion, type CapabilityClient, detectCapabilities, parseMlflowVersion } from '../../../src/registry/capabilities';
import { errorFromNetwork, errorFromResponse, RegistryError } from '../../../src/registry/errors';

const ALIAS = 'api/2.0/mlflow/registered-models/alias';

/** An HTTP error as the transport would make it from this answer. */
const answer = (status: number, errorCode?: string, json = true) =>
  errorFromResponse({
    status,
    host: 'h',
    method: 'GET',
    path: ALIAS,
    errorCode,
    serverMessage: errorCode ? 'x' : undefined,
    json,
    attempts: 1,
  });

/** A client whose /version and alias endpoint answer as given; counts what was asked. */
function fakeClient(version: string | undefined | Error, probe: 'ok' | Error) {
  const calls = { version: 0, probe: 0, probed: [] as string[] };
  const client: CapabilityClient = {
    serverVersion: async () => {
      calls.version++;
      if (version instanceof Error) throw version;
      return version;
    },
    models: {
      getVersionByAlias: async (name: string) => {
        calls.probe++;
        calls.probed.push(name);
        if (probe instanceof Error) throw probe;
        return {} as never;
      },
    },
  };
  return { client, calls };
}

describe('server capabilities: reading the version', () => {
  it('parses major.minor of release, pre-release and dev versions, and nothing else', () => {
    assert.deepEqual(parseMlflowVersion('2.2.0'), { major: 2, minor: 2 });
    assert.deepEqual(parseMlflowVersion('3.17.2'), { major: 3, minor: 17 });
    assert.deepEqual(parseMlflowVersion('2.3.0rc0'), { major: 2, minor: 3 });
    assert.deepEqual(parseMlflowVersion(' 2.10.1.dev0\n'), { major: 2, minor: 10 });
    assert.equal(parseMlflowVersion(undefined), undefined);
    assert.equal(parseMlflowVersion(''), undefined);
    assert.equal(parseMlflowVersion('<html>'), undefined);
  });

  it('aliases came with 2.3: below is false, from 2.3 on true (numerically: 2.10 > 2.3), no version undecided', () => {
    assert.equal(aliasesByVersion('2.2.0'), false);
    assert.equal(aliasesByVersion('2.2.99'), false);
    assert.equal(aliasesByVersion('1.30.1'), false);
    assert.equal(aliasesByVersion('2.3.0'), true);
    assert.equal(aliasesByVersion('2.3.0rc0'), true);
    assert.equal(aliasesByVersion('2.10.0'), true);
    assert.equal(aliasesByVersion('3.17.2'), true);
    assert.equal(aliasesByVersion(undefined), undefined);
    assert.equal(aliasesByVersion('unknown'), undefined);
  });
});

describe('server capabilities: deciding', () => {
  it('below 2.3: aliases off for the version, without probing', async () => {
    const { client, calls } = fakeClient('2.2.0', 'ok');
    assert.deepEqual(await detectCapabilities(client), { serverVersion: '2.2.0', aliases: false, aliasesReason: 'version' });
    assert.deepEqual([calls.version, calls.probe], [1, 0]);
  });

  it('2.3 or later: aliases on, and no probe request', async () => {
    const { client, calls } = fakeClient('3.17.2', answer(404, 'ENDPOINT_NOT_FOUND'));
    assert.deepEqual(await detectCapabilities(client), { serverVersion: '3.17.2', aliases: true });
    assert.deepEqual([calls.version, calls.probe], [1, 0]);
  });

  it('uses a version the caller already read instead of asking /version again', async () => {
    const { client, calls } = fakeClient(new Error('must not be asked'), 'ok');
    assert.deepEqual(await detectCapabilities(client, { known: { serverVersion: '2.2.0' } }), {
      serverVersion: '2.2.0',
      aliases: false,
      aliasesReason: 'version',
    });
    assert.deepEqual(await detectCapabilities(client, { known: { serverVersion: '2.5.1' } }), { serverVersion: '2.5.1', aliases: true });
    assert.deepEqual(await detectCapabilities(client, { known: {} }), { aliases: true }, 'known to have no /version: probed');
    assert.deepEqual([calls.version, calls.probe], [0, 1]);
  });

  it('no /version (Databricks): probes once with a made-up name; ENDPOINT_NOT_FOUND means no aliases', async () => {
    const { client, calls } = fakeClient(undefined, answer(404, 'ENDPOINT_NOT_FOUND'));
    assert.deepEqual(await detectCapabilities(client), { aliases: false, aliasesReason: 'endpoint' });
    assert.equal(calls.probe, 1);
    assert.match(calls.probed[0], /^mlflow-registry-vscode-capability-probe-[0-9a-f-]{36}$/);
  });

  it('a 404 without an MLflow error body (HTML or empty JSON) or NOT_IMPLEMENTED also means no alias endpoint', async () => {
    for (const e of [answer(404, undefined, false), answer(404, undefined, true), answer(501, 'NOT_IMPLEMENTED')]) {
      assert.deepEqual(await detectCapabilities(fakeClient(undefined, e).client), { aliases: false, aliasesReason: 'endpoint' }, e.message);
    }
  });

  it('the endpoint refusing the made-up name (not found, invalid parameter) means aliases are there', async () => {
    for (const e of [answer(404, 'RESOURCE_DOES_NOT_EXIST'), answer(400, 'INVALID_PARAMETER_VALUE'), answer(400, 'BAD_REQUEST')]) {
      assert.deepEqual(await detectCapabilities(fakeClient(undefined, e).client), { aliases: true }, e.message);
    }
    assert.deepEqual(await detectCapabilities(fakeClient(undefined, 'ok').client), { aliases: true });
  });

  it('a version that is not one (garbage) is treated as none: the probe decides', async () => {
    const { client, calls } = fakeClient('dev', answer(404, 'ENDPOINT_NOT_FOUND'));
    assert.deepEqual(await detectCapabilities(client), { serverVersion: 'dev', aliases: false, aliasesReason: 'endpoint' });
    assert.equal(calls.probe, 1);
  });

  it('errors that say nothing about aliases propagate: no answer, 401, 403, 429, 5xx', async () => {
    const refused = errorFromNetwork(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), {
      host: 'h',
      method: 'GET',
      path: 'version',
      attempts: 1,
    });
    await assert.rejects(detectCapabilities(fakeClient(refused, 'ok').client), (e: unknown) => e === refused);
    for (const e of [
      refused,
      answer(401, 'UNAUTHENTICATED'),
      answer(403, 'PERMISSION_DENIED'),
      answer(429, 'REQUEST_LIMIT_EXCEEDED'),
      answer(500, 'INTERNAL_ERROR'),
      answer(503, 'TEMPORARILY_UNAVAILABLE'),
    ]) {
      await assert.rejects(
        detectCapabilities(fakeClient(undefined, e).client),
        (got: unknown) => got === e && got instanceof RegistryError,
      );
    }
    await assert.rejects(detectCapabilities(fakeClient(undefined, new TypeError('bug')).client), TypeError);
  });
});

import * as assert from 'node:assert/strict';
import { type RegistryError } from '../../../src/registry/errors';
import { retryDelay } from '../../../src/registry/retry';
import { toModelVersion, toRegisteredModel } from '../../../src/registry/wire';
import { interpretRecorded } from '../../support/recorded';

function failure(name: string): { error: RegistryError; retry: number | undefined } {
  const a = interpretRecorded(name);
  assert.equal(a.ok, false, `${name} should be an error`);
  if (a.ok) throw new Error('unreachable');
  return { error: a.error, retry: a.outcome ? retryDelay(a.outcome, { attempt: 1, elapsedMs: 0, idempotent: true }) : undefined };
}

describe('answers recorded from the pinned server', () => {
  it('a missing model is RESOURCE_DOES_NOT_EXIST / 404, named in the sentence', () => {
    const { error } = failure('error-model-missing');
    assert.equal(error.status, 404);
    assert.equal(error.errorCode, 'RESOURCE_DOES_NOT_EXIST');
    assert.equal(error.messageId, 'error.notFound');
    assert.ok(error.isNotFound);
    assert.match(error.message, /no-such-model/);
  });

  it('a missing alias is 400 INVALID_PARAMETER_VALUE (not 404), and not retried', () => {
    const { error, retry } = failure('error-alias-missing');
    assert.equal(error.status, 400);
    assert.equal(error.errorCode, 'INVALID_PARAMETER_VALUE');
    assert.equal(error.messageId, 'error.invalidParameter');
    assert.match(error.message, /no-such-alias/);
    assert.equal(retry, undefined);
  });

  it('a duplicate name is RESOURCE_ALREADY_EXISTS with HTTP 400', () => {
    const { error } = failure('error-duplicate-name');
    assert.equal(error.status, 400);
    assert.ok(error.isAlreadyExists);
    assert.equal(error.messageId, 'error.alreadyExists');
  });

  it('archive_existing_versions to None is a deterministic 500 with error_code: never retried', () => {
    const { error, retry } = failure('error-archive-to-none');
    assert.equal(error.status, 500);
    assert.equal(error.errorCode, 'INTERNAL_ERROR');
    assert.equal(retry, undefined);
  });

  it("an endpoint the server lacks (Flask's HTML 404) says so, not 'invalid JSON'", () => {
    const { error } = failure('error-unknown-endpoint');
    assert.equal(error.status, 404);
    assert.equal(error.messageId, 'error.endpointNotFound');
  });

  it('an empty 200 body is {}', () => {
    const a = interpretRecorded('delete-ok');
    assert.deepEqual(a, { ok: true, value: {} });
  });

  it('a registered model keeps latest versions per stage, tags and aliases', () => {
    const a = interpretRecorded('model-get');
    assert.ok(a.ok);
    const m = toRegisteredModel((a.value as { registered_model: unknown }).registered_model);
    assert.equal(m.name, 'power-forecasting-model');
    assert.deepEqual(
      m.latestVersions.map((v) => [v.version, v.currentStage]),
      [
        ['2', 'Production'],
        ['3', 'Staging'],
        ['4', 'None'],
      ],
    );
    assert.deepEqual(m.aliases, [
      { alias: 'challenger', version: '3' },
      { alias: 'champion', version: '2' },
    ]);
    assert.ok(m.tags.some((t) => t.key === 'domain' && t.value === 'energy'));
  });

  it('omitted fields of a bare model become empty values, not undefined crashes', () => {
    const a = interpretRecorded('model-get-empty');
    assert.ok(a.ok);
    const m = toRegisteredModel((a.value as { registered_model: unknown }).registered_model);
    assert.deepEqual([m.description, m.latestVersions, m.tags, m.aliases], ['', [], [], []]);
  });

  it('a model version has a string version, its stage, status and aliases', () => {
    const a = interpretRecorded('version-get');
    assert.ok(a.ok);
    const v = toModelVersion((a.value as { model_version: unknown }).model_version);
    assert.equal(v.version, '2');
    assert.equal(v.currentStage, 'Production');
    assert.equal(v.status, 'READY');
    assert.deepEqual(v.aliases, ['champion']);
    assert.match(v.source ?? '', /^models:\/m-/);
  });
});

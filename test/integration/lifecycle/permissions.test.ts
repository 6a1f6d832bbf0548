/**
 * A read-only user of MLflow's own auth app (`--app-name basic-auth`, default permission READ)
 * tries every write the lifecycle commands make: each is a 403 said as "permission denied"
 * (never "sign in again"), and nothing changes on the server.
 */
import * as assert from 'node:assert/strict';
import * as actions from '../../../src/lifecycle/actions';
import { RegistryClient } from '../../../src/registry/client';
import { RegistryError } from '../../../src/registry/errors';
import { type AuthBed, authBed } from '../connection/support';

const denied = (e: unknown) =>
  e instanceof RegistryError && e.isPermissionDenied && e.status === 403 && e.messageId === 'error.permissionDenied';

describe('lifecycle actions as a read-only user (real basic-auth server)', function () {
  this.timeout(60_000);
  let bed: AuthBed;
  let admin: RegistryClient;
  let reader: RegistryClient;
  before(async function () {
    this.timeout(180_000);
    bed = await authBed();
    admin = new RegistryClient({ baseUrl: bed.url, auth: { kind: 'basic', ...bed.admin } });
    reader = new RegistryClient({ baseUrl: bed.url, auth: { kind: 'basic', ...bed.reader } });
    if ((await actions.allVersions(admin, bed.model)).length === 0) await admin.versions.create(bed.model, 's3://bucket/auth-owned');
  });
  after(async () => {
    await admin.close();
    await reader.close();
  });

  it('every write is refused as permission denied, and the model is as it was', async () => {
    const before = await admin.models.get(bed.model);
    const versionBefore = await admin.versions.get(bed.model, '1');
    const attempts: [string, () => Promise<unknown>][] = [
      ['transition', () => actions.transition(reader, bed.model, '1', 'Production', { archiveExisting: true })],
      ['archive', () => actions.archive(reader, bed.model, ['1'])],
      ['set alias', () => actions.setAlias(reader, bed.model, 'champion', '1')],
      ['set tag', () => actions.setTag(reader, { model: bed.model }, 'owner', 'reader')],
      ['delete tag', () => actions.deleteTag(reader, { model: bed.model }, 'owner')],
      [
        'edit description',
        () => actions.editDescription(reader, { model: bed.model }, 'the reader was here', { expected: bed.description }),
      ],
      ['rename', () => actions.rename(reader, bed.model, `${bed.model}-by-reader`)],
      ['delete version', () => actions.deleteVersions(reader, bed.model, ['1'])],
      ['delete model', () => actions.deleteModel(reader, bed.model)],
    ];
    for (const [what, attempt] of attempts) await assert.rejects(attempt(), denied, what);
    const after = await admin.models.get(bed.model);
    assert.equal(after.description, before.description);
    assert.deepEqual(after.tags, before.tags);
    assert.deepEqual(after.aliases, before.aliases);
    assert.equal((await admin.versions.get(bed.model, '1')).currentStage, versionBefore.currentStage);
    assert.equal(await actions.modelExists(admin, `${bed.model}-by-reader`), false);
  });
});

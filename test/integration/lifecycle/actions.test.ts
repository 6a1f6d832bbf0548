import * as assert from 'node:assert/strict';
import * as actions from '../../../src/lifecycle/actions';
import { undo } from '../../../src/lifecycle/undo';
import { RegistryClient } from '../../../src/registry/client';
import { RegistryError } from '../../../src/registry/errors';
import { sharedServer, uniqueName } from '../../support/testbed';

const stages = async (client: RegistryClient, model: string) =>
  Object.fromEntries((await actions.allVersions(client, model)).map((v) => [v.version, v.currentStage]));

describe('lifecycle actions and their Undo (real server)', () => {
  let client: RegistryClient;
  let other: RegistryClient;
  const created: string[] = [];

  /** A model of this test's own with `n` versions, all in stage None. */
  async function modelWith(n: number, prefix: string): Promise<string> {
    const name = uniqueName(prefix);
    await client.models.create(name);
    created.push(name);
    for (let i = 0; i < n; i++) await client.versions.create(name, `s3://bucket/${name}/v${i + 1}`);
    return name;
  }

  before(() => {
    client = new RegistryClient({ baseUrl: sharedServer().url });
    other = new RegistryClient({ baseUrl: sharedServer().url });
  });
  after(async () => {
    for (const name of created) await client.models.delete(name).catch(() => undefined);
    await client.close();
    await other.close();
  });

  it('a transition that archives what was in Production is undone whole: every version goes back', async () => {
    const m = await modelWith(3, 'transition');
    await actions.transition(client, m, '1', 'Production');
    await actions.transition(client, m, '2', 'Production');
    await actions.transition(client, m, '3', 'Staging');
    const change = await actions.transition(client, m, '3', 'Production', { archiveExisting: true });
    assert.deepEqual(await stages(client, m), { '1': 'Archived', '2': 'Archived', '3': 'Production' });
    assert.deepEqual(change.fields.map((f) => f.field === 'stage' && `${f.version}:${f.before}->${f.after}`).sort(), [
      '1:Production->Archived',
      '2:Production->Archived',
      '3:Staging->Production',
    ]);
    assert.deepEqual(await undo(client, change), { kind: 'undone' });
    assert.deepEqual(await stages(client, m), { '1': 'Production', '2': 'Production', '3': 'Staging' });
  });

  it('Undo changes nothing and names the field when someone moved a version since', async () => {
    const m = await modelWith(2, 'undo-conflict');
    await actions.transition(client, m, '1', 'Production');
    const change = await actions.transition(client, m, '2', 'Production', { archiveExisting: true });
    await other.versions.transitionStage(m, '1', 'Staging'); // someone else, meanwhile
    const outcome = await undo(client, change);
    assert.equal(outcome.kind, 'conflict');
    assert.ok(outcome.kind === 'conflict' && outcome.field.field === 'stage' && outcome.field.version === '1' && outcome.now === 'Staging');
    assert.deepEqual(await stages(client, m), { '1': 'Staging', '2': 'Production' }, 'nothing was undone');
  });

  it('an unrelated edit (a description, which moves the timestamp) does not block Undo of a transition', async () => {
    const m = await modelWith(1, 'undo-unrelated');
    const change = await actions.transition(client, m, '1', 'Staging');
    await other.versions.update(m, '1', 'written by someone else');
    assert.deepEqual(await undo(client, change), { kind: 'undone' });
    assert.equal((await client.versions.get(m, '1')).currentStage, 'None');
    assert.equal((await client.versions.get(m, '1')).description, 'written by someone else');
  });

  it('archive several versions, and undo', async () => {
    const m = await modelWith(3, 'archive');
    await actions.transition(client, m, '2', 'Staging');
    const change = await actions.archive(client, m, ['1', '2']);
    assert.deepEqual(await stages(client, m), { '1': 'Archived', '2': 'Archived', '3': 'None' });
    assert.deepEqual(await undo(client, change), { kind: 'undone' });
    assert.deepEqual(await stages(client, m), { '1': 'None', '2': 'Staging', '3': 'None' });
  });

  it('set an alias, move it, delete it; each undone', async () => {
    const m = await modelWith(2, 'alias');
    const set = await actions.setAlias(client, m, 'champion', '1');
    assert.equal(await actions.aliasTarget(client, m, 'champion'), '1');
    const moved = await actions.setAlias(client, m, 'champion', '2');
    assert.deepEqual(moved.fields, [{ field: 'alias', model: m, alias: 'champion', before: '1', after: '2' }]);
    assert.deepEqual(await undo(client, moved), { kind: 'undone' });
    assert.equal(await actions.aliasTarget(client, m, 'champion'), '1', 'the move went back');
    const deleted = await actions.deleteAlias(client, m, 'champion');
    assert.equal(await actions.aliasTarget(client, m, 'champion'), undefined);
    assert.deepEqual(await undo(client, deleted), { kind: 'undone' });
    assert.equal(await actions.aliasTarget(client, m, 'champion'), '1', 'the deleted alias came back');
    assert.deepEqual(await undo(client, set), { kind: 'undone' });
    assert.equal(await actions.aliasTarget(client, m, 'champion'), undefined, 'the new alias is gone again');
  });

  it('Undo of an alias move is refused when someone moved it again', async () => {
    const m = await modelWith(3, 'alias-conflict');
    await actions.setAlias(client, m, 'prod', '1');
    const moved = await actions.setAlias(client, m, 'prod', '2');
    await other.models.setAlias(m, 'prod', '3');
    const outcome = await undo(client, moved);
    assert.ok(outcome.kind === 'conflict' && outcome.field.field === 'alias' && outcome.now === '3');
    assert.equal(await actions.aliasTarget(client, m, 'prod'), '3');
  });

  it('Undo of an alias move is refused, not an error, when the version it pointed to was deleted since', async () => {
    const m = await modelWith(2, 'alias-gone');
    await actions.setAlias(client, m, 'prod', '1');
    const moved = await actions.setAlias(client, m, 'prod', '2');
    await other.versions.delete(m, '1');
    const outcome = await undo(client, moved);
    assert.ok(outcome.kind === 'conflict' && outcome.field.field === 'alias', JSON.stringify(outcome));
    assert.equal(await actions.aliasTarget(client, m, 'prod'), '2', 'nothing was undone');
  });

  it('set and delete tags on a model and a version; each undone', async () => {
    const m = await modelWith(1, 'tags');
    const onModel = await actions.setTag(client, { model: m }, 'team', 'wind');
    const edited = await actions.setTag(client, { model: m }, 'team', 'solar');
    assert.deepEqual(await undo(client, edited), { kind: 'undone' });
    assert.equal(await actions.tagValue(client, { model: m }, 'team'), 'wind');
    assert.deepEqual(await undo(client, onModel), { kind: 'undone' });
    assert.equal(await actions.tagValue(client, { model: m }, 'team'), undefined);

    await actions.setTag(client, { model: m, version: '1' }, 'validated', 'yes');
    const deleted = await actions.deleteTag(client, { model: m, version: '1' }, 'validated');
    assert.equal(await actions.tagValue(client, { model: m, version: '1' }, 'validated'), undefined);
    assert.deepEqual(await undo(client, deleted), { kind: 'undone' });
    assert.equal(await actions.tagValue(client, { model: m, version: '1' }, 'validated'), 'yes');
  });

  it('a description edit is undone to the previous text', async () => {
    const m = await modelWith(1, 'describe');
    await actions.editDescription(client, { model: m, version: '1' }, 'first words');
    const change = await actions.editDescription(client, { model: m, version: '1' }, 'second words', { expected: 'first words' });
    assert.equal(await actions.description(client, { model: m, version: '1' }), 'second words');
    assert.deepEqual(await undo(client, change), { kind: 'undone' });
    assert.equal(await actions.description(client, { model: m, version: '1' }), 'first words');
  });

  it('a description save is refused when someone edited it since the document was opened; both texts survive', async () => {
    const m = await modelWith(0, 'describe-conflict');
    await actions.editDescription(client, { model: m }, 'as opened');
    await actions.editDescription(other, { model: m }, 'theirs, saved meanwhile');
    await assert.rejects(
      actions.editDescription(client, { model: m }, 'mine', { expected: 'as opened' }),
      (e: unknown) => e instanceof actions.DescriptionConflict && e.theirs === 'theirs, saved meanwhile',
    );
    assert.equal(await actions.description(client, { model: m }), 'theirs, saved meanwhile');
    const overwritten = await actions.editDescription(client, { model: m }, 'mine');
    assert.equal(overwritten.fields.length, 1);
    assert.equal(await actions.description(client, { model: m }), 'mine');
  });

  it('an over-long description is refused before sending; the stored one is kept', async () => {
    const m = await modelWith(0, 'describe-long');
    await actions.editDescription(client, { model: m }, 'kept');
    await assert.rejects(
      actions.editDescription(client, { model: m }, 'x'.repeat(5001)),
      (e: unknown) => e instanceof RegistryError && e.messageId === 'error.descriptionTooLong',
    );
    assert.equal(await actions.description(client, { model: m }), 'kept');
  });

  it('rename checks the new name is free, and is undone', async () => {
    const m = await modelWith(1, 'rename');
    const taken = await modelWith(0, 'rename-taken');
    await assert.rejects(actions.rename(client, m, taken), (e: unknown) => e instanceof RegistryError && e.messageId === 'error.nameTaken');
    const newName = `${m}-renamed`;
    created.push(newName);
    const change = await actions.rename(client, m, newName);
    assert.equal(await actions.modelExists(client, m), false);
    assert.equal((await client.versions.get(newName, '1')).version, '1');
    assert.deepEqual(await undo(client, change), { kind: 'undone' });
    assert.equal(await actions.modelExists(client, m), true);
    assert.equal(await actions.modelExists(client, newName), false);
  });

  it('Undo of a rename is refused when the old name was taken meanwhile', async () => {
    const m = await modelWith(0, 'rename-conflict');
    const newName = `${m}-new`;
    created.push(newName);
    const change = await actions.rename(client, m, newName);
    await other.models.create(m); // someone registers a model under the old name
    const outcome = await undo(client, change);
    assert.ok(outcome.kind === 'conflict' && outcome.field.field === 'name');
    assert.equal(await actions.modelExists(client, newName), true, 'nothing was undone');
  });

  it('deleting a model with versions in Production and an alias: the confirmation facts, then everything is gone', async () => {
    const m = await modelWith(3, 'delete-model');
    await actions.transition(client, m, '2', 'Production');
    await actions.transition(client, m, '3', 'Staging');
    await actions.setAlias(client, m, 'champion', '2');
    const facts = await actions.modelDeletion(client, m);
    assert.equal(facts.versionCount, 3);
    assert.deepEqual(facts.active, [
      { version: '3', stage: 'Staging' },
      { version: '2', stage: 'Production' },
    ]);
    assert.deepEqual(facts.aliases, [{ alias: 'champion', version: '2' }]);
    await actions.deleteModel(client, m);
    assert.equal(await actions.modelExists(client, m), false);
  });

  it('deleting versions: the confirmation names stage and aliases, and the aliases go with them', async () => {
    const m = await modelWith(3, 'delete-versions');
    await actions.transition(client, m, '1', 'Production');
    await actions.setAlias(client, m, 'old', '1');
    assert.deepEqual(await actions.versionDeletion(client, m, ['1', '2']), [
      { version: '1', stage: 'Production', aliases: ['old'] },
      { version: '2', stage: 'None', aliases: [] },
    ]);
    await actions.deleteVersions(client, m, ['1', '2']);
    assert.deepEqual(await stages(client, m), { '3': 'None' });
    assert.equal(await actions.aliasTarget(client, m, 'old'), undefined);
  });
});

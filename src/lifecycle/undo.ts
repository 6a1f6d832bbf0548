/**
 * Undo of a registry action: first every field the action changed is read again and compared
 * with the value the action left; if any differs (someone changed it since), nothing is undone
 * and that field is named. Timestamps are not compared: an unrelated edit must not block an
 * Undo. Then each field goes back, in reverse order.
 */
import type { RegistryClient } from '../registry/client';
import { isRegistryError } from '../registry/errors';
import { aliasTarget, description, modelExists, tagValue } from './actions';
import type { Change, FieldChange } from './changes';

export type UndoOutcome =
  | { kind: 'undone' }
  /** `field` is no longer as the action left it: `now` is its current value (undefined: absent). */
  | { kind: 'conflict'; field: FieldChange; now: string | undefined };

/** The field's value now, in the same terms as the change's `after`. */
async function currentValue(client: RegistryClient, f: FieldChange): Promise<string | undefined> {
  switch (f.field) {
    case 'stage':
      return (await client.versions.get(f.model, f.version)).currentStage;
    case 'alias': {
      const now = await aliasTarget(client, f.model, f.alias);
      // Undo would point the alias back at `before`: that version must still exist.
      if (now === f.after && f.before !== undefined) await client.versions.get(f.model, f.before);
      return now;
    }
    case 'tag':
      return tagValue(client, { model: f.model, version: f.version }, f.key);
    case 'description':
      return description(client, { model: f.model, version: f.version });
    case 'name':
      // The model still has the new name, and nothing took the old one meanwhile.
      if (!(await modelExists(client, f.after))) return undefined;
      return (await modelExists(client, f.before)) ? f.before : f.after;
  }
}

/** Reads a value; a model or version that is gone reads as absent (a conflict, not a crash). */
async function readOrAbsent(client: RegistryClient, f: FieldChange): Promise<string | undefined> {
  try {
    return await currentValue(client, f);
  } catch (e) {
    if (isRegistryError(e) && e.isNotFound) return undefined;
    throw e;
  }
}

async function revert(client: RegistryClient, f: FieldChange): Promise<void> {
  switch (f.field) {
    case 'stage':
      await client.versions.transitionStage(f.model, f.version, f.before);
      return;
    case 'alias':
      if (f.before === undefined) await client.models.deleteAlias(f.model, f.alias);
      else await client.models.setAlias(f.model, f.alias, f.before);
      return;
    case 'tag': {
      const subject = { model: f.model, version: f.version };
      if (f.before === undefined) {
        if (subject.version === undefined) await client.models.deleteTag(f.model, f.key);
        else await client.versions.deleteTag(f.model, subject.version, f.key);
      } else if (subject.version === undefined) await client.models.setTag(f.model, f.key, f.before);
      else await client.versions.setTag(f.model, subject.version, f.key, f.before);
      return;
    }
    case 'description':
      if (f.version === undefined) await client.models.update(f.model, f.before);
      else await client.versions.update(f.model, f.version, f.before);
      return;
    case 'name':
      await client.models.rename(f.after, f.before);
      return;
  }
}

/** Whether the action changed anything an Undo could put back. */
export function canUndo(change: Change): boolean {
  return change.fields.length > 0;
}

export async function undo(client: RegistryClient, change: Change): Promise<UndoOutcome> {
  for (const f of change.fields) {
    const now = await readOrAbsent(client, f);
    if (now !== f.after) return { kind: 'conflict', field: f, now };
  }
  for (const f of [...change.fields].reverse()) await revert(client, f);
  return { kind: 'undone' };
}

/**
 * What a registry action changed, field by field, as plain data: enough to undo it, and to
 * tell before undoing whether someone changed a field since (then nothing is undone).
 */
import type { Stage } from '../registry/types';

export type FieldChange =
  | { field: 'stage'; model: string; version: string; before: Stage; after: Stage }
  /** An alias's target version; undefined: the alias did not exist (before) or was deleted (after). */
  | { field: 'alias'; model: string; alias: string; before?: string; after?: string }
  /** A tag's value on a model (no version) or a version; undefined: no such tag. */
  | { field: 'tag'; model: string; version?: string; key: string; before?: string; after?: string }
  | { field: 'description'; model: string; version?: string; before: string; after: string }
  | { field: 'name'; before: string; after: string };

export type ActionKind = 'transition' | 'setAlias' | 'deleteAlias' | 'setTag' | 'deleteTag' | 'editDescription' | 'rename' | 'archive';

export interface Change {
  action: ActionKind;
  /** In the order they were made; undo goes in reverse. */
  fields: FieldChange[];
}

/** The model a field change is about (for a rename: the name it has now). */
export function modelOf(f: FieldChange): string {
  return f.field === 'name' ? f.after : f.model;
}

/** Every model an action touched, under the names they have after it. */
export function modelsOf(change: Change): string[] {
  return [...new Set(change.fields.map(modelOf))];
}

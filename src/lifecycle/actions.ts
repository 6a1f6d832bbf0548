/**
 * The registry's write actions as the commands run them, each returning what it changed
 * (changes.ts) so it can be undone. Plain Node: the commands, the integration tests and
 * anything else call the same code.
 */
import type { RegistryClient } from '../registry/client';
import { isRegistryError, RegistryError } from '../registry/errors';
import { nameEqualsFilter } from '../registry/filters';
import { aliasProblem, refuse, tagKeyProblem, tagValueProblem } from '../registry/inputRules';
import type { ModelVersion, Stage } from '../registry/types';
import { checkDescription } from '../registry/validate';
import type { Change, FieldChange } from './changes';

/** A model, or one of its versions. */
export interface Subject {
  model: string;
  version?: string;
}

/** Every version of a model (all pages), newest first. */
export async function allVersions(client: RegistryClient, model: string): Promise<ModelVersion[]> {
  const plan = nameEqualsFilter<ModelVersion>(model);
  const out: ModelVersion[] = [];
  for await (const v of client.versions.search({ filter: plan.filter, orderBy: ['version_number DESC'], pageSize: 1000 })) {
    if (plan.matches(v)) out.push(v);
  }
  return out;
}

/** The versions now in `stage` other than `except`: what "archive the versions now in that stage" would archive. */
export async function versionsInStage(client: RegistryClient, model: string, stage: Stage, except?: string): Promise<ModelVersion[]> {
  return (await allVersions(client, model)).filter((v) => v.currentStage === stage && v.version !== except);
}

/**
 * Moves a version to a stage; with `archiveExisting` (Staging and Production only) the versions
 * in that stage go to Archived. Every version whose stage changed is in the result.
 */
export async function transition(
  client: RegistryClient,
  model: string,
  version: string,
  stage: Stage,
  options: {
    archiveExisting?: boolean;
    /**
     * The versions in `stage` as the caller listed them to ask the user ("also archive version 1"):
     * not listed again (a model may have thousands of versions), and the change records those.
     */
    inStage?: ModelVersion[];
  } = {},
): Promise<Change> {
  const before = await client.versions.get(model, version);
  const others = options.archiveExisting ? (options.inStage ?? (await versionsInStage(client, model, stage, version))) : [];
  const after = await client.versions.transitionStage(model, version, stage, { archiveExistingVersions: options.archiveExisting });
  const fields: FieldChange[] = [];
  if (before.currentStage !== after.currentStage) {
    fields.push({ field: 'stage', model, version, before: before.currentStage, after: after.currentStage });
  }
  for (const o of others) {
    const now = await client.versions.get(model, o.version);
    if (now.currentStage !== o.currentStage)
      fields.push({ field: 'stage', model, version: o.version, before: o.currentStage, after: now.currentStage });
  }
  return { action: 'transition', fields };
}

/** Archives each version (already archived ones are left as they are). */
export async function archive(client: RegistryClient, model: string, versions: string[]): Promise<Change> {
  const fields: FieldChange[] = [];
  for (const version of versions) {
    const before = await client.versions.get(model, version);
    if (before.currentStage === 'Archived') continue;
    await client.versions.transitionStage(model, version, 'Archived');
    fields.push({ field: 'stage', model, version, before: before.currentStage, after: 'Archived' });
  }
  return { action: 'archive', fields };
}

/** The version an alias points to now, or undefined. */
export async function aliasTarget(client: RegistryClient, model: string, alias: string): Promise<string | undefined> {
  const m = await client.models.get(model);
  return m.aliases.find((a) => a.alias === alias)?.version;
}

/** Points an alias at a version (creating it, or moving it from the version it pointed to). */
export async function setAlias(client: RegistryClient, model: string, alias: string, version: string): Promise<Change> {
  refuse(aliasProblem(alias));
  const before = await aliasTarget(client, model, alias);
  await client.models.setAlias(model, alias, version);
  return { action: 'setAlias', fields: before === version ? [] : [{ field: 'alias', model, alias, before, after: version }] };
}

export async function deleteAlias(client: RegistryClient, model: string, alias: string): Promise<Change> {
  const before = await aliasTarget(client, model, alias);
  await client.models.deleteAlias(model, alias);
  return { action: 'deleteAlias', fields: before === undefined ? [] : [{ field: 'alias', model, alias, before, after: undefined }] };
}

/** A tag's value on a model or version now, or undefined. */
export async function tagValue(client: RegistryClient, subject: Subject, key: string): Promise<string | undefined> {
  const tags =
    subject.version === undefined
      ? (await client.models.get(subject.model)).tags
      : (await client.versions.get(subject.model, subject.version)).tags;
  return tags.find((t) => t.key === key)?.value;
}

export async function setTag(client: RegistryClient, subject: Subject, key: string, value: string): Promise<Change> {
  refuse(tagKeyProblem(key));
  refuse(tagValueProblem(value));
  const before = await tagValue(client, subject, key);
  await writeTag(client, subject, key, value);
  const fields: FieldChange[] =
    before === value ? [] : [{ field: 'tag', model: subject.model, version: subject.version, key, before, after: value }];
  return { action: 'setTag', fields };
}

export async function deleteTag(client: RegistryClient, subject: Subject, key: string): Promise<Change> {
  const before = await tagValue(client, subject, key);
  await writeTag(client, subject, key, undefined);
  const fields: FieldChange[] =
    before === undefined ? [] : [{ field: 'tag', model: subject.model, version: subject.version, key, before, after: undefined }];
  return { action: 'deleteTag', fields };
}

async function writeTag(client: RegistryClient, subject: Subject, key: string, value: string | undefined): Promise<void> {
  if (subject.version === undefined) {
    if (value === undefined) await client.models.deleteTag(subject.model, key);
    else await client.models.setTag(subject.model, key, value);
  } else if (value === undefined) await client.versions.deleteTag(subject.model, subject.version, key);
  else await client.versions.setTag(subject.model, subject.version, key, value);
}

export async function description(client: RegistryClient, subject: Subject): Promise<string> {
  return subject.version === undefined
    ? (await client.models.get(subject.model)).description
    : (await client.versions.get(subject.model, subject.version)).description;
}

/** Someone changed the description since the editor read it: theirs is here, nothing was written. */
export class DescriptionConflict extends Error {
  constructor(
    readonly subject: Subject,
    readonly theirs: string,
  ) {
    super(`The description of ${subject.model}${subject.version ? ` version ${subject.version}` : ''} changed since it was opened.`);
    this.name = 'DescriptionConflict';
  }
}

/**
 * Writes a description. With `expected` (the text the editor opened), the description is read
 * again just before writing and nothing is written when it differs (DescriptionConflict).
 * The update always carries the text: an update without one would clear it.
 */
export async function editDescription(
  client: RegistryClient,
  subject: Subject,
  text: string,
  options: { expected?: string } = {},
): Promise<Change> {
  checkDescription(text);
  const before = await description(client, subject);
  if (options.expected !== undefined && before !== options.expected) throw new DescriptionConflict(subject, before);
  await writeDescription(client, subject, text);
  const fields: FieldChange[] =
    before === text ? [] : [{ field: 'description', model: subject.model, version: subject.version, before, after: text }];
  return { action: 'editDescription', fields };
}

async function writeDescription(client: RegistryClient, subject: Subject, text: string): Promise<void> {
  if (subject.version === undefined) await client.models.update(subject.model, text);
  else await client.versions.update(subject.model, subject.version, text);
}

/** Whether a registered model of that name exists now. */
export async function modelExists(client: RegistryClient, name: string): Promise<boolean> {
  try {
    await client.models.get(name);
    return true;
  } catch (e) {
    if (isRegistryError(e) && e.isNotFound) return false;
    throw e;
  }
}

/** Renames a model after checking that the new name is free (the server says whether it is valid). */
export async function rename(client: RegistryClient, model: string, newName: string): Promise<Change> {
  if (newName === model) return { action: 'rename', fields: [] };
  if (await modelExists(client, newName)) {
    throw new RegistryError({ kind: 'client', messageId: 'error.nameTaken', params: { name: newName } });
  }
  await client.models.rename(model, newName);
  return { action: 'rename', fields: [{ field: 'name', before: model, after: newName }] };
}

/** What deleting a model removes, for its confirmation: versions in Production and Staging, and aliases. */
export interface ModelDeletion {
  versionCount: number;
  /** "Production" / "Staging" versions, newest first. */
  active: { version: string; stage: Stage }[];
  aliases: { alias: string; version: string }[];
}

export async function modelDeletion(client: RegistryClient, model: string): Promise<ModelDeletion> {
  const [m, versions] = await Promise.all([client.models.get(model), allVersions(client, model)]);
  return {
    versionCount: versions.length,
    active: versions
      .filter((v) => v.currentStage === 'Production' || v.currentStage === 'Staging')
      .map((v) => ({ version: v.version, stage: v.currentStage })),
    aliases: m.aliases.map((a) => ({ alias: a.alias, version: a.version })),
  };
}

/** What deleting versions removes, each with its stage and the aliases on it. */
export async function versionDeletion(
  client: RegistryClient,
  model: string,
  versions: string[],
): Promise<{ version: string; stage: Stage; aliases: string[] }[]> {
  const m = await client.models.get(model);
  const out = [];
  for (const version of versions) {
    const v = await client.versions.get(model, version);
    out.push({ version, stage: v.currentStage, aliases: m.aliases.filter((a) => a.version === version).map((a) => a.alias) });
  }
  return out;
}

export async function deleteVersions(client: RegistryClient, model: string, versions: string[]): Promise<void> {
  for (const version of versions) await client.versions.delete(model, version);
}

export async function deleteModel(client: RegistryClient, model: string): Promise<void> {
  await client.models.delete(model);
}

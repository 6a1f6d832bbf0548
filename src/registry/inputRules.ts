/**
 * What MLflow accepts as an alias, a tag key and a tag value, checked before sending so a bad
 * value is one clear sentence instead of a server round trip (mlflow/utils/validation.py:
 * `_validate_model_alias_name`, `_validate_tag_name`, `_validate_model_version_tag`). Python's
 * `\w` is Unicode (letters of any script, digits, `_`); JavaScript's is ASCII, so Unicode
 * property classes stand in for it. The integration suite sends the edge cases to the real
 * server and compares.
 */
import { RegistryError } from './errors';
import type { MessageId, MessageParams } from './errorMessages';

export const MAX_ALIAS = 255;
export const MAX_TAG_KEY = 250;
/** MLflow 3 (MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH); older servers kept 5,000 and say so themselves. */
export const MAX_TAG_VALUE = 100_000;

export interface InputProblem {
  messageId: MessageId;
  params: MessageParams;
}

/** Python's `\w` in a str pattern: letters and numbers of any script, and `_`. */
const WORD = String.raw`\p{L}\p{N}_`;
/** Python's `$` also matches just before a final newline. */
const END = String.raw`\n?$`;
const ALIAS_CHARS = new RegExp(`^[${WORD}\\-]*${END}`, 'u');
const VERSION_ALIAS = new RegExp(`^[vV]\\p{Nd}+${END}`, 'u');
const TAG_KEY_CHARS = new RegExp(`^[/${WORD}.\\- :]*${END}`, 'u');

/** Python counts code points; a JavaScript string's length counts UTF-16 units (two for 𝑥 or 😀). */
export const chars = (s: string): number => [...s].length;

export function aliasProblem(alias: string): InputProblem | undefined {
  if (alias === '') return { messageId: 'input.aliasEmpty', params: {} };
  if (!ALIAS_CHARS.test(alias)) return { messageId: 'input.aliasChars', params: { alias } };
  if (chars(alias) > MAX_ALIAS) return { messageId: 'input.aliasTooLong', params: { length: chars(alias), max: MAX_ALIAS } };
  if (alias.toLowerCase() === 'latest') return { messageId: 'input.aliasLatest', params: { alias } };
  if (VERSION_ALIAS.test(alias)) return { messageId: 'input.aliasVersion', params: { alias } };
  return undefined;
}

/** posixpath.normpath, for the keys MLflow compares with their normalised form. */
export function posixNormpath(path: string): string {
  if (path === '') return '.';
  const initialSlashes = path.startsWith('/') ? (path.startsWith('//') && !path.startsWith('///') ? 2 : 1) : 0;
  const parts: string[] = [];
  for (const comp of path.split('/')) {
    if (comp === '' || comp === '.') continue;
    if (comp !== '..' || (!initialSlashes && !parts.length) || parts[parts.length - 1] === '..') parts.push(comp);
    else if (parts.length) parts.pop();
  }
  const joined = '/'.repeat(initialSlashes) + parts.join('/');
  return joined || '.';
}

export function tagKeyProblem(key: string): InputProblem | undefined {
  if (key === '') return { messageId: 'input.tagKeyEmpty', params: {} };
  if (!TAG_KEY_CHARS.test(key)) return { messageId: 'input.tagKeyChars', params: { key } };
  if (chars(key) > MAX_TAG_KEY) return { messageId: 'input.tagKeyTooLong', params: { length: chars(key), max: MAX_TAG_KEY } };
  const norm = posixNormpath(key);
  if (norm !== key || norm === '.' || norm.startsWith('..') || norm.startsWith('/'))
    return { messageId: 'input.tagKeyPath', params: { key } };
  return undefined;
}

export function tagValueProblem(value: string): InputProblem | undefined {
  if (chars(value) > MAX_TAG_VALUE) return { messageId: 'input.tagValueTooLong', params: { length: chars(value), max: MAX_TAG_VALUE } };
  return undefined;
}

/** Throws the problem as a client error (nothing was sent). */
export function refuse(problem: InputProblem | undefined): void {
  if (problem) throw new RegistryError({ kind: 'client', messageId: problem.messageId, params: problem.params });
}

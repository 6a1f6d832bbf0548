/**
 * Search filters with MLflow's real quoting rules, and the client-side narrowing they need.
 *
 * What MLflow's filter parser (sqlparse + `SearchUtils._strip_quotes`) does with a value:
 * - it strips the outer quotes and nothing else: doubling a quote does NOT escape it
 *   (`'it''s'` is the text `it''s`), so a value with `'` goes in double quotes and one with
 *   `"` in single quotes;
 * - a value with both quote kinds cannot be written exactly: it is matched with LIKE, `_`
 *   standing for each quote, and only exact matches are kept on the client;
 * - sqlparse reads `\'` inside a quoted string as an escaped quote, so a value ending in a
 *   backslash swallows its closing quote as soon as another quoted value follows in the same
 *   filter: such a value is matched with LIKE too;
 * - MLflow sends LIKE/ILIKE patterns without an ESCAPE clause: a user's `%` and `_` are
 *   wildcards everywhere, `\` is the escape character on PostgreSQL and MySQL (not on SQLite)
 *   and `[` opens a character class on SQL Server. Patterns therefore carry `\` and `[` as `_`,
 *   and the results are narrowed to literal matches on the client;
 * - LIKE's case rules differ by backend (MLflow turns SQLite's `case_sensitive_like` on; MySQL
 *   collations may ignore case), so every LIKE answer is narrowed on the client; ILIKE on
 *   SQLite folds ASCII letters only (`lower()`), so a case-insensitive search writes letters
 *   that have case outside ASCII as `_` and folds them on the client.
 *
 * Every builder returns a plan: the filter string to send and the predicate that keeps
 * exactly what the caller asked for.
 */
import type { RegistryClient } from './client';
import { RegistryError } from './errors';
import type { CallOptions } from './models';
import type { RegisteredModel, Tag } from './types';

/** A filter for the server plus the client-side predicate that makes its answer exact. */
export interface FilterPlan<T> {
  /** The `filter` parameter to send; empty means "no filter". */
  filter: string;
  /** True for the rows the caller asked for (the server may answer with more). */
  matches: (item: T) => boolean;
  /** True when the server's answer needs no narrowing (every condition was written with `=`). */
  exact: boolean;
}

export interface QuotedValue {
  /** The quoted literal, ready to follow a comparator. */
  text: string;
  /** False when the literal is a LIKE pattern that matches more than the value. */
  exact: boolean;
}

/**
 * Quotes a value for `=`. When the value cannot be written exactly (both quote kinds, or a
 * trailing backslash) the result is a LIKE pattern (see quoteLikePattern) that matches at least
 * the value; the value's own `%` and `_` stay wildcards there, so narrow the answer.
 */
export function quoteValue(value: string): QuotedValue {
  if (!value.endsWith('\\')) {
    if (!value.includes("'")) return { text: `'${value}'`, exact: true };
    if (!value.includes('"')) return { text: `"${value}"`, exact: true };
  }
  return { text: quoteLikePattern(value), exact: false };
}

/**
 * A LIKE/ILIKE pattern, quoted, matching at least what it says on every backend MLflow runs
 * on: `\` (PostgreSQL's and MySQL's default LIKE escape) and `[` (a character class in SQL
 * Server) are written as `_`, and so are the quotes when both kinds occur. Narrow the answer.
 */
export function quoteLikePattern(pattern: string): string {
  const p = pattern.replace(/[\\[]/g, '_');
  if (!p.includes("'")) return `'${p}'`;
  if (!p.includes('"')) return `"${p}"`;
  return `'${p.replace(/['"]/g, '_')}'`;
}

/** sqlparse lexes these as keywords even after `tags.`, which breaks the clause. */
const KEYWORDS_AFTER_DOT = new Set(['as', 'case', 'from', 'in', 'using', 'values']);

/**
 * `tags.<key>` for a filter: plain identifiers as they are, anything else in backticks
 * (``tags.`my key` ``). A key holding a backtick cannot be written: MLflow only strips the outer
 * backticks, so that is a client error.
 */
export function tagIdentifier(key: string): string {
  if (key.includes('`')) throw new RegistryError({ kind: 'client', messageId: 'error.tagKeyNotFilterable', params: { key } });
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !KEYWORDS_AFTER_DOT.has(key.toLowerCase());
  return plain ? `tags.${key}` : `tags.\`${key}\``;
}

/** Exactly the item named `name` (models, or versions of one model). */
export function nameEqualsFilter<T extends { name: string }>(name: string): FilterPlan<T> {
  const q = quoteValue(name);
  return {
    filter: q.exact ? `name = ${q.text}` : `name LIKE ${q.text}`,
    matches: (item) => item.name === name,
    exact: q.exact,
  };
}

/** Lower case for comparing without regard to case, the same way on both sides. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/**
 * Items whose name contains `text`, ignoring case, with `%`, `_` and quotes taken literally.
 * Letters with case outside ASCII are sent as `_` (SQLite's ILIKE folds ASCII only); the
 * client narrows the answer to literal, case-insensitive substring matches. Empty text: no filter.
 */
export function nameContainsFilter<T extends { name: string }>(text: string): FilterPlan<T> {
  if (text === '') return { filter: '', matches: () => true, exact: true };
  let pattern = '';
  for (const ch of text) pattern += ch.charCodeAt(0) > 0x7f && ch.toLowerCase() !== ch.toUpperCase() ? '_' : ch;
  const needle = foldCase(text);
  return {
    filter: `name ILIKE ${quoteLikePattern(`%${pattern}%`)}`,
    matches: (item) => foldCase(item.name).includes(needle),
    exact: false,
  };
}

/**
 * Items carrying tag `key`, with exactly `value` when one is given. Without a value the
 * filter is `LIKE '%'` (model search has no IS NOT NULL for tags).
 */
export function tagFilter<T extends { tags: Tag[] }>(key: string, value?: string): FilterPlan<T> {
  const ident = tagIdentifier(key);
  if (value === undefined) {
    return { filter: `${ident} LIKE '%'`, matches: (item) => item.tags.some((t) => t.key === key), exact: false };
  }
  const q = quoteValue(value);
  return {
    filter: q.exact ? `${ident} = ${q.text}` : `${ident} LIKE ${q.text}`,
    matches: (item) => item.tags.some((t) => t.key === key && t.value === value),
    exact: q.exact,
  };
}

/** All conditions at once (MLflow filters only know AND). */
export function allOf<T>(...plans: FilterPlan<T>[]): FilterPlan<T> {
  const parts = plans.map((p) => p.filter).filter((f) => f !== '');
  return {
    filter: parts.join(' AND '),
    matches: (item) => plans.every((p) => p.matches(item)),
    exact: plans.every((p) => p.exact),
  };
}

export interface ModelQuery {
  /** Case-insensitive, literal substring of the name. */
  nameContains?: string;
  /** Tags the model must carry; `undefined` as a value means "any value". */
  tags?: Record<string, string | undefined>;
}

export interface ModelSearchOptions extends CallOptions {
  /** Rows per request (the server's page, before client-side narrowing). Default 100. */
  pageSize?: number;
  /** Default `['name ASC']`. */
  orderBy?: string[];
}

export function modelQueryFilter(query: ModelQuery): FilterPlan<RegisteredModel> {
  const plans: FilterPlan<RegisteredModel>[] = [];
  if (query.nameContains) plans.push(nameContainsFilter(query.nameContains));
  for (const [key, value] of Object.entries(query.tags ?? {})) plans.push(tagFilter(key, value));
  return allOf(...plans);
}

/** Models matching `query` exactly, fetched page by page as the caller iterates. */
export async function* searchModels(
  client: RegistryClient,
  query: ModelQuery,
  options: ModelSearchOptions = {},
): AsyncGenerator<RegisteredModel, void, undefined> {
  const plan = modelQueryFilter(query);
  for await (const model of client.models.search({
    filter: plan.filter,
    pageSize: options.pageSize,
    orderBy: options.orderBy ?? ['name ASC'],
    signal: options.signal,
  })) {
    if (plan.matches(model)) yield model;
  }
}

/** Models whose name contains `text` (any case; `%`, `_`, quotes taken literally). */
export function searchModelsByText(
  client: RegistryClient,
  text: string,
  options: ModelSearchOptions = {},
): AsyncGenerator<RegisteredModel, void, undefined> {
  return searchModels(client, { nameContains: text }, options);
}

/** Models tagged `key` (with exactly `value`, when given). */
export function searchModelsByTag(
  client: RegistryClient,
  key: string,
  value?: string,
  options: ModelSearchOptions = {},
): AsyncGenerator<RegisteredModel, void, undefined> {
  return searchModels(client, { tags: { [key]: value } }, options);
}

/**
 * The model named exactly `name`, or undefined. Found through search, not `get`: no 404 to
 * catch, and it also finds models whose names a recent server would refuse to `get` (`/`, `:`).
 * A LIKE answer may hold several candidates (other case, wildcards): pages are read until the
 * exact one turns up.
 */
export async function findModelByName(
  client: RegistryClient,
  name: string,
  options: ModelSearchOptions = {},
): Promise<RegisteredModel | undefined> {
  const plan = nameEqualsFilter<RegisteredModel>(name);
  for await (const model of client.models.search({
    filter: plan.filter,
    pageSize: options.pageSize ?? (plan.exact ? 10 : 100),
    orderBy: options.orderBy,
    signal: options.signal,
  })) {
    if (plan.matches(model)) return model;
  }
  return undefined;
}

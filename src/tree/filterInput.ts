/**
 * What the user typed into "Filter Models": a name substring, `tag=value`, or a raw MLflow
 * filter. Pure: parsed and turned into a filter plan (server filter + exact client check).
 */
import { type FilterPlan, modelQueryFilter } from '../registry/filters';
import type { RegisteredModel } from '../registry/types';

export type ModelFilter = { kind: 'name'; text: string } | { kind: 'tag'; key: string; value: string } | { kind: 'raw'; filter: string };

const RAW = /^\s*(name|tags\.|`?tags`?\.)\S*\s*(=|!=|LIKE|ILIKE|<|>)|\s(AND|LIKE|ILIKE)\s/i;

export function parseFilterInput(input: string): ModelFilter | undefined {
  const text = input.trim();
  if (!text) return undefined;
  if (RAW.test(text)) return { kind: 'raw', filter: text };
  const tag = /^([^=\s][^=]*?)\s*=\s*(.*)$/.exec(text);
  if (tag) return { kind: 'tag', key: tag[1].trim(), value: tag[2].trim() };
  return { kind: 'name', text };
}

export function filterPlan(filter: ModelFilter): FilterPlan<RegisteredModel> {
  switch (filter.kind) {
    case 'name':
      return modelQueryFilter({ nameContains: filter.text });
    case 'tag':
      return modelQueryFilter({ tags: { [filter.key]: filter.value } });
    case 'raw':
      return { filter: filter.filter, matches: () => true, exact: true };
  }
}

export function describeFilter(filter: ModelFilter): string {
  switch (filter.kind) {
    case 'name':
      return `"${filter.text}"`;
    case 'tag':
      return `${filter.key}=${filter.value}`;
    case 'raw':
      return filter.filter;
  }
}

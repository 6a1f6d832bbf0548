/**
 * Where a description lives in the registry's file system, as a URI path (no `vscode` here, so
 * plain-Node tests check it). VS Code names an editor tab after the path's last segment, so that
 * segment reads "power-forecasting-model v2 — description.md"; the folders before it say which
 * model and version it is, so the file name never has to be parsed:
 *
 *   /<model>/<model> — description.md               the model's description
 *   /<model>/<version>/<model> v<version> — description.md   a version's description
 *
 * A model name may hold any character: "%", "/", "\" and control characters are written as
 * %XX in a segment (and "." or ".." entirely), everything else as it is. Exactly one path names
 * each description: a path in any other spelling is not one.
 */
import type { Subject } from '../lifecycle/actions';

/** The URI scheme of registry descriptions. */
export const DESCRIPTION_SCHEME = 'mlflow-description';

const SUFFIX = ' — description.md';

function mustEscape(c: string): boolean {
  const code = c.charCodeAt(0);
  return c === '%' || c === '/' || c === '\\' || code < 0x20 || code === 0x7f;
}

const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** A name as one path segment: nothing in it separates segments, and "." and ".." stay names. */
export function encodeSegment(name: string): string {
  if (name === '.' || name === '..') return name.replace(/\./g, '%2E');
  return [...name].map((c) => (mustEscape(c) ? hex(c) : c)).join('');
}

/** The name a segment spells, or undefined when it is not the one spelling encodeSegment writes. */
export function decodeSegment(segment: string): string | undefined {
  const name = segment.replace(/%([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return name !== '' && encodeSegment(name) === segment ? name : undefined;
}

/** The file name an editor tab shows: "<model> — description.md" or "<model> v<version> — description.md". */
export function descriptionFileName(subject: Subject): string {
  const model = encodeSegment(subject.model);
  return subject.version === undefined ? `${model}${SUFFIX}` : `${model} v${subject.version}${SUFFIX}`;
}

export function descriptionPath(subject: Subject): string {
  const folder = `/${encodeSegment(subject.model)}`;
  return subject.version === undefined
    ? `${folder}/${descriptionFileName(subject)}`
    : `${folder}/${subject.version}/${descriptionFileName(subject)}`;
}

/** What a path names: a description, a folder on the way to one (holding it), or nothing (undefined). */
export type DescriptionPath = { kind: 'file'; subject: Subject } | { kind: 'folder'; holds?: Subject };

const isVersion = (s: string) => /^[1-9][0-9]*$/.test(s);

export function parseDescriptionPath(path: string): DescriptionPath | undefined {
  if (path === '/') return { kind: 'folder' };
  if (!path.startsWith('/')) return undefined;
  const segments = path.slice(1).split('/');
  if (segments.length > 3) return undefined;
  const model = decodeSegment(segments[0]);
  if (model === undefined) return undefined;
  if (segments.length === 1) return { kind: 'folder', holds: { model } };
  const second = segments[1];
  if (segments.length === 2) {
    if (second === descriptionFileName({ model })) return { kind: 'file', subject: { model } };
    return isVersion(second) ? { kind: 'folder', holds: { model, version: second } } : undefined;
  }
  const third = segments[2];
  const subject = { model, version: second };
  return isVersion(second) && third === descriptionFileName(subject) ? { kind: 'file', subject } : undefined;
}

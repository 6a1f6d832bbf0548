/**
 * `models:/` URIs, read the way MLflow reads them (`mlflow/store/artifact/utils/models.py`,
 * `_parse_model_uri`, on top of Python's `urllib.parse.urlparse(uri, allow_fragments=False)`):
 *
 * | URI                                  | kind          |
 * |--------------------------------------|---------------|
 * | `models:/name/3`                     | `version`     |
 * | `models:/name/production` (any case) | `stage`       |
 * | `models:/name/latest` (any case)     | `latest`      |
 * | `models:/name@champion`              | `alias`       |
 * | `models:/m-abc123` (no `/`, no `@`)  | `loggedModel` |
 *
 * Details that follow MLflow: the scheme is case-insensitive (`MODELS:/x/1`); leading spaces
 * and control characters are dropped; any number of slashes may follow `models:`; nothing is
 * percent-decoded (`my%20model` is that literal name); `#` is part of the name; everything from
 * the first `?` on is ignored (reported as `ignoredQuery`); with two parts the first is the
 * name even when it holds `@` (`models:/a@b/1` is version 1 of `a@b`); with one part the alias
 * follows the last `@`; `models:/name@latest` is an alias the server resolves like `/latest`.
 *
 * Where MLflow would accept the text and only fail at the server (a suffix that is no stage, an
 * empty name before `@`), or would silently read something else (a tab or line break, which
 * Python drops; `models://host/...`, whose host part Python ignores), this parser reports a
 * problem instead. A version is ASCII digits (Python's `isdigit` also takes other scripts'
 * digits). Offsets are UTF-16 indexes into the text given, `end` exclusive, as editors count.
 */
import { RegistryError, type RegistryErrorInit } from './errors';
import { formatMessage, type MessageId, type MessageParams } from './errorMessages';
import { STAGES, type Stage } from './types';
import { canonicalStage } from './validate';

/** A range of the parsed text: UTF-16 offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

interface Common {
  /** Everything from `?` on, which MLflow drops. */
  ignoredQuery?: Span;
}

export interface VersionUri extends Common {
  kind: 'version';
  name: string;
  /** As written (MLflow keeps `007`; the server reads it as 7). */
  version: string;
  nameSpan: Span;
  suffixSpan: Span;
}

export interface StageUri extends Common {
  kind: 'stage';
  name: string;
  stage: Stage;
  /** The stage as written (`production`). */
  written: string;
  nameSpan: Span;
  suffixSpan: Span;
}

export interface LatestUri extends Common {
  kind: 'latest';
  name: string;
  nameSpan: Span;
  suffixSpan: Span;
}

export interface AliasUri extends Common {
  kind: 'alias';
  name: string;
  alias: string;
  nameSpan: Span;
  aliasSpan: Span;
}

/** MLflow 3's `models:/<model_id>`: a logged model, not a registered one; not resolved here. */
export interface LoggedModelUri extends Common {
  kind: 'loggedModel';
  modelId: string;
  idSpan: Span;
}

export type ParsedModelUri = VersionUri | StageUri | LatestUri | AliasUri | LoggedModelUri;

/** What is wrong with a URI, where, and the message id a UI localises. */
export interface ModelUriProblem extends Span {
  messageId: MessageId;
  params: MessageParams;
  /** The English fallback. */
  message: string;
}

export type ModelUriParseResult = { ok: true; uri: ParsedModelUri } | { ok: false; problem: ModelUriProblem };

/** A URI that could not be parsed or written, as a registry client error with its range. */
export class ModelUriError extends RegistryError {
  readonly start: number;
  readonly end: number;
  constructor(init: RegistryErrorInit & Span) {
    super(init);
    this.name = 'ModelUriError';
    this.start = init.start;
    this.end = init.end;
  }
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+.-]*$/;

function problem(messageId: MessageId, params: MessageParams, start: number, end: number): ModelUriParseResult {
  return { ok: false, problem: { messageId, params, start, end, message: formatMessage(messageId, params) } };
}

/** True when the text has the `models` scheme (any case), as MLflow's `is_models_uri`. */
export function isModelsUri(text: string): boolean {
  const colon = text.indexOf(':');
  // As MLflow's urllib does: leading C0 control characters and spaces are stripped before the scheme.
  // eslint-disable-next-line no-control-regex
  const scheme = text.slice(0, colon).replace(/^[\x00-\x20]+/, '');
  return colon > 0 && SCHEME_CHARS.test(scheme) && scheme.toLowerCase() === 'models';
}

export function parseModelUri(text: string): ModelUriParseResult {
  // Python's urlsplit: leading C0 controls and spaces go; tabs and line breaks vanish anywhere.
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 0x20) i++;
  const ctl = text.slice(i).search(/[\t\r\n]/);
  if (ctl >= 0) return problem('modelUri.controlCharacter', { offset: i + ctl }, i + ctl, i + ctl + 1);

  const colon = text.indexOf(':', i);
  const scheme = colon > i ? text.slice(i, colon) : '';
  if (!SCHEME_CHARS.test(scheme) || scheme.toLowerCase() !== 'models') {
    return problem('modelUri.notModelsUri', { uri: text.slice(i) }, i, colon > i ? colon + 1 : text.length);
  }
  let p = colon + 1;
  if (text.startsWith('//', p)) {
    let end = text.length;
    for (const c of '/?#') {
      const at = text.indexOf(c, p + 2);
      if (at >= 0) end = Math.min(end, at);
    }
    if (end > p + 2) return problem('modelUri.otherRegistry', { authority: text.slice(p + 2, end) }, p, end);
    p = end;
  }
  const q = text.indexOf('?', p);
  const pathEnd = q >= 0 ? q : text.length;
  const ignoredQuery = q >= 0 ? { start: q, end: text.length } : undefined;
  const common: Common = ignoredQuery ? { ignoredQuery } : {};

  if (text[p] !== '/' || pathEnd - p <= 1) return problem('modelUri.missingName', {}, i, Math.max(pathEnd, p));
  let s = p;
  while (s < pathEnd && text[s] === '/') s++;
  const parts = text.slice(s, pathEnd).split('/');
  if (parts.length > 2) {
    const extraAt = s + parts[0].length + 1 + parts[1].length;
    return problem('modelUri.tooManyParts', { extra: text.slice(extraAt, pathEnd) }, extraAt, pathEnd);
  }
  const first = parts[0];
  if (first.trim() === '') return problem('modelUri.missingName', {}, first === '' ? i : s, first === '' ? pathEnd : s + first.length);

  if (parts.length === 2) {
    const name = first;
    const suffix = parts[1];
    const nameSpan = { start: s, end: s + name.length };
    const suffixSpan = { start: nameSpan.end + 1, end: pathEnd };
    if (suffix.trim() === '') {
      // An empty suffix underlines the dangling `/`; a blank one, the blanks.
      return suffix === ''
        ? problem('modelUri.missingSuffix', { name }, nameSpan.end, nameSpan.end + 1)
        : problem('modelUri.missingSuffix', { name }, suffixSpan.start, suffixSpan.end);
    }
    if (/^[0-9]+$/.test(suffix)) return { ok: true, uri: { kind: 'version', name, version: suffix, nameSpan, suffixSpan, ...common } };
    if (suffix.toLowerCase() === 'latest') return { ok: true, uri: { kind: 'latest', name, nameSpan, suffixSpan, ...common } };
    const stage = STAGES.find((st) => st.toLowerCase() === suffix.toLowerCase());
    if (stage) return { ok: true, uri: { kind: 'stage', name, stage, written: suffix, nameSpan, suffixSpan, ...common } };
    return problem('modelUri.unknownSuffix', { suffix }, suffixSpan.start, suffixSpan.end);
  }

  const at = first.lastIndexOf('@');
  if (at >= 0) {
    const name = first.slice(0, at);
    const alias = first.slice(at + 1);
    if (alias.trim() === '') return problem('modelUri.missingAlias', { name }, s + at, s + first.length);
    if (name.trim() === '') return problem('modelUri.missingName', {}, s, s + at + 1);
    return {
      ok: true,
      uri: {
        kind: 'alias',
        name,
        alias,
        nameSpan: { start: s, end: s + at },
        aliasSpan: { start: s + at + 1, end: s + first.length },
        ...common,
      },
    };
  }
  return { ok: true, uri: { kind: 'loggedModel', modelId: first, idSpan: { start: s, end: s + first.length }, ...common } };
}

/** The parsed URI, or a ModelUriError (kind `client`) carrying the message id and range. */
export function requireModelUri(text: string): ParsedModelUri {
  const r = parseModelUri(text);
  if (r.ok) return r.uri;
  const { messageId, params, start, end } = r.problem;
  throw new ModelUriError({ kind: 'client', messageId, params, start, end });
}

export type ModelUriParts =
  | { kind: 'version'; name: string; version: string | number }
  | { kind: 'stage'; name: string; stage: Stage | string }
  | { kind: 'latest'; name: string }
  | { kind: 'alias'; name: string; alias: string }
  | { kind: 'loggedModel'; modelId: string };

function refuse(messageId: MessageId, params: MessageParams): never {
  throw new ModelUriError({ kind: 'client', messageId, params, start: 0, end: 0 });
}

/** The character that keeps `text` out of a URI part, described for a sentence, or undefined. */
function unwritableChar(text: string, extra: string): string | undefined {
  if (/[\t\r\n]/.test(text)) return 'a tab or line break';
  for (const c of `/?${extra}`) if (text.includes(c)) return `"${c}"`;
  return undefined;
}

function checkName(name: string, extra = ''): void {
  if (name.trim() === '') refuse('modelUri.missingName', {});
  const bad = unwritableChar(name, extra);
  if (bad) refuse('modelUri.nameNotWritable', { name, char: bad });
}

/**
 * The URI for a version, stage, `latest`, alias or logged model, written so that MLflow reads
 * it back as the same thing. Refused (ModelUriError): a name with `/` (no URI can hold it), `?`
 * (MLflow drops what follows) or a tab or line break; an empty name or alias; an alias with
 * `/`, `@` or `?`; a version that is not a number; a stage that is none of the four.
 */
export function formatModelUri(parts: ModelUriParts): string {
  switch (parts.kind) {
    case 'version': {
      checkName(parts.name);
      const version = String(parts.version);
      if (!/^[0-9]+$/.test(version)) refuse('modelUri.versionNotNumber', { version });
      return `models:/${parts.name}/${version}`;
    }
    case 'stage':
      checkName(parts.name);
      return `models:/${parts.name}/${canonicalStage(parts.stage)}`;
    case 'latest':
      checkName(parts.name);
      return `models:/${parts.name}/latest`;
    case 'alias': {
      checkName(parts.name);
      if (parts.alias.trim() === '' || unwritableChar(parts.alias, '@')) refuse('modelUri.aliasNotWritable', { alias: parts.alias });
      return `models:/${parts.name}@${parts.alias}`;
    }
    case 'loggedModel':
      // With `@` it would read as an alias; the id is the whole path.
      checkName(parts.modelId, '@');
      return `models:/${parts.modelId}`;
  }
}

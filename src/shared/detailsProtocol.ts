/**
 * What the details panel's host (src/details/) and its webview (src/webview/details/) say to
 * each other, one typed union per direction. No imports: the webview bundle must never pull in
 * registry or VS Code code through this file.
 *
 * Handshake: the webview posts `ready` once its script runs; the host answers `init` (the l10n
 * bundle); the webview then asks `load` with a request id, and the host answers `loaded` or
 * `failed` with the same id (an answer to an older id is dropped). The host may post `refresh`
 * (the registry connection changed), upon which the webview asks `load` again.
 *
 * Everything in a DetailsView is data: the webview writes it with textContent, except the
 * description's Markdown, which it renders with raw HTML off and then sanitizes.
 */

/** What a panel shows: a registered model, or one version of it. */
export type DetailsTarget = { kind: 'model'; name: string } | { kind: 'version'; name: string; version: string };

/** Where a click in the panel leads; the host decides what may be opened. */
export type LinkTarget =
  /** A link in a description: opened only when descriptionLinks.ts allows it (http(s), a plain mailto). */
  | { kind: 'url'; href: string }
  /** The MLflow web UI's page of a run (the host knows the tracking URI). */
  | { kind: 'run'; experimentId: string; runId: string }
  /** Another details panel (a model's version table links to each version). */
  | { kind: 'details'; target: DetailsTarget };

/** A piece of text in a fact or a table cell. */
export interface Inline {
  text: string;
  /** `chip`: an alias or tag; `code`: a name, URI or value shown monospaced; `muted`: secondary. */
  style?: 'chip' | 'code' | 'muted' | 'stage';
  /** With `stage`: which one, for its colour (Production, Staging, None, Archived). */
  stage?: string;
  link?: LinkTarget;
  /** A hover text (a full timestamp, a full value). */
  title?: string;
}

export interface Fact {
  label: string;
  /** Empty: the fact shows `emptyText` of the view. */
  value: Inline[];
}

export interface Column {
  label: string;
  align?: 'start' | 'end';
  /** Long text (descriptions, parameter values) wraps; other columns keep to one line. */
  wrap?: boolean;
}

export type Block =
  | { kind: 'table'; caption?: string; columns: Column[]; rows: Inline[][][]; emptyText: string; id?: string }
  | { kind: 'message'; tone: 'info' | 'error'; text: string };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface DetailsView {
  target: DetailsTarget;
  /** "power-forecasting-model v2". */
  title: string;
  /** Under the title: "Registered model", or "Model version". */
  kindLabel: string;
  badges: Inline[];
  facts: Fact[];
  /** Shown for a fact without a value. */
  emptyText: string;
  description: { title: string; markdown: string; emptyText: string };
  sections: Section[];
}

export type HostToWebview =
  /** The answer to `ready`: the l10n bundle of the editor's language (none for English). */
  | { type: 'init'; l10nBundle?: Record<string, string> }
  | { type: 'loaded'; requestId: number; view: DetailsView }
  /** `message` is one sentence in the user's language. */
  | { type: 'failed'; requestId: number; message: string }
  /** Something changed on the host (the connection): ask `load` again. */
  | { type: 'refresh' };

export type WebviewToHost =
  | { type: 'ready' }
  /** `fresh`: fetch again rather than answer from the host's copy (Retry, refresh). */
  | { type: 'load'; requestId: number; fresh: boolean }
  | { type: 'open'; link: LinkTarget };

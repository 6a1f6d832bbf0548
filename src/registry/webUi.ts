/**
 * Pages of the MLflow web UI (open-source layout) for a model, a version or a run. Names are
 * URL-encoded: a name with spaces, `#` or `?` still opens its own page. Pure.
 */
export type WebUiTarget =
  | { kind: 'model'; name: string }
  | { kind: 'version'; name: string; version: string }
  | { kind: 'run'; experimentId: string; runId: string };

export function webUiUrl(base: string, target: WebUiTarget): string {
  const root = base.replace(/\/+$/, '');
  switch (target.kind) {
    case 'model':
      return `${root}/#/models/${encodeURIComponent(target.name)}`;
    case 'version':
      return `${root}/#/models/${encodeURIComponent(target.name)}/versions/${encodeURIComponent(target.version)}`;
    case 'run':
      return `${root}/#/experiments/${encodeURIComponent(target.experimentId)}/runs/${encodeURIComponent(target.runId)}`;
  }
}

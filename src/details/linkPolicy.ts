/** Which links the details panel may open, and where a run's page is. Pure. */
import { webUiUrl } from '../registry/webUi';
import { descriptionLinkUrl, httpUrl } from '../shared/descriptionLinks';

/**
 * The URL to open for a link clicked in a description, or undefined when it is not one the
 * webview renders as a link: an absolute http(s) URL, or a `mailto:` with one address and at most
 * a subject and a body (no `command:`, `file:`, `vscode:`, `javascript:`, relative links, or
 * mailto headers such as `cc` or `attach`). The webview renders links by the same rule
 * (src/shared/descriptionLinks.ts), so what shows as a link opens, and nothing else does.
 */
export function descriptionLink(href: unknown): string | undefined {
  return descriptionLinkUrl(href);
}

/** An absolute http(s) URL with a host (a tracking URI the web UI can be under), or undefined. */
export function externalHttpUrl(href: unknown): string | undefined {
  return httpUrl(href);
}

/**
 * The MLflow web UI's page of a run (open-source layout): `<tracking-uri>/#/experiments/<id>/runs/<id>`,
 * ids URL-encoded. The base must be http(s).
 */
export function runPageUrl(trackingBase: string, experimentId: string, runId: string): string | undefined {
  const base = externalHttpUrl(trackingBase);
  if (!base) return undefined;
  return webUiUrl(trackingBase.trim(), { kind: 'run', experimentId, runId });
}

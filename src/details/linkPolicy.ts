/** Which links the details panel may open, and where a run's page is. Pure. */
import { webUiUrl } from '../registry/webUi';

/**
 * The URL to open for a link clicked in a description, or undefined unless it is an absolute
 * http(s) URL (no `command:`, `file:`, `vscode:`, `javascript:` or relative links).
 */
export function externalHttpUrl(href: unknown): string | undefined {
  if (typeof href !== 'string' || href.length > 8192) return undefined;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  return url.toString();
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

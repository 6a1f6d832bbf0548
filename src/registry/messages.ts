/**
 * Message ids the registry layer returns instead of sentences. The UI turns an id and its
 * parameters into a sentence in the user's language (vscode.l10n.t / @vscode/l10n); the
 * English templates here are the fallback for plain Node (tests, scripts, logs).
 */
export const messages = {
  'error.notFound': 'Not found in the registry at {host}: {detail}',
  'error.alreadyExists': 'Already exists in the registry at {host}: {detail}',
  'error.invalidParameter': 'The registry at {host} refused the request: {detail}',
  'error.unauthenticated':
    'The registry at {host} needs valid credentials (HTTP 401). Sign in again or check the token or password.',
  'error.permissionDenied':
    'Permission denied by the registry at {host} (HTTP 403): your account may read but not change this. {detail}',
  'error.endpointNotFound':
    '{host} does not offer {path} (HTTP 404): it may be an older MLflow, or the URI may not point at an MLflow server.',
  'error.rateLimited': 'The registry at {host} is rate-limiting requests (HTTP 429). Try again in a moment.',
  'error.rateLimitedRetryAfter':
    'The registry at {host} is rate-limiting requests (HTTP 429) and asks to wait {seconds} s before trying again.',
  'error.unavailable': 'The registry at {host} is temporarily unavailable (HTTP {status}). Try again in a moment.',
  'error.serverError': 'The registry at {host} failed with an internal error (HTTP {status}): {detail}',
  'error.http': 'The registry at {host} answered {path} with HTTP {status}: {detail}',
  'error.notMlflowResponse':
    '{host} answered {path} with {contentType} (HTTP {status}) instead of MLflow JSON. Check the tracking URI: a proxy, gateway or sign-in page may be in the way.',
  'error.invalidJson':
    'The answer from {host} to {path} was cut off or is not valid JSON (HTTP {status}). Try again; if it persists, check any proxy in front of MLflow.',
  'error.connectionRefused': 'Could not connect to {host}: nothing is listening there. Is the MLflow server running?',
  'error.hostNotFound': 'Could not find the host {host}. Check the tracking URI.',
  'error.connectionReset': 'The connection to {host} was closed before the answer arrived. Try again.',
  'error.tls': 'Could not make a secure connection to {host}: {detail}',
  'error.network': 'Could not reach {host}: {detail}',
  'error.timeout': '{host} did not answer {path} within {seconds} s.',
  'error.cancelled': 'The request to {host} was cancelled.',
  'error.invalidUri': 'The registry URI {uri} is not a valid http or https URL.',
  'error.artifactsNotProxied':
    'The model files of {model} version {version} are at {location}, which the registry server does not serve. Start the server with artifact proxying (--artifacts-destination) to read them here.',
  'error.mlmodelInvalid': 'The MLmodel file of {model} version {version} could not be read: {detail}',
  'error.descriptionTooLong':
    'The description has {length} characters; MLflow keeps at most {max}. Shorten it and save again.',
  'error.archiveNeedsActiveStage':
    'Archiving the versions already in a stage only applies when moving to Staging or Production, not {stage}.',
  'error.invalidStage': '{stage} is not a stage. Use None, Staging, Production or Archived.',
  'error.pagingLoop': 'The registry at {host} returned the same page token twice; paging stopped.',
} as const;

export type MessageId = keyof typeof messages;
export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing parameter shows. */
export function formatMessage(id: MessageId, params: MessageParams = {}): string {
  return messages[id].replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

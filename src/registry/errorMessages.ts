/**
 * Message ids the registry layer returns instead of sentences. The UI turns an id and its
 * parameters into a sentence in the user's language (vscode.l10n.t / @vscode/l10n); the
 * English templates here are the fallback for plain Node (tests, scripts, logs).
 */
export const messages = {
  'error.notFound': 'Not found in the registry at {host}: {detail}',
  'error.alreadyExists': 'Already exists in the registry at {host}: {detail}',
  'error.invalidParameter': 'The registry at {host} refused the request: {detail}',
  'error.unauthenticated': 'The registry at {host} needs valid credentials (HTTP 401). Sign in again or check the token or password.',
  'error.permissionDenied': 'Permission denied by the registry at {host} (HTTP 403): your account may read but not change this. {detail}',
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
  'error.tlsUntrusted':
    'The certificate of {host} is not trusted ({detail}). If the server uses a private certificate authority, set MLFLOW_TRACKING_SERVER_CERT_PATH to its CA bundle, or MLFLOW_TRACKING_INSECURE_TLS=true to skip the check knowingly.',
  'error.network': 'Could not reach {host}: {detail}',
  'error.timeout': '{host} did not answer {path} within {seconds} s.',
  'error.cancelled': 'The request to {host} was cancelled.',
  'error.invalidUri': 'The registry URI {uri} is not a valid http or https URL.',
  'error.artifactsNotProxied':
    'The model files of {model} version {version} are at {location}, which the registry server does not serve. Start the server with artifact proxying (--artifacts-destination) to read them here.',
  'error.mlmodelInvalid': 'The MLmodel file of {model} version {version} could not be read: {detail}',
  'error.descriptionTooLong': 'The description has {length} characters; MLflow keeps at most {max}. Shorten it and save again.',
  'error.archiveNeedsActiveStage':
    'Archiving the versions already in a stage only applies when moving to Staging or Production, not {stage}.',
  'error.nameTaken': 'A registered model named "{name}" already exists. Choose another name.',
  'input.aliasEmpty': 'An alias cannot be empty.',
  'input.aliasChars': 'The alias "{alias}" can hold only letters, digits, "_" and "-".',
  'input.aliasTooLong': 'An alias can be at most {max} characters long; this one has {length}.',
  'input.aliasLatest': '"{alias}" is reserved: MLflow uses "latest" for the newest version.',
  'input.aliasVersion': '"{alias}" is reserved: MLflow reads "v" followed by digits as a version number.',
  'input.tagKeyEmpty': 'A tag key cannot be empty.',
  'input.tagKeyChars': 'The tag key "{key}" can hold only letters, digits, spaces and _ - . / :',
  'input.tagKeyTooLong': 'A tag key can be at most {max} characters long; this one has {length}.',
  'input.tagKeyPath': 'The tag key "{key}" must read as a plain path: no leading "/", no "..", no "./", no "//" and no trailing "/".',
  'input.tagValueTooLong': 'A tag value can be at most {max} characters long; this one has {length}.',
  'error.invalidStage': '{stage} is not a stage. Use None, Staging, Production or Archived.',
  'error.pagingLoop': 'The registry at {host} returned the same page token twice; paging stopped.',
  'error.modelNameRefused': 'The registry at {host} does not accept "{name}" as a model name: {reason}.',
  'error.tagKeyNotFilterable': 'The tag key "{key}" contains a backtick, which an MLflow search filter cannot express.',
  'error.noVersionInStage': '"{name}" has no version in {stage}.',
  'error.noVersions': '"{name}" has no versions.',
  'error.aliasNotFound': '"{name}" has no alias @{alias}.',
  'modelUri.notModelsUri': '"{uri}" is not a models:/ URI: it must start with models:/.',
  'modelUri.otherRegistry':
    'This URI names the registry "{authority}"; only URIs of the connected registry (models:/<name>/...) can be read here.',
  'modelUri.missingName':
    'The URI names no model: write models:/<name>/<version>, models:/<name>/<stage>, models:/<name>/latest or models:/<name>@<alias>.',
  'modelUri.missingSuffix':
    'Nothing follows the / after "{name}": add a version number, a stage (None, Staging, Production or Archived) or latest.',
  'modelUri.tooManyParts':
    'A models:/ URI has only one / after the model name, so "{extra}" is one part too many (a model name containing / cannot be written in a models:/ URI).',
  'modelUri.missingAlias': 'Nothing follows the @ after "{name}": add an alias, as in models:/{name}@champion.',
  'modelUri.unknownSuffix': '"{suffix}" is not a version number, a stage (None, Staging, Production or Archived) or latest.',
  'modelUri.controlCharacter': 'The URI contains a tab or line break at position {offset}, which MLflow would silently drop: remove it.',
  'modelUri.nameNotWritable':
    'The model name "{name}" cannot be written in a models:/ URI because it contains {char}: address its versions by name and number instead.',
  'modelUri.aliasNotWritable': '"{alias}" cannot be written as an alias in a models:/ URI.',
  'modelUri.versionNotNumber': '"{version}" is not a version number.',
} as const;

export type MessageId = keyof typeof messages;
export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing parameter shows. */
export function formatMessage(id: MessageId, params: MessageParams = {}): string {
  return messages[id].replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

/**
 * Message ids the connection layer returns instead of sentences (as `registry/errorMessages.ts`
 * does): the UI translates an id and its parameters; these English templates are the fallback.
 */
export const connectionMessages = {
  'connection.unconfigured': 'No MLflow tracking URI is set. Set mlflowRegistry.trackingUri or MLFLOW_TRACKING_URI, or run Connect.',
  'connection.unityCatalogNotServed':
    'The registry {uri} is a Unity Catalog registry, which this extension does not serve yet. Set mlflowRegistry.registryUri to "databricks" to use the workspace registry.',
  'connection.localStore': '{uri} is a local store, not an MLflow server. Start `mlflow server` and use its http:// address.',
  'connection.invalidUri': '{uri} is not a valid http(s) or databricks URI.',
  'connection.databricksProfileMissing': 'The Databricks profile {profile} is not in {file}.',
  'connection.databricksNoHost': 'No host for the Databricks profile {profile}: set DATABRICKS_HOST or add `host` to {file}.',
  'connection.databricksNoToken':
    'No token for the Databricks workspace {host}: run Connect, set DATABRICKS_TOKEN or add `token` to the profile.',
  'connection.fileUnreadable': 'Could not read {path}: {detail}',
  'connection.fileMissing': 'The file {path} (from {source}) does not exist.',
  'connection.secretsUnavailable': 'Stored credentials could not be read: {detail}',
  'connection.clientCertNoKey': 'The client certificate file {path} must hold both the certificate and its private key (PEM).',
  'connection.invalidProxy': 'The proxy {proxy} (from {source}) is not a valid URL.',
} as const;

export type ConnectionMessageId = keyof typeof connectionMessages;

export interface ConnectionMessage {
  messageId: ConnectionMessageId;
  params: Record<string, string>;
}

export function formatConnectionMessage(message: ConnectionMessage): string {
  return connectionMessages[message.messageId].replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(message.params, key) ? message.params[key] : whole,
  );
}

/** Thrown when building the dispatcher fails (a CA or client certificate file). */
export class ConnectionError extends Error {
  readonly messageId: ConnectionMessageId;
  readonly params: Record<string, string>;

  constructor(message: ConnectionMessage, options?: { cause?: unknown }) {
    super(formatConnectionMessage(message), options);
    this.name = 'ConnectionError';
    this.messageId = message.messageId;
    this.params = message.params;
  }
}

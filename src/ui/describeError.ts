import * as vscode from 'vscode';
import { isRegistryError } from '../registry/errors';
import { messages } from '../registry/errorMessages';

/** A registry error as one sentence in the user's language (message id + parameters). */
export function describeError(e: unknown): string {
  if (isRegistryError(e)) return vscode.l10n.t(messages[e.messageId], e.params);
  return e instanceof Error ? e.message : String(e);
}

import * as vscode from 'vscode';
import { isRegistryError } from '../registry/errors';
import type { Logger } from '../logging/logger';
import type { ConnectionService } from '../services/connectionService';
import type { CredentialStore } from '../services/secretStore';
import { askForCredentials } from './askCredentials';

/**
 * A 401 from the registry asks once for a token or a user and password (kept in SecretStorage
 * for that registry URL), then reconnects. A 403 is not a credentials problem: it never asks.
 */
export class SignIn implements vscode.Disposable {
  private asking = false;
  private readonly declined = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly connections: ConnectionService,
    private readonly credentials: CredentialStore,
    private readonly log: Logger,
    /** Failures of requests the user is waiting for (the Models view's listing). */
    failures: vscode.Event<unknown>[] = [],
  ) {
    this.subscriptions = failures.map((event) => event((error) => void this.onError(error)));
  }

  /** Asks for credentials when a failure was a 401 (once per registry until Retry). */
  async onError(error: unknown): Promise<void> {
    const url = this.connections.connection?.url;
    if (!url || this.asking || this.declined.has(url)) return;
    if (!isRegistryError(error) || !error.isUnauthenticated || error.status === 403) return;
    this.asking = true;
    try {
      const credential = await askForCredentials(this.credentials, url);
      if (!credential) {
        this.declined.add(url); // no prompt loop: Retry asks again
        return;
      }
      this.log.info(`Credentials for ${url} stored in secret storage (${credential.kind}).`);
      await this.connections.reconnect();
    } finally {
      this.asking = false;
    }
  }

  /** Retry means "ask me again" for a registry whose prompt was dismissed. */
  allowAskingAgain(): void {
    const url = this.connections.connection?.url;
    if (url) this.declined.delete(url);
  }

  async forget(): Promise<void> {
    const url = this.connections.connection?.url;
    const had = url ? await this.credentials.delete(url) : false;
    this.allowAskingAgain();
    void vscode.window.showInformationMessage(
      had
        ? vscode.l10n.t('Forgot the stored credentials for {0}.', url ?? '')
        : vscode.l10n.t('No credentials were stored for {0}.', url ?? vscode.l10n.t('this registry')),
    );
    await this.connections.reconnect();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

// Job: the SecretStorage adapter: credentials kept per registry URL, read without ever logging their text.
import type * as vscode from 'vscode';
import { parseStoredCredential, serializeStoredCredential, type SecretSource, type StoredCredential } from '../connection';
import type { Logger } from '../logging/logger';

/** Where credentials live in SecretStorage: one entry per registry URL. */
export const secretKey = (registryUrl: string) => `mlflowRegistry.credentials:${registryUrl}`;

/**
 * The credentials the user gave for each registry, in VS Code's SecretStorage (never settings).
 * An entry that is not what this extension wrote is ignored with a warning that names the
 * registry, not the entry's text.
 */
export class CredentialStore implements SecretSource {
  constructor(
    private readonly storage: Pick<vscode.SecretStorage, 'get' | 'store' | 'delete'>,
    private readonly log: Pick<Logger, 'warn'>,
  ) {}

  async get(registryUrl: string): Promise<StoredCredential | undefined> {
    const raw = await this.storage.get(secretKey(registryUrl));
    if (raw === undefined || raw === '') return undefined;
    const credential = parseStoredCredential(raw);
    if (!credential) {
      this.log.warn(
        `The credentials stored for ${registryUrl} are not in the form this extension writes; they are ignored. Sign in again when asked, or run "Forget Stored Credentials".`,
      );
    }
    return credential;
  }

  async store(registryUrl: string, credential: StoredCredential): Promise<void> {
    await this.storage.store(secretKey(registryUrl), serializeStoredCredential(credential));
  }

  /** Removes what was stored for a registry; true when something was. */
  async delete(registryUrl: string): Promise<boolean> {
    const had = (await this.storage.get(secretKey(registryUrl))) !== undefined;
    await this.storage.delete(secretKey(registryUrl));
    return had;
  }
}

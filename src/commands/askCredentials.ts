import * as vscode from 'vscode';
import type { StoredCredential } from '../connection';
import type { CredentialStore } from '../services/secretStore';

/**
 * Asks how to sign in to a registry that answered 401, and keeps the answer in SecretStorage
 * under that registry's URL (never in settings). Undefined when the user cancels.
 */
export async function askForCredentials(credentials: CredentialStore, registryUrl: string): Promise<StoredCredential | undefined> {
  const host = new URL(registryUrl).host;
  const how = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('User name and password'),
        description: vscode.l10n.t('MLflow basic authentication'),
        method: 'basic' as const,
      },
      {
        label: vscode.l10n.t('Access token'),
        description: vscode.l10n.t('sent as a bearer token (Databricks, proxies)'),
        method: 'bearer' as const,
      },
    ],
    {
      title: vscode.l10n.t('{0} needs you to sign in', host),
      placeHolder: vscode.l10n.t('How do you sign in to this registry?'),
      ignoreFocusOut: true,
    },
  );
  if (!how) return undefined;
  let credential: StoredCredential;
  if (how.method === 'bearer') {
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('Access token for {0}', host),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the token')),
    });
    if (!token) return undefined;
    credential = { kind: 'bearer', token: token.trim() };
  } else {
    const username = await vscode.window.showInputBox({
      title: vscode.l10n.t('User name for {0}', host),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the user name')),
    });
    if (!username) return undefined;
    const password = await vscode.window.showInputBox({
      title: vscode.l10n.t('Password for {0} at {1}', username.trim(), host),
      password: true,
      ignoreFocusOut: true,
    });
    if (password === undefined) return undefined;
    credential = { kind: 'basic', username: username.trim(), password };
  }
  await credentials.store(registryUrl, credential);
  return credential;
}

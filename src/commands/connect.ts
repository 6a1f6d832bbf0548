import * as vscode from 'vscode';

/** Asks for a tracking URI and saves it: workspace settings when a folder is open, else user settings. */
export async function connect(): Promise<void> {
  const current = vscode.workspace.getConfiguration('mlflowRegistry').get<string>('trackingUri') || process.env.MLFLOW_TRACKING_URI || '';
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Connect to an MLflow Registry'),
    prompt: vscode.l10n.t('The MLflow tracking URI: an http(s) URL of a tracking server, or databricks://profile'),
    placeHolder: 'http://127.0.0.1:5000',
    value: current,
    ignoreFocusOut: true,
    validateInput: validateTrackingUri,
  });
  if (value === undefined) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('mlflowRegistry').update('trackingUri', value.trim(), target);
}

export function validateTrackingUri(value: string): string | undefined {
  const v = value.trim();
  if (!v) return vscode.l10n.t('Enter a tracking URI, for example http://127.0.0.1:5000');
  if (/^databricks(-uc)?(:\/\/[^/\s]*)?$/i.test(v)) return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return vscode.l10n.t('Use an http:// or https:// URL, or databricks://profile');
    if (u.username || u.password) return vscode.l10n.t('Leave credentials out of the URI: the extension asks for them and keeps them in secret storage.');
    return undefined;
  } catch {
    return vscode.l10n.t('{0} is not a URL. Use http://host:port, https://host or databricks://profile', v);
  }
}

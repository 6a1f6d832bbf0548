// Job: says which of a folder's restricted workspace settings VS Code ignores while the folder is untrusted.
import * as vscode from 'vscode';

const RESTRICTED = /"mlflowRegistry\.(trackingUri|registryUri|databricksProfile|pythonPath)"\s*:/g;

/**
 * In an untrusted folder VS Code ignores workspace values of restricted settings (a cloned
 * repository must not send the user's tokens to a host it names) and hides them entirely, so
 * the folder's settings files are read to say which were ignored. Undefined when trusted or
 * when none are set there.
 */
export async function untrustedSettingsNotice(): Promise<string | undefined> {
  if (vscode.workspace.isTrusted) return undefined;
  const files = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
  if (vscode.workspace.workspaceFile?.scheme === 'file') files.push(vscode.workspace.workspaceFile);
  const ignored = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      continue; // no settings file there
    }
    for (const m of text.matchAll(RESTRICTED)) ignored.add(`mlflowRegistry.${m[1]}`);
  }
  if (!ignored.size) return undefined;
  return vscode.l10n.t(
    'This folder is not trusted, so its workspace settings {0} are ignored: a cloned repository must not decide where your credentials go. Trust the folder to use them.',
    [...ignored].join(', '),
  );
}

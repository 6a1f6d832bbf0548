import * as vscode from 'vscode';

/**
 * A renamed model's open description follows it: the same description opens under the new
 * name's URI (its tab title names the new name), unsaved text carried over and still unsaved,
 * and each tab of the old document closes. Closing a dirty tab would ask "save changes?" about
 * a model that no longer exists, so the old document is reverted first (its text lives on in
 * the new one).
 *
 * `moved(carried)` runs once the new document is open, before the unsaved text (if any, and
 * different) replaces its own, so the provider can carry over the text that edit started from.
 */
export async function reopenUnderNewName(old: vscode.TextDocument, newUri: vscode.Uri, moved: (carried: boolean) => void): Promise<void> {
  const dirty = old.isDirty;
  const text = old.getText();
  const wasActive = vscode.window.activeTextEditor?.document === old;
  const fresh = await vscode.workspace.openTextDocument(newUri);
  const carried = dirty && fresh.getText() !== text;
  moved(carried);
  if (carried) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(newUri, new vscode.Range(fresh.positionAt(0), fresh.positionAt(fresh.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
  }
  const columns = vscode.window.tabGroups.all
    .filter((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === old.uri.toString()))
    .map((g) => g.viewColumn);
  for (const viewColumn of columns) {
    await vscode.window.showTextDocument(old, { viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(fresh, { viewColumn, preserveFocus: false, preview: false });
  }
  if (wasActive) await vscode.window.showTextDocument(fresh, { preview: false });
}

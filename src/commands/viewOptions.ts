import * as vscode from 'vscode';

/** Where a view option is written: the workspace when it already sets it there, else the user. */
function targetFor(key: string): vscode.ConfigurationTarget {
  const inspected = vscode.workspace.getConfiguration('mlflowRegistry').inspect(key);
  return inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

export async function sortBy(): Promise<void> {
  const current = vscode.workspace.getConfiguration('mlflowRegistry').get<string>('tree.sortBy') ?? 'name';
  const items: (vscode.QuickPickItem & { value: string })[] = [
    { label: vscode.l10n.t('Name'), description: vscode.l10n.t('A to Z'), value: 'name' },
    { label: vscode.l10n.t('Last updated'), description: vscode.l10n.t('most recent first'), value: 'lastUpdated' },
  ].map((i) => ({ ...i, picked: i.value === current, detail: i.value === current ? vscode.l10n.t('current') : undefined }));
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Sort Models By') });
  if (!pick) return;
  await vscode.workspace.getConfiguration('mlflowRegistry').update('tree.sortBy', pick.value, targetFor('tree.sortBy'));
}

export async function toggleGroupByStage(): Promise<void> {
  const config = vscode.workspace.getConfiguration('mlflowRegistry');
  await config.update('tree.groupByStage', !(config.get<boolean>('tree.groupByStage') ?? true), targetFor('tree.groupByStage'));
}

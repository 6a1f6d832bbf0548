import * as vscode from 'vscode';

export interface Settings {
  trackingUri: string;
  registryUri: string;
  databricksProfile: string;
  pythonPath: string;
  pageSize: number;
  groupByStage: boolean;
  sortBy: 'name' | 'lastUpdated';
  autoRefreshSeconds: number;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('mlflowRegistry');
  return {
    trackingUri: (c.get<string>('trackingUri') ?? '').trim(),
    registryUri: (c.get<string>('registryUri') ?? '').trim(),
    databricksProfile: (c.get<string>('databricksProfile') ?? '').trim(),
    pythonPath: (c.get<string>('pythonPath') ?? '').trim(),
    pageSize: Math.min(1000, Math.max(1, c.get<number>('pageSize') ?? 100)),
    groupByStage: c.get<boolean>('tree.groupByStage') ?? true,
    sortBy: c.get<string>('tree.sortBy') === 'lastUpdated' ? 'lastUpdated' : 'name',
    autoRefreshSeconds: Math.max(0, c.get<number>('tree.autoRefreshSeconds') ?? 0),
  };
}

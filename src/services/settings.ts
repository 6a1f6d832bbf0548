// Job: reads the extension's settings (mlflowRegistry.*) and the editor's proxy settings.
import * as vscode from 'vscode';
import type { EditorProxy } from '../connection';

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

/** The editor's proxy settings, which a bundled undici does not see by itself. */
export function readEditorProxy(): EditorProxy {
  const http = vscode.workspace.getConfiguration('http');
  return {
    url: http.get<string>('proxy') || undefined,
    strictSSL: http.get<boolean>('proxyStrictSSL'),
    noProxy: http.get<string[]>('noProxy'),
  };
}

import * as vscode from 'vscode';
import type { MlflowRegistryApi, TreeRow } from './api';
import { connect } from './commands/connect';
import { LinkCommands } from './commands/links';
import { DetailsPanels } from './details/panels';
import { SignIn } from './commands/signIn';
import { FilterCommands } from './commands/filter';
import { sortBy, toggleGroupByStage } from './commands/viewOptions';
import { registerCommands } from './commands/runCommand';
import { createLogger } from './logging/logger';
import { ConnectionService } from './services/connectionService';
import { readSettings } from './services/settings';
import { ConnectionStatus } from './status/connectionStatus';
import type { RegistryNode } from './tree/nodes';
import { AutoRefresh } from './tree/autoRefresh';
import { RegistryTreeProvider } from './tree/registryTree';

/** Wiring only: build services, hand them to the UI through constructors, register commands. */
export function activate(context: vscode.ExtensionContext): MlflowRegistryApi {
  const channel = vscode.window.createOutputChannel('MLflow Model Registry', { log: true });
  const log = createLogger(channel);
  const connections = new ConnectionService(log, context.secrets);
  const tree = new RegistryTreeProvider(() => readSettings(), log);
  const view = vscode.window.createTreeView('mlflowRegistry.models', { treeDataProvider: tree, showCollapseAll: true });
  const status = new ConnectionStatus(connections);
  const links = new LinkCommands(connections, (name) => tree.modelNamed(name), () => readSettings().pageSize);
  const details = new DetailsPanels(context.extensionUri, connections, log, () => readSettings().pageSize);
  context.subscriptions.push(details);
  const signIn = new SignIn(connections, context.secrets, log);
  const filters = new FilterCommands(tree);
  context.subscriptions.push(channel, connections, tree, view, status);

  const autoRefresh = new AutoRefresh(() => readSettings().autoRefreshSeconds, () => {
    if (view.visible && tree.state.kind === 'ready') void tree.refresh();
  });
  context.subscriptions.push(autoRefresh);

  const setState = () => {
    const s = tree.state;
    void vscode.commands.executeCommand('setContext', 'mlflowRegistry.state', s.kind);
    view.message = s.kind === 'error' ? s.message : connections.trustNotice ?? filters.notice;
    if (s.kind === 'error') {
      connections.noteResult(new Error(s.message));
      void signIn.onError(s.error);
    }
  };
  context.subscriptions.push(
    tree.onDidChangeState(setState),
    connections.onDidChange((c) => tree.setClient(c?.client, connections.problem)),
    view.onDidExpandElement((e) => tree.setExpanded(e.element, true)),
    view.onDidCollapseElement((e) => tree.setExpanded(e.element, false)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['mlflowRegistry.tree.groupByStage', 'mlflowRegistry.tree.sortBy', 'mlflowRegistry.pageSize'].some((k) => e.affectsConfiguration(k))) void tree.refresh();
      if (e.affectsConfiguration('mlflowRegistry.tree.autoRefreshSeconds')) autoRefresh.restart();
    }),
  );

  context.subscriptions.push(...registerCommands({
    'mlflowRegistry.connect': () => connect(),
    'mlflowRegistry.refresh': async (node?: unknown) => {
      await tree.refresh(node as RegistryNode | undefined);
      if (!node) void connections.checkReachable();
    },
    'mlflowRegistry.retry': async () => {
      signIn.allowAskingAgain();
      if (!connections.connection) return connections.reconnect();
      await tree.refresh();
      void connections.checkReachable();
    },
    'mlflowRegistry.showLog': () => log.show(),
    'mlflowRegistry.forgetCredentials': () => signIn.forget(),
    'mlflowRegistry.sortBy': () => sortBy(),
    'mlflowRegistry.filter': (text?: unknown) => filters.filter(text),
    'mlflowRegistry.clearFilter': () => filters.clear(),
    'mlflowRegistry.toggleGroupByStage': () => toggleGroupByStage(),
    'mlflowRegistry.showDetails': (node?: unknown) => details.showDetails(node),
    'mlflowRegistry.openInBrowser': (node?: unknown) => links.openInBrowser(node as RegistryNode | undefined),
    'mlflowRegistry.copyModelUri': (node?: unknown) => links.copyModelUri(node as RegistryNode | undefined),
    'mlflowRegistry.loadMoreVersions': (node?: unknown) => tree.loadMoreVersions((node as { modelName: string }).modelName),
    'mlflowRegistry.loadMoreModels': () => tree.loadMoreModels(),
  }, log));

  const firstConnection = connections.reconnect();

  const rowsById = new Map<string, RegistryNode>();
  return {
    version: String(context.extension.packageJSON.version),
    ready: () => firstConnection,
    registryUrl: () => connections.connection?.url,
    requestCount: () => connections.requestCount,
    requests: () => [...connections.requests],
    tree: {
      state: () => tree.state,
      children: async (id?: string): Promise<TreeRow[]> => {
        const parent = id === undefined ? undefined : rowsById.get(id);
        if (id !== undefined && !parent) throw new Error(`No row ${id} has been listed yet`);
        const nodes = await tree.getChildren(parent);
        return nodes.map((n) => {
          rowsById.set(n.id, n);
          const item = tree.getTreeItem(n);
          const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
          const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
          return { id: n.id, label, description: typeof item.description === 'string' ? item.description : undefined, contextValue: item.contextValue, tooltip, collapsible: item.collapsibleState !== vscode.TreeItemCollapsibleState.None };
        });
      },
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

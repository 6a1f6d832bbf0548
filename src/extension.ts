import * as vscode from 'vscode';
import type { MlflowRegistryApi } from './api';
import { createApi } from './apiImpl';
import { ConnectCommand } from './commands/connect';
import { FilterCommands } from './commands/filter';
import { LinkCommands } from './commands/linkCommands';
import { registerCommands } from './commands/runCommand';
import { SignIn } from './commands/signIn';
import { sortBy, toggleGroupByStage } from './commands/viewOptions';
import { DetailsPanels } from './details/panels';
import { createLogger } from './logging/logger';
import { CapabilitiesService } from './services/capabilities';
import { ConnectionService } from './services/connectionService';
import { LocalServers } from './services/localServers';
import { readSettings } from './services/settings';
import { ConnectionStatus } from './status/connectionStatus';
import type { RegistryNode } from './tree/nodes';
import { AutoRefresh } from './tree/autoRefresh';
import { RegistryTreeProvider } from './tree/registryTree';

/** Wiring only: build services, hand them to the UI through constructors, register commands. */
export function activate(context: vscode.ExtensionContext): MlflowRegistryApi {
  const channel = vscode.window.createOutputChannel('MLflow Model Registry', { log: true });
  const log = createLogger(channel);
  const localServers = new LocalServers(context.extensionUri, log);
  const connections = new ConnectionService(log, context.secrets, localServers);
  stopLocalServers = () => localServers.retainOnly(undefined);
  const capabilities = new CapabilitiesService(connections, log);
  const tree = new RegistryTreeProvider(() => readSettings(), log);
  const view = vscode.window.createTreeView('mlflowRegistry.models', { treeDataProvider: tree, showCollapseAll: true });
  const status = new ConnectionStatus(connections, capabilities);
  const links = new LinkCommands(
    connections,
    (name) => tree.modelNamed(name),
    () => readSettings().pageSize,
    () => capabilities.aliases,
  );
  const details = new DetailsPanels(
    context.extensionUri,
    connections,
    log,
    () => readSettings().pageSize,
    () => capabilities.aliases,
  );
  const signIn = new SignIn(connections, context.secrets, log);
  const connect = new ConnectCommand(log, () => connections.reconnect());
  const filters = new FilterCommands(tree);
  context.subscriptions.push(channel, localServers, connections, capabilities, tree, view, status, details);

  const autoRefresh = new AutoRefresh(
    () => readSettings().autoRefreshSeconds,
    () => {
      if (view.visible && tree.state.kind === 'ready') void tree.refresh();
    },
  );
  context.subscriptions.push(autoRefresh);

  // An error, else the trust or filter notice, then what the server lacks (alias features hidden).
  const viewMessage = () => {
    const s = tree.state;
    if (localServers.starting) return localServers.starting;
    return s.kind === 'error'
      ? s.message
      : [connections.trustNotice ?? filters.notice, capabilities.notice].filter(Boolean).join(' ') || undefined;
  };
  const setState = () => {
    const s = tree.state;
    void vscode.commands.executeCommand('setContext', 'mlflowRegistry.state', s.kind);
    view.message = viewMessage();
    if (s.kind === 'error') {
      connections.noteResult(s.error);
      void signIn.onError(s.error);
    }
  };
  context.subscriptions.push(
    tree.onDidChangeState(setState),
    localServers.onDidChangeStarting(() => {
      if (localServers.starting) tree.setConnecting();
      view.message = viewMessage();
    }),
    connections.onDidChange((c) => tree.setClient(c?.client, connections.problem)),
    capabilities.onDidChange(() => {
      tree.setShowAliases(capabilities.aliases);
      details.refresh();
      view.message = viewMessage();
    }),
    view.onDidExpandElement((e) => tree.setExpanded(e.element, true)),
    view.onDidCollapseElement((e) => tree.setExpanded(e.element, false)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        ['mlflowRegistry.tree.groupByStage', 'mlflowRegistry.tree.sortBy', 'mlflowRegistry.pageSize'].some((k) => e.affectsConfiguration(k))
      )
        void tree.refresh();
      if (e.affectsConfiguration('mlflowRegistry.tree.autoRefreshSeconds')) autoRefresh.restart();
    }),
  );

  context.subscriptions.push(
    ...registerCommands(
      {
        'mlflowRegistry.connect': () => connect.run(),
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
      },
      log,
    ),
  );

  return createApi(
    String(context.extension.packageJSON.version),
    connections.reconnect(),
    connections,
    tree,
    capabilities,
    view,
    localServers,
  );
}

let stopLocalServers: (() => Promise<void>) | undefined;

/** Everything else is disposed through context.subscriptions; local servers are awaited so none outlives the window. */
export function deactivate(): Promise<void> | undefined {
  return stopLocalServers?.();
}

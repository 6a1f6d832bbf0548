import * as vscode from 'vscode';
import type { MlflowRegistryApi, TreeRow } from './api';
import type { CapabilitiesService } from './services/capabilities';
import type { ConnectionService } from './services/connectionService';
import type { LocalServers } from './services/localServers';
import type { RegistryClients } from './services/registryClients';
import type { RegistryNode } from './tree/nodes';
import type { RegistryTreeProvider } from './tree/registryTree';

/** The object activate() returns: read-only views of the services, rows as the tree renders them. */
export interface ApiSources {
  connections: ConnectionService;
  clients: RegistryClients;
  tree: RegistryTreeProvider;
  capabilities: CapabilitiesService;
  view: vscode.TreeView<RegistryNode>;
  localServers: LocalServers;
}

export function createApi(
  version: string,
  ready: Promise<void>,
  { connections, clients, tree, capabilities, view, localServers }: ApiSources,
): MlflowRegistryApi {
  const rowsById = new Map<string, RegistryNode>();
  const row = (n: RegistryNode): TreeRow => {
    rowsById.set(n.id, n);
    const item = tree.getTreeItem(n);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
    const description = typeof item.description === 'string' ? item.description : undefined;
    return {
      id: n.id,
      label,
      description,
      contextValue: item.contextValue,
      tooltip,
      collapsible: item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
    };
  };
  return {
    version,
    ready: () => ready,
    registryUrl: () => connections.connection?.url,
    requestCount: () => clients.requestCount,
    requests: () => [...clients.requests],
    capabilities: () => (capabilities.current ? { ...capabilities.current } : undefined),
    localServers: () => localServers.running(),
    tree: {
      state: () => tree.state,
      message: () => view.message,
      children: async (id?: string): Promise<TreeRow[]> => {
        const parent = id === undefined ? undefined : rowsById.get(id);
        if (id !== undefined && !parent) throw new Error(`No row ${id} has been listed yet`);
        return (await tree.getChildren(parent)).map(row);
      },
      selection: () => view.selection.map((n) => n.id),
    },
  };
}

import * as vscode from 'vscode';
import type { Logger } from '../logging/logger';
import type { CapabilitiesService } from '../services/capabilities';
import type { ConnectionService } from '../services/connectionService';
import type { LocalServers } from '../services/localServers';
import { readSettings } from '../services/settings';
import { AutoRefresh } from './autoRefresh';
import { describeFilter, filterPlan, type ModelFilter } from './filterInput';
import { VersionDragAndDrop } from './dragAndDrop';
import type { RegistryNode } from './nodes';
import { RegistryTreeProvider, type TreeState } from './registryTree';

const REFRESHING_SETTINGS = ['mlflowRegistry.tree.groupByStage', 'mlflowRegistry.tree.sortBy', 'mlflowRegistry.pageSize'];

/**
 * The Models view as the user sees it: the tree, the sentence above it (an error; a local
 * server starting; what trust, the filter or the server hide), the `mlflowRegistry.state` and
 * `mlflowRegistry.filtered` context keys, and what makes it reload (a new registry, a view
 * setting, auto refresh). The data itself lives in RegistryTreeProvider.
 */
export class ModelsView implements vscode.Disposable {
  readonly tree: RegistryTreeProvider;
  readonly view: vscode.TreeView<RegistryNode>;
  /** Versions dropped on a stage group (the transition command subscribes). */
  readonly dragAndDrop = new VersionDragAndDrop();
  private filter: { filter: ModelFilter; input: string } | undefined;
  private readonly listingFailed = new vscode.EventEmitter<unknown>();
  /** Listing the models failed (the view shows why): the status bar and sign-in react to it. */
  readonly onDidFailListing = this.listingFailed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly connections: ConnectionService,
    private readonly localServers: LocalServers,
    private readonly capabilities: CapabilitiesService,
    log: Logger,
  ) {
    this.tree = new RegistryTreeProvider(() => readSettings(), log);
    this.view = vscode.window.createTreeView('mlflowRegistry.models', {
      treeDataProvider: this.tree,
      showCollapseAll: true,
      canSelectMany: true,
      dragAndDropController: this.dragAndDrop,
    });
    const autoRefresh = new AutoRefresh(
      () => readSettings().autoRefreshSeconds,
      () => void this.autoRefresh(),
    );
    this.disposables = [
      this.tree,
      this.view,
      this.dragAndDrop,
      this.view.onDidChangeSelection((e) => this.onSelection(e.selection)),
      autoRefresh,
      this.listingFailed,
      this.tree.onDidChangeState((s) => this.onState(s)),
      localServers.onDidChangeStarting(() => this.onLocalServerStarting()),
      connections.onDidChange((c) => this.tree.setClient(c?.client, connections.problem)),
      capabilities.onDidChange(() => {
        this.tree.setShowAliases(capabilities.aliases);
        this.updateMessage();
      }),
      this.view.onDidExpandElement((e) => this.tree.setExpanded(e.element, true)),
      this.view.onDidCollapseElement((e) => this.tree.setExpanded(e.element, false)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (REFRESHING_SETTINGS.some((k) => e.affectsConfiguration(k))) void this.tree.refresh();
        if (e.affectsConfiguration('mlflowRegistry.tree.autoRefreshSeconds')) autoRefresh.restart();
      }),
    ];
  }

  /** The filter as the user typed it, to offer it again. */
  get filterInput(): string | undefined {
    return this.filter?.input;
  }

  /** Lists only the models matching `filter` (undefined: all), and says so above the tree. */
  async setFilter(filter: ModelFilter | undefined, input = ''): Promise<void> {
    this.filter = filter ? { filter, input } : undefined;
    await vscode.commands.executeCommand('setContext', 'mlflowRegistry.filtered', Boolean(filter));
    this.tree.setFilter(filter ? filterPlan(filter) : undefined);
    this.updateMessage();
  }

  /** The rows selected now (keybindings act on them: their commands get no row). */
  get selection(): readonly RegistryNode[] {
    return this.view.selection;
  }

  /** Expands the tree to a version, loading version pages as needed, and selects it; false when it is not listed. */
  async revealVersion(model: string, version: string, options: { focus?: boolean } = {}): Promise<boolean> {
    const node = await this.tree.versionNode(model, version);
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus: options.focus ?? false, expand: true });
    return true;
  }

  /** Selects a model's row (after a rename, say); false when it is not listed. */
  async revealModel(model: string): Promise<boolean> {
    const node = await this.tree.modelNode(model);
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus: false, expand: false });
    return true;
  }

  /** `mlflowRegistry.selectionKind`: model, version, or mixed, so keybindings' when clauses can narrow. */
  private onSelection(selection: readonly RegistryNode[]): void {
    const kinds = new Set(selection.map((n) => n.kind));
    const kind = kinds.size === 0 ? 'none' : kinds.size === 1 ? [...kinds][0] : 'mixed';
    void vscode.commands.executeCommand('setContext', 'mlflowRegistry.selectionKind', kind);
  }

  /** The sentence above the tree: an error, else a server starting, else what is hidden and why. */
  private message(): string | undefined {
    const starting = this.localServers.starting;
    if (starting) return starting;
    const s = this.tree.state;
    if (s.kind === 'error') return s.message;
    const filterNotice = this.filter
      ? vscode.l10n.t('Showing models matching {0}. Clear the filter to see all.', describeFilter(this.filter.filter))
      : undefined;
    return [this.connections.trustNotice ?? filterNotice, this.capabilities.notice].filter(Boolean).join(' ') || undefined;
  }

  private updateMessage(): void {
    this.view.message = this.message();
  }

  private onState(s: TreeState): void {
    void vscode.commands.executeCommand('setContext', 'mlflowRegistry.state', s.kind);
    this.updateMessage();
    if (s.kind === 'error') this.listingFailed.fire(s.error);
  }

  private onLocalServerStarting(): void {
    // Nothing of the previous registry stays on screen for a command to act on meanwhile.
    if (this.localServers.starting) this.tree.setConnecting();
    this.updateMessage();
  }

  private async autoRefresh(): Promise<void> {
    if (this.view.visible && this.tree.state.kind === 'ready') await this.tree.refresh();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

import * as vscode from 'vscode';
import type { RegistryClient } from '../registry/client';
import { isRegistryError } from '../registry/errors';
import { type FilterPlan, nameEqualsFilter } from '../registry/filters';
import type { ModelVersion, RegisteredModel } from '../registry/types';
import type { Logger } from '../logging/logger';
import { describeError } from '../ui/describeError';
import { ModelVersions } from './modelVersions';
import { type ModelNode, nodeId, type RegistryNode, STAGE_ORDER } from './nodes';
import { renderNode } from './render';

export interface TreeSettings {
  pageSize: number;
  groupByStage: boolean;
  sortBy: 'name' | 'lastUpdated';
}

export type TreeState =
  { kind: 'unconfigured' } | { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string; error?: unknown };

const PENDING_POLL_MS = 2000;

/**
 * The registry tree's data: the first page of models on open (one search request; model rows
 * come from that answer alone), versions fetched one page at a time when a model is expanded.
 */
export class RegistryTreeProvider implements vscode.TreeDataProvider<RegistryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RegistryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<TreeState>();
  readonly onDidChangeState = this.stateChanged.event;

  private client: RegistryClient | undefined;
  private models: RegisteredModel[] | undefined;
  private modelsNextToken: string | undefined;
  private modelsLoading: Promise<void> | undefined;
  private versions = new Map<string, ModelVersions>();
  private readonly nodes = new Map<string, RegistryNode>();
  private readonly parents = new Map<string, RegistryNode | undefined>();
  private readonly expanded = new Map<string, boolean>();
  private pollTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private currentState: TreeState = { kind: 'unconfigured' };
  private modelFilter: FilterPlan<RegisteredModel> | undefined;
  private showAliases = true;

  constructor(
    private readonly settings: () => TreeSettings,
    private readonly log: Logger,
  ) {}

  get state(): TreeState {
    return this.currentState;
  }

  /** A new registry (or none, perhaps for a reason to show): everything cached belongs to the old one. */
  setClient(client: RegistryClient | undefined, problem?: string): void {
    this.client = client;
    this.reset();
    this.setState(client ? { kind: 'loading' } : problem ? { kind: 'error', message: problem } : { kind: 'unconfigured' });
    this.changed.fire(undefined);
  }

  /**
   * Another registry is being set up (a local server starting): nothing of the old one stays
   * on screen for a command to act on meanwhile.
   */
  setConnecting(): void {
    this.client = undefined;
    this.reset();
    this.setState({ kind: 'loading' });
    this.changed.fire(undefined);
  }

  /** Refreshes everything, or one model (its row and its versions). */
  async refresh(node?: RegistryNode): Promise<void> {
    if (node?.kind === 'model' && this.client && this.models) {
      const name = node.model.name;
      this.versions.delete(name);
      try {
        const fresh = await this.client.models.get(name);
        const i = this.models.findIndex((m) => m.name === name);
        if (i >= 0) this.models[i] = fresh;
        this.updateModelNode(fresh);
      } catch (e) {
        this.log.warn(`refreshing ${name}: ${e instanceof Error ? e.message : e}`);
      }
      this.changed.fire(this.nodes.get(nodeId.model(name)) ?? undefined);
      return;
    }
    this.reset();
    if (this.client) this.setState({ kind: 'loading' });
    this.changed.fire(undefined);
  }

  /**
   * Reads one model again after a change (its row and its versions). A model the server no
   * longer has leaves the list; false when the model is not listed (a new name: refresh all).
   */
  async refreshModel(name: string): Promise<boolean> {
    const client = this.client;
    if (!client || !this.models?.some((m) => m.name === name)) return false;
    const generation = this.generation;
    this.versions.delete(name);
    let fresh: RegisteredModel | undefined;
    try {
      fresh = await client.models.get(name);
    } catch (e) {
      if (!(isRegistryError(e) && e.isNotFound)) throw e;
    }
    // A whole reload came meanwhile: it reads this model too. Otherwise find it again by name (the list may have moved).
    if (generation !== this.generation) return true; // reset() bumps the generation whenever it drops the list
    const i = this.models.findIndex((m) => m.name === name);
    if (i < 0) return true;
    if (fresh) {
      this.models[i] = fresh;
      this.changed.fire(this.updateModelNode(fresh));
    } else {
      this.models.splice(i, 1);
      this.forget(nodeId.model(name));
      this.changed.fire(undefined);
    }
    return true;
  }

  /**
   * The row of a version, loading the model's version pages until it is there (and marking
   * its model and stage group expanded), for revealing it. Undefined when the model is not
   * listed (another page, or filtered out) or has no such version.
   */
  async versionNode(modelName: string, version: string): Promise<RegistryNode | undefined> {
    const client = this.client;
    if (!client) return undefined;
    if (!this.models) await this.getChildren();
    const model = this.models?.find((m) => m.name === modelName);
    if (!model) return undefined;
    const modelNode: RegistryNode = this.nodes.get(nodeId.model(modelName)) ?? { kind: 'model', id: nodeId.model(modelName), model };
    this.remember(modelNode, undefined);
    const state = this.versionsOf(client, modelName);
    await state.ensureFirstPage();
    while (!state.all.some((v) => v.version === version) && !state.complete) await state.loadNext();
    const v = state.all.find((x) => x.version === version);
    if (!v) return undefined;
    this.expanded.set(modelNode.id, true);
    const node = this.makeVersionNode(model, v);
    if (this.settings().groupByStage) {
      const group = this.modelChildren(modelNode as ModelNode, state).find((r) => r.kind === 'stageGroup' && r.stage === v.currentStage);
      if (!group) return undefined;
      this.remember(group, modelNode);
      this.expanded.set(group.id, true);
      this.remember(node, group);
    } else {
      this.remember(node, modelNode);
    }
    return node;
  }

  /** A model was renamed: its expanded rows stay expanded under the new name. */
  followRename(oldName: string, newName: string): void {
    for (const [id, open] of [...this.expanded]) {
      const renamed =
        id === nodeId.model(oldName)
          ? nodeId.model(newName)
          : id.startsWith(`stage:${oldName}:`)
            ? `stage:${newName}:${id.slice(`stage:${oldName}:`.length)}`
            : undefined;
      if (renamed) this.expanded.set(renamed, open);
    }
  }

  /** A listed model's row (undefined when the model is not in the list). */
  async modelNode(name: string): Promise<RegistryNode | undefined> {
    if (!this.models) await this.getChildren();
    const model = this.models?.find((m) => m.name === name);
    if (!model) return undefined;
    const node: RegistryNode = this.nodes.get(nodeId.model(name)) ?? { kind: 'model', id: nodeId.model(name), model };
    this.remember(node, undefined);
    return node;
  }

  /**
   * VS Code re-renders a changed row from the very object it was given: the model's row object
   * takes the fresh model, so its description and tooltip are not the stale ones.
   */
  private updateModelNode(model: RegisteredModel): RegistryNode | undefined {
    const node = this.nodes.get(nodeId.model(model.name));
    if (node?.kind === 'model') node.model = model;
    return node;
  }

  private remember(node: RegistryNode, parent: RegistryNode | undefined): void {
    this.nodes.set(node.id, node);
    this.parents.set(node.id, parent);
  }

  private forget(id: string): void {
    this.nodes.delete(id);
    this.parents.delete(id);
  }

  /** Lists only the models that match (a new search from the first page); undefined lists all. */
  setFilter(plan: FilterPlan<RegisteredModel> | undefined): void {
    this.modelFilter = plan;
    this.reset();
    if (this.client) this.setState({ kind: 'loading' });
    this.changed.fire(undefined);
  }

  /** Hides alias text and flags (a server without aliases), or shows them again; re-renders what is listed. */
  setShowAliases(show: boolean): void {
    if (show === this.showAliases) return;
    this.showAliases = show;
    this.changed.fire(undefined);
  }

  /** A model as last listed (undefined before the list is loaded or when not on it). */
  modelNamed(name: string): RegisteredModel | undefined {
    return this.models?.find((m) => m.name === name);
  }

  setExpanded(node: RegistryNode, expanded: boolean): void {
    this.expanded.set(node.id, expanded);
  }

  getTreeItem(node: RegistryNode): vscode.TreeItem {
    return renderNode(node, (id) => this.expanded.get(id), { aliases: this.showAliases });
  }

  getParent(node: RegistryNode): RegistryNode | undefined {
    return this.parents.get(node.id);
  }

  async getChildren(node?: RegistryNode): Promise<RegistryNode[]> {
    const client = this.client;
    if (!client) return [];
    const generation = this.generation;
    try {
      this.log.debug(`listing ${node?.id ?? 'the models'}`);
      const children = await this.childrenOf(client, node);
      if (generation !== this.generation) return [];
      for (const c of children) {
        this.nodes.set(c.id, c);
        this.parents.set(c.id, node);
      }
      if (!node && this.currentState.kind !== 'ready') this.setState({ kind: 'ready' });
      return children;
    } catch (e) {
      if (generation !== this.generation) return [];
      const message = describeError(e);
      this.log.error(`Loading ${node ? node.id : 'the model list'} failed: ${e instanceof Error ? e.message : e}`);
      if (!node) this.setState({ kind: 'error', message, error: e });
      else void vscode.window.setStatusBarMessage(`$(error) ${message}`, 8000);
      return [];
    }
  }

  async loadMoreVersions(modelName: string): Promise<void> {
    const state = this.versions.get(modelName);
    if (!state) return;
    await state.loadNext();
    this.changed.fire(this.nodes.get(nodeId.model(modelName)));
  }

  async loadMoreModels(): Promise<void> {
    if (!this.client || this.modelsNextToken === undefined) return;
    await this.fetchModels(this.client, this.modelsNextToken);
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.stopPolling();
    this.changed.dispose();
    this.stateChanged.dispose();
  }

  private async childrenOf(client: RegistryClient, node?: RegistryNode): Promise<RegistryNode[]> {
    if (!node) {
      if (!this.models) {
        this.modelsLoading ??= this.fetchModels(client, undefined).finally(() => (this.modelsLoading = undefined));
        await this.modelsLoading;
      }
      const rows: RegistryNode[] = (this.models ?? []).map((model) => ({ kind: 'model', id: nodeId.model(model.name), model }));
      if (this.modelsNextToken !== undefined) rows.push({ kind: 'loadMoreModels', id: nodeId.loadMoreModels() });
      return rows;
    }
    if (node.kind === 'model') {
      const state = this.versionsOf(client, node.model.name);
      await state.ensureFirstPage();
      this.schedulePolling();
      return this.modelChildren(node, state);
    }
    if (node.kind === 'stageGroup') {
      const state = this.versions.get(node.modelName);
      const model = this.models?.find((m) => m.name === node.modelName);
      if (!state || !model) return [];
      return state.all.filter((v) => v.currentStage === node.stage).map((v) => this.makeVersionNode(model, v));
    }
    return [];
  }

  private modelChildren(node: ModelNode, state: ModelVersions): RegistryNode[] {
    const all = state.all;
    const rows: RegistryNode[] = [];
    if (this.settings().groupByStage) {
      for (const stage of STAGE_ORDER) {
        const count = all.filter((v) => v.currentStage === stage).length;
        if (count === 0) continue;
        rows.push({
          kind: 'stageGroup',
          id: nodeId.stage(node.model.name, stage),
          modelName: node.model.name,
          stage,
          count,
          complete: state.complete,
        });
      }
    } else {
      rows.push(...all.map((v) => this.makeVersionNode(node.model, v)));
    }
    if (!state.complete) rows.push({ kind: 'loadMoreVersions', id: nodeId.loadMoreVersions(node.model.name), modelName: node.model.name });
    return rows;
  }

  private makeVersionNode(model: RegisteredModel, v: ModelVersion): RegistryNode {
    const aliases = this.showAliases ? model.aliases.filter((a) => a.version === v.version).map((a) => a.alias) : [];
    return { kind: 'version', id: nodeId.version(model.name, v.version), version: v, aliases };
  }

  private versionsOf(client: RegistryClient, name: string): ModelVersions {
    let state = this.versions.get(name);
    if (!state) {
      const plan = nameEqualsFilter<ModelVersion>(name);
      state = new ModelVersions(async (pageToken) => {
        const page = await client.versions.searchPage({
          filter: plan.filter,
          orderBy: ['version_number DESC'],
          pageSize: this.settings().pageSize,
          pageToken,
        });
        // Names MLflow's filter cannot say exactly are searched with LIKE: keep this model's versions only.
        return { ...page, items: page.items.filter(plan.matches) };
      });
      this.versions.set(name, state);
    }
    return state;
  }

  private async fetchModels(client: RegistryClient, pageToken: string | undefined): Promise<void> {
    const { pageSize, sortBy } = this.settings();
    const orderBy = sortBy === 'lastUpdated' ? ['last_updated_timestamp DESC'] : ['name ASC'];
    const plan = this.modelFilter;
    const generation = this.generation;
    const page = await client.models.searchPage({ pageSize, orderBy, pageToken, filter: plan?.filter });
    // A refresh, a filter or a new sort order came while this page was on its way: it belongs to the old list.
    if (generation !== this.generation) return;
    const known = new Set((this.models ?? []).map((m) => m.name));
    // A filter MLflow cannot say exactly (LIKE wildcards, quotes) is narrowed here; paging de-duplicates by name.
    this.models = [...(this.models ?? []), ...page.items.filter((m) => !known.has(m.name) && (!plan || plan.matches(m)))];
    this.modelsNextToken = page.nextPageToken;
  }

  /** Versions still registering are polled until they settle (READY or FAILED). */
  private schedulePolling(): void {
    if (this.pollTimer) return;
    const anyPending = [...this.versions.values()].some((s) => s.pending().length > 0);
    if (!anyPending) return;
    this.pollTimer = setTimeout(() => void this.poll(), PENDING_POLL_MS);
  }

  private async poll(): Promise<void> {
    this.pollTimer = undefined;
    const client = this.client;
    if (!client) return;
    for (const [name, state] of this.versions) {
      let changed = false;
      for (const v of state.pending()) {
        try {
          const fresh = await client.versions.get(name, v.version);
          if (fresh.status !== v.status) changed = true;
          state.update(fresh);
        } catch (e) {
          this.log.warn(`polling ${name} v${v.version}: ${e instanceof Error ? e.message : e}`);
        }
      }
      if (changed) this.changed.fire(this.nodes.get(nodeId.model(name)));
    }
    this.schedulePolling();
  }

  private stopPolling(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private reset(): void {
    this.generation++;
    this.stopPolling();
    this.models = undefined;
    this.modelsNextToken = undefined;
    this.modelsLoading = undefined;
    this.versions = new Map();
    this.nodes.clear();
    this.parents.clear();
  }

  private setState(state: TreeState): void {
    this.currentState = state;
    this.stateChanged.fire(state);
  }
}

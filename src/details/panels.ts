import * as vscode from 'vscode';
import type { Logger } from '../logging/logger';
import type { ConnectionService } from '../services/connectionService';
import type { DetailsTarget, DetailsView, HostToWebview, LinkTarget } from '../shared/detailsProtocol';
import { describeError } from '../ui/describeError';
import { detailsHtml, makeNonce } from './html';
import { descriptionLink, externalHttpUrl, runPageUrl } from './linkPolicy';
import { loadDetails } from './load';
import { pickModelOrVersion } from '../ui/pickTarget';
import { parseWebviewMessage, targetKey, targetOfNode } from './targets';
import { detailsText } from './text';
import { buildView } from './viewModel';

const VIEW_TYPE = 'mlflowRegistry.details';

interface PanelHost {
  extensionUri: vscode.Uri;
  connections: ConnectionService;
  log: Logger;
  pageSize(): number;
  /** False when the server lacks model aliases: the panel omits them. */
  aliases(): boolean;
  open(link: LinkTarget): Promise<void>;
}

/**
 * The details webviews: one panel per model or version, revealed again when it is already
 * open. Data comes from src/details/load.ts, is shaped by viewModel.ts, and reaches the
 * webview by messages only.
 */
export class DetailsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DetailsPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly host: PanelHost;

  constructor(
    extensionUri: vscode.Uri,
    private readonly connections: ConnectionService,
    log: Logger,
    pageSize: () => number,
    aliases: () => boolean = () => true,
  ) {
    this.host = { extensionUri, connections, log, pageSize, aliases, open: (link) => this.open(link) };
    this.disposables.push(connections.onDidChange(() => this.refresh()));
  }

  /** What the panels show may differ now (another registry, or what it supports is known): read again. */
  refresh(): void {
    for (const p of this.panels.values()) p.refresh();
  }

  /** A change touched these models: only their panels (the model's and its versions') read again. */
  refreshModels(names: readonly string[]): void {
    for (const p of this.panels.values()) if (names.includes(p.target.name)) p.refresh();
  }

  /** `mlflowRegistry.showDetails`: on a tree row, or from the Command Palette with quick picks. */
  async showDetails(node?: unknown): Promise<void> {
    let target = targetOfNode(node);
    if (!target) {
      const client = this.connections.connection?.client;
      if (!client) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Connect to an MLflow registry first.'));
        return;
      }
      const picked = await pickModelOrVersion(client, this.host.pageSize(), vscode.l10n.t('Show Details'));
      if (!picked) return;
      target = picked.version
        ? { kind: 'version', name: picked.model.name, version: picked.version.version }
        : { kind: 'model', name: picked.model.name };
    }
    this.show(target);
  }

  show(target: DetailsTarget): void {
    const key = targetKey(target);
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel: DetailsPanel = new DetailsPanel(target, this.host, () => {
      for (const [k, p] of this.panels) if (p === panel) this.panels.delete(k);
    });
    this.panels.set(key, panel);
  }

  /** A renamed model: its panels (the model's and its versions') follow it to the new name. */
  followRename(oldName: string, newName: string): void {
    for (const [key, panel] of [...this.panels]) {
      if (panel.target.name !== oldName) continue;
      const target: DetailsTarget = { ...panel.target, name: newName };
      this.panels.delete(key);
      this.panels.set(targetKey(target), panel);
      panel.retarget(target);
    }
  }

  private async open(link: LinkTarget): Promise<void> {
    switch (link.kind) {
      case 'details':
        this.show(link.target);
        return;
      case 'url': {
        const url = descriptionLink(link.href);
        if (!url) {
          this.host.log.warn(`details: not opening a link that is neither http(s) nor a plain mailto: ${link.href.slice(0, 200)}`);
          return;
        }
        await vscode.env.openExternal(vscode.Uri.parse(url, true));
        return;
      }
      case 'run': {
        const conn = this.connections.connection;
        if (!conn) return;
        const tracking = conn.resolved.trackingUri?.value;
        const base = tracking && externalHttpUrl(tracking) ? tracking : conn.url;
        const url = runPageUrl(base, link.experimentId, link.runId);
        if (!url) return;
        const external = await vscode.env.asExternalUri(vscode.Uri.parse(url, true));
        await vscode.env.openExternal(external);
        return;
      }
    }
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function panelTitle(target: DetailsTarget): string {
  return target.kind === 'model' ? target.name : vscode.l10n.t('{0} v{1}', target.name, target.version);
}

class DetailsPanel {
  private readonly panel: vscode.WebviewPanel;
  private view: DetailsView | undefined;
  private inFlight: AbortController | undefined;
  private disposed = false;

  constructor(
    private current: DetailsTarget,
    private readonly host: PanelHost,
    onDispose: () => void,
  ) {
    const webviewRoot = vscode.Uri.joinPath(host.extensionUri, 'dist', 'webview');
    const mediaRoot = vscode.Uri.joinPath(host.extensionUri, 'media');
    const target = current;
    const title = panelTitle(target);
    this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [webviewRoot, mediaRoot],
    });
    this.panel.iconPath = vscode.Uri.joinPath(mediaRoot, 'mlflow-registry.svg');
    const webview = this.panel.webview;
    webview.html = detailsHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'details.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'details.css')).toString(),
      title,
      loadingText: vscode.l10n.t('Loading details…'),
      lang: vscode.env.language || 'en',
    });
    const subscription = webview.onDidReceiveMessage((raw) => void this.receive(raw));
    this.panel.onDidDispose(() => {
      this.disposed = true;
      this.inFlight?.abort();
      subscription.dispose();
      onDispose();
    });
  }

  get target(): DetailsTarget {
    return this.current;
  }

  /** The same model or version under a new name (a rename): new title, read again. */
  retarget(target: DetailsTarget): void {
    this.current = target;
    this.panel.title = panelTitle(target);
    this.refresh();
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** The registry changed: drop what was read and let the webview ask again. */
  refresh(): void {
    this.view = undefined;
    this.post({ type: 'refresh' });
  }

  dispose(): void {
    this.panel.dispose();
  }

  private post(message: HostToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.host.log.warn('details: ignored a malformed message from the webview');
      return;
    }
    try {
      switch (message.type) {
        case 'ready':
          this.post({ type: 'init', l10nBundle: vscode.l10n.bundle });
          return;
        case 'load':
          return await this.load(message.requestId, message.fresh);
        case 'open':
          return await this.host.open(message.link);
      }
    } catch (e) {
      this.host.log.error(`details: ${message.type} failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
    }
  }

  private async load(requestId: number, fresh: boolean): Promise<void> {
    if (this.view && !fresh) {
      this.post({ type: 'loaded', requestId, view: this.view });
      return;
    }
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const conn = this.host.connections.connection;
    if (!conn) {
      this.post({ type: 'failed', requestId, message: this.host.connections.problem ?? vscode.l10n.t('No MLflow registry is connected.') });
      return;
    }
    try {
      const data = await loadDetails(conn.client, this.target, { pageSize: this.host.pageSize(), signal: controller.signal });
      if (controller.signal.aborted) return;
      this.view = buildView(data, detailsText(), { aliases: this.host.aliases() });
      this.post({ type: 'loaded', requestId, view: this.view });
    } catch (e) {
      if (controller.signal.aborted) return;
      this.host.log.error(`details of ${targetKey(this.target)}: ${e instanceof Error ? e.message : e}`);
      this.post({ type: 'failed', requestId, message: describeError(e) });
    } finally {
      if (this.inFlight === controller) this.inFlight = undefined;
    }
  }
}

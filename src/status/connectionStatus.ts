import * as vscode from 'vscode';
import type { CapabilitiesService } from '../services/capabilities';
import type { ConnectionService } from '../services/connectionService';
import type { ReachabilityService } from '../services/reachability';
import { escapeMarkdown } from '../ui/markdown';

/** The status-bar item: the registry's host, where that choice came from, and whether it answers. */
export class ConnectionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mlflowRegistry.connection', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly connections: ConnectionService,
    private readonly reachability: ReachabilityService,
    private readonly capabilities?: CapabilitiesService,
  ) {
    this.item.name = vscode.l10n.t('MLflow Registry');
    this.subscriptions.push(
      connections.onDidChange(() => this.update()),
      reachability.onDidChange(() => this.update()),
    );
    if (capabilities) this.subscriptions.push(capabilities.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const conn = this.connections.connection;
    if (!conn) {
      this.item.text = `$(debug-disconnect) ${vscode.l10n.t('MLflow: not connected')}`;
      this.item.tooltip = vscode.l10n.t('No MLflow registry is configured. Click to connect.');
      this.item.command = 'mlflowRegistry.connect';
      this.item.backgroundColor = undefined;
      this.item.show();
      return;
    }
    // A server the extension started is named by the store it serves, not by its passing port.
    const host = conn.localStore ? vscode.l10n.t('{0} (local)', conn.localStore.label) : new URL(conn.url).host;
    const r = this.reachability.current;
    const tooltip = new vscode.MarkdownString('', true);
    tooltip.appendMarkdown(`**${vscode.l10n.t('MLflow registry')}:** `);
    tooltip.appendMarkdown(escapeMarkdown(conn.url));
    tooltip.appendMarkdown(`  \n**${vscode.l10n.t('From')}:** `);
    tooltip.appendMarkdown(escapeMarkdown(conn.source));
    tooltip.appendMarkdown('  \n');
    if (r.kind === 'reachable') {
      this.item.text = `$(database) ${host}`;
      tooltip.appendMarkdown(
        escapeMarkdown(r.serverVersion ? vscode.l10n.t('Reachable: MLflow {0}', r.serverVersion) : vscode.l10n.t('Reachable')),
      );
      this.item.backgroundColor = undefined;
    } else if (r.kind === 'unreachable') {
      this.item.text = `$(warning) ${host}`;
      tooltip.appendMarkdown(escapeMarkdown(vscode.l10n.t('Unreachable: {0}', r.message)));
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (r.kind === 'notSignedIn') {
      this.item.text = `$(lock) ${vscode.l10n.t('{0}: not signed in', host)}`;
      tooltip.appendMarkdown(escapeMarkdown(vscode.l10n.t('Not signed in: {0}', r.message)));
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      this.item.text = `$(sync~spin) ${host}`;
      tooltip.appendMarkdown(escapeMarkdown(vscode.l10n.t('Checking…')));
      this.item.backgroundColor = undefined;
    }
    const notice = this.capabilities?.notice;
    if (notice) tooltip.appendMarkdown(`  \n${escapeMarkdown(notice)}`);
    // Not signed in: a click asks for credentials again (Retry); otherwise it shows the log.
    if (r.kind === 'notSignedIn') tooltip.appendMarkdown(`  \n${escapeMarkdown(vscode.l10n.t('Click to sign in.'))}`);
    this.item.tooltip = tooltip;
    this.item.command = r.kind === 'notSignedIn' ? 'mlflowRegistry.retry' : 'mlflowRegistry.showLog';
    this.item.accessibilityInformation = { label: vscode.l10n.t('MLflow registry {0}', host) };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

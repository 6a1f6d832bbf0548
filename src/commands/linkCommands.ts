import * as vscode from 'vscode';
import type { RegisteredModel } from '../registry/types';
import { webUiUrl, type WebUiTarget } from '../registry/webUi';
import type { ConnectionService } from '../services/connectionService';
import { nodeId, type RegistryNode } from '../tree/nodes';
import { uriFormsFor, type UriForm } from './modelUriForms';
import { pickModelOrVersion } from '../ui/pickTarget';

/** openInBrowser and copyModelUri: act on a tree row, or ask for one from the palette. */
export class LinkCommands {
  constructor(
    private readonly connections: ConnectionService,
    private readonly modelNamed: (name: string) => RegisteredModel | undefined,
    private readonly pageSize: () => number,
    /** False when the server lacks model aliases: no `@alias` forms are offered. */
    private readonly aliasesShown: () => boolean = () => true,
  ) {}

  async openInBrowser(node?: RegistryNode): Promise<void> {
    const conn = this.requireConnection();
    const target = node ?? (await this.pick(vscode.l10n.t('Open in the MLflow Web UI')));
    if (!target) return;
    const page = toWebUiTarget(target);
    if (!page) return;
    const base =
      conn.resolved.kind === 'databricks'
        ? `${conn.url}/ml`
        : conn.resolved.trackingUri && /^https?:/i.test(conn.resolved.trackingUri.value)
          ? conn.resolved.trackingUri.value
          : conn.url;
    const external = await vscode.env.asExternalUri(vscode.Uri.parse(webUiUrl(base, page), true));
    await vscode.env.openExternal(external);
  }

  async copyModelUri(node?: RegistryNode): Promise<void> {
    this.requireConnection(); // says "connect first" and stops here when there is no registry
    const target = node ?? (await this.pick(vscode.l10n.t('Copy a models:/ URI')));
    if (!target) return;
    const model =
      target.kind === 'model'
        ? target.model
        : this.modelNamed(target.kind === 'version' ? target.version.name : target.kind === 'stageGroup' ? target.modelName : '');
    const forms = uriFormsFor(target, model, { aliases: this.aliasesShown() });
    if (!forms.length) return;
    const chosen = forms.length === 1 ? forms[0] : await this.choose(forms);
    if (!chosen) return;
    await vscode.env.clipboard.writeText(chosen.uri);
    vscode.window.setStatusBarMessage(`$(clippy) ${vscode.l10n.t('Copied {0}', chosen.uri)}`, 5000);
  }

  private async choose(forms: UriForm[]): Promise<UriForm | undefined> {
    const describe = (f: UriForm) => {
      switch (f.kind) {
        case 'version':
          return vscode.l10n.t('this exact version, whatever moves later');
        case 'stage':
          return vscode.l10n.t('follows the stage: the highest version in it');
        case 'alias':
          return vscode.l10n.t('follows the alias');
        case 'latest':
          return vscode.l10n.t('the highest version, in any stage');
      }
    };
    const pick = await vscode.window.showQuickPick(
      forms.map((f) => ({ label: f.uri, description: describe(f), form: f })),
      {
        title: vscode.l10n.t('Copy a models:/ URI'),
        placeHolder: vscode.l10n.t('Which URI? A version number never moves; a stage or an alias follows the registry.'),
      },
    );
    return pick?.form;
  }

  /** From the palette: the model or one of its versions, as the tree's row for it. */
  private async pick(title: string): Promise<RegistryNode | undefined> {
    const picked = await pickModelOrVersion(this.requireConnection().client, this.pageSize(), title);
    if (!picked) return undefined;
    const { model, version } = picked;
    if (!version) return { kind: 'model', id: nodeId.model(model.name), model };
    const aliases = model.aliases.filter((a) => a.version === version.version).map((a) => a.alias);
    return { kind: 'version', id: nodeId.version(model.name, version.version), version, aliases };
  }

  private requireConnection() {
    const conn = this.connections.connection;
    if (!conn) throw new Error(vscode.l10n.t('No MLflow registry is connected. Run "MLflow: Connect to a Registry…" first.'));
    return conn;
  }
}

function toWebUiTarget(node: RegistryNode): WebUiTarget | undefined {
  switch (node.kind) {
    case 'model':
      return { kind: 'model', name: node.model.name };
    case 'version':
      return { kind: 'version', name: node.version.name, version: node.version.version };
    case 'stageGroup':
      return { kind: 'model', name: node.modelName };
    default:
      return undefined;
  }
}

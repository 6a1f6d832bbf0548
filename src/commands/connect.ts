import * as os from 'node:os';
import * as vscode from 'vscode';
import { readTextFile } from '../connection';
import { redactUserInfo, trackingUriPrefill } from '../connection/uri';
import { type ConnectOption, detectConnectOptions } from '../connection/detect';
import type { Logger } from '../logging/logger';

interface Pick extends vscode.QuickPickItem {
  option?: ConnectOption;
  enter?: true;
}

/**
 * Offers what was detected (settings, MLflow variables, `~/.databrickscfg` profiles, a local
 * `mlflow.db` / `mlruns/` to serve with a started `mlflow server`) and "Enter a tracking URI…",
 * then writes `trackingUri`: workspace scope when a trusted folder is open, else user scope.
 */
export class ConnectCommand {
  constructor(
    private readonly log: Logger,
    private readonly reconnect: () => Promise<void>,
  ) {}

  async run(): Promise<void> {
    const picked = await this.pick();
    if (!picked) return;
    const value = picked.enter ? await this.askUri() : picked.option?.uri;
    if (value === undefined) return;
    await this.save(value);
  }

  private async pick(): Promise<Pick | undefined> {
    const config = vscode.workspace.getConfiguration('mlflowRegistry');
    const inspected = config.inspect<string>('trackingUri');
    const folders = vscode.workspace.isTrusted ? (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file') : [];
    const options = await detectConnectOptions({
      settings: { user: inspected?.globalValue, workspace: vscode.workspace.isTrusted ? inspected?.workspaceValue : undefined },
      env: process.env,
      platform: process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux',
      homeDir: os.homedir(),
      readFile: readTextFile,
      folders: folders.map((f) => f.uri.fsPath),
    });
    const inUse = config.get<string>('trackingUri')?.trim() || process.env.MLFLOW_TRACKING_URI?.trim();
    const items: Pick[] = [];
    for (const option of options) items.push(this.item(option, option.uri === inUse));
    if (items.length) items.unshift({ label: vscode.l10n.t('Detected'), kind: vscode.QuickPickItemKind.Separator });
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      {
        label: `$(edit) ${vscode.l10n.t('Enter a tracking URI…')}`,
        detail: vscode.l10n.t('An http(s) URL of an MLflow server, databricks://profile, or a local sqlite:///mlflow.db'),
        enter: true,
      },
    );
    return vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Connect to an MLflow Registry'),
      placeHolder: options.length
        ? vscode.l10n.t('Choose a registry, or enter a tracking URI')
        : vscode.l10n.t('Nothing detected: enter a tracking URI'),
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
  }

  private item(option: ConnectOption, current: boolean): Pick {
    const mark = current ? ` ${vscode.l10n.t('(in use)')}` : '';
    switch (option.kind) {
      case 'setting':
        return {
          label: `$(settings-gear) ${option.uri}`,
          description: (option.scope === 'user' ? vscode.l10n.t('User settings') : vscode.l10n.t('Workspace settings')) + mark,
          option,
        };
      case 'env':
        return { label: `$(terminal) ${option.uri}`, description: option.variable + mark, option };
      case 'databricksProfile':
        return {
          label: `$(cloud) ${option.uri}`,
          description: option.host + mark,
          detail: vscode.l10n.t('Profile {0} of {1}', option.profile, option.file),
          option,
        };
      case 'localStore':
        return {
          label: `$(server-process) ${vscode.l10n.t('Start a local MLflow server for {0}', option.store.label)}`,
          description: option.uri + mark,
          detail: vscode.l10n.t(
            "mlflow server with your Python (mlflowRegistry.pythonPath, else the Python extension's interpreter), on 127.0.0.1 while this window is open",
          ),
          option,
        };
    }
  }

  private async askUri(): Promise<string | undefined> {
    const setting = vscode.workspace.getConfiguration('mlflowRegistry').get<string>('trackingUri');
    const prefill = trackingUriPrefill(setting, process.env.MLFLOW_TRACKING_URI);
    const entered = await vscode.window.showInputBox({
      title: vscode.l10n.t('Connect to an MLflow Registry'),
      prompt: vscode.l10n.t(
        'The MLflow tracking URI: an http(s) URL of a tracking server, databricks://profile, or a local sqlite:///mlflow.db or mlruns folder to serve',
      ),
      placeHolder: 'http://127.0.0.1:5000',
      value: prefill.shown,
      ignoreFocusOut: true,
      validateInput: validateTrackingUri,
    });
    return entered === undefined ? undefined : prefill.toSave(entered);
  }

  private async save(value: string): Promise<void> {
    const uri = value.trim();
    // Workspace values of this restricted setting are ignored in Restricted Mode: the user's own choice goes to user settings there.
    const workspace = !!vscode.workspace.workspaceFolders?.length && vscode.workspace.isTrusted;
    const config = vscode.workspace.getConfiguration('mlflowRegistry');
    const before = config.get<string>('trackingUri')?.trim();
    await config.update('trackingUri', uri, workspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    this.log.info(`Connect: trackingUri set to ${redactUserInfo(uri)} in ${workspace ? 'workspace' : 'user'} settings.`);
    // The same value again changes no setting: connect anew all the same (the user asked to).
    if (before === uri) await this.reconnect();
  }
}

export function validateTrackingUri(value: string): string | undefined {
  const v = value.trim();
  if (!v) return vscode.l10n.t('Enter a tracking URI, for example http://127.0.0.1:5000');
  if (/^databricks(-uc)?(:\/\/[^/\s]*)?$/i.test(v)) return undefined;
  // Local stores: sqlite:///…, file:…, or a path (./mlruns, /abs/mlruns, C:\mlruns). A bare word is more likely a host.
  if (/^sqlite:\/\/\/./i.test(v) || /^file:./i.test(v) || /^\.{0,2}[\\/]/.test(v) || /^[a-z]:[\\/]/i.test(v)) return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      return vscode.l10n.t('Use an http:// or https:// URL, databricks://profile, or sqlite:///mlflow.db');
    if (u.username || u.password)
      return vscode.l10n.t('Leave credentials out of the URI: the extension asks for them and keeps them in secret storage.');
    return undefined;
  } catch {
    return vscode.l10n.t('{0} is not a URL. Use http://host:port, https://host or databricks://profile', v);
  }
}

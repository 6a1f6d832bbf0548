import * as vscode from 'vscode';
import * as actions from '../../lifecycle/actions';
import { messages } from '../../registry/errorMessages';
import { aliasProblem } from '../../registry/inputRules';
import type { ManageSession } from './session';
import { subjectTarget, versionsTarget } from './targets';
import { isReady } from './transition';

interface AliasItem extends vscode.QuickPickItem {
  alias?: string;
}

/** An alias's problem as a sentence for an input box, or undefined when MLflow would take it. */
export function aliasInputProblem(value: string): string | undefined {
  const p = aliasProblem(value.trim());
  return p ? vscode.l10n.t(messages[p.messageId], p.params) : undefined;
}

/** setAlias (suggesting the model's aliases; moving one says from where) and deleteAlias. */
export class AliasCommands {
  constructor(private readonly session: ManageSession) {}

  async setAlias(...args: unknown[]): Promise<void> {
    const target = await versionsTarget(this.session, 'mlflowRegistry.setAlias', args, vscode.l10n.t('Set an Alias'), isReady);
    const version = target?.versions[0];
    if (!target || !version) return;
    const client = this.session.client();
    const model = await client.models.get(target.model);
    const newItem: AliasItem = { label: `$(add) ${vscode.l10n.t('New alias…')}` };
    const existing: AliasItem[] = model.aliases
      .filter((a) => a.version !== version.version)
      .map((a) => ({
        label: `@${a.alias}`,
        description: vscode.l10n.t('on version {0} now: moves it to version {1}', a.version, version.version),
        alias: a.alias,
      }));
    let alias: string | undefined;
    if (existing.length) {
      const picked = await vscode.window.showQuickPick([newItem, ...existing], {
        title: vscode.l10n.t('Alias for version {0} of {1}', version.version, target.model),
        placeHolder: vscode.l10n.t('A new alias, or move one of the model’s aliases here'),
        matchOnDescription: true,
      });
      if (!picked) return;
      alias = picked.alias;
    }
    alias ??= (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('New alias for version {0} of {1}', version.version, target.model),
        prompt: vscode.l10n.t(
          'Letters, digits, "_" and "-"; for example champion or challenger. Load it as models:/{0}@<alias>.',
          target.model,
        ),
        ignoreFocusOut: true,
        validateInput: aliasInputProblem,
      })
    )?.trim();
    if (!alias) return;
    const from = model.aliases.find((a) => a.alias === alias)?.version;
    const name = alias;
    const change = await this.session.write(target.model, vscode.l10n.t('Setting @{0}…', name), () =>
      actions.setAlias(client, target.model, name, version.version),
    );
    const reveal = { model: target.model, version: version.version };
    await this.session.showChange([target.model], reveal);
    this.session.offerUndo(
      from && from !== version.version
        ? vscode.l10n.t('Moved @{0} of {1} from version {2} to version {3}.', name, target.model, from, version.version)
        : vscode.l10n.t('@{0} of {1} now points to version {2}.', name, target.model, version.version),
      change,
      reveal,
    );
  }

  async deleteAlias(...args: unknown[]): Promise<void> {
    const target = await subjectTarget(this.session, 'mlflowRegistry.deleteAlias', args, vscode.l10n.t('Delete an Alias'));
    if (!target) return;
    const model = target.model;
    const candidates = model.aliases.filter((a) => !target.version || a.version === target.version.version);
    if (!candidates.length) {
      void vscode.window.showInformationMessage(
        target.version
          ? vscode.l10n.t('No alias points to version {0} of {1}.', target.version.version, model.name)
          : vscode.l10n.t('{0} has no aliases.', model.name),
      );
      return;
    }
    const picked =
      candidates.length === 1
        ? candidates[0]
        : (
            await vscode.window.showQuickPick(
              candidates.map((a) => ({ label: `@${a.alias}`, description: vscode.l10n.t('version {0}', a.version), a })),
              { title: vscode.l10n.t('Delete an alias of {0}', model.name) },
            )
          )?.a;
    if (!picked) return;
    const client = this.session.client();
    const change = await this.session.write(model.name, vscode.l10n.t('Deleting @{0}…', picked.alias), () =>
      actions.deleteAlias(client, model.name, picked.alias),
    );
    const reveal = { model: model.name, version: picked.version };
    await this.session.showChange([model.name], reveal);
    this.session.offerUndo(
      vscode.l10n.t('Deleted @{0} of {1} (it pointed to version {2}).', picked.alias, model.name, picked.version),
      change,
      reveal,
    );
  }
}

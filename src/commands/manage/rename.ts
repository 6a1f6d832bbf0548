import * as vscode from 'vscode';
import * as actions from '../../lifecycle/actions';
import type { ManageSession } from './session';
import { modelTarget } from './targets';

/** renameModel: the new name must be free (checked before renaming); the tree's expansion and selection follow. */
export class RenameCommand {
  constructor(private readonly session: ManageSession) {}

  async rename(...args: unknown[]): Promise<void> {
    const model = await modelTarget(this.session, 'mlflowRegistry.renameModel', args, vscode.l10n.t('Rename a Model'));
    if (!model) return;
    const client = this.session.client();
    const newName = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Rename {0}', model.name),
        value: model.name,
        prompt: vscode.l10n.t('Scripts that load models:/{0}/… must use the new name afterwards.', model.name),
        ignoreFocusOut: true,
        validateInput: (v) => {
          const name = v.trim();
          if (!name) return vscode.l10n.t('Enter the new name.');
          if (name === model.name) return vscode.l10n.t('That is the current name.');
          if (/[/:]/.test(name)) return vscode.l10n.t('A model name cannot contain "/" or ":".');
          return undefined;
        },
      })
    )?.trim();
    if (!newName || newName === model.name) return;
    const change = await this.session.write(model.name, vscode.l10n.t('Renaming {0}…', model.name), () =>
      actions.rename(client, model.name, newName),
    );
    this.session.followRename(model.name, newName);
    await this.session.showChange([model.name, newName], { model: newName });
    this.session.offerUndo(vscode.l10n.t('Renamed {0} to {1}.', model.name, newName), change, { model: newName });
  }
}

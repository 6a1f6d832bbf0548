import * as vscode from 'vscode';
import * as actions from '../../lifecycle/actions';
import { stageLabel } from '../../ui/labels';
import type { ManageSession } from './session';
import { modelTarget, versionList, versionsTarget } from './targets';

/**
 * deleteVersion and deleteModel: nothing is deleted without a modal confirmation that names
 * exactly what goes (stages, aliases) and says it cannot be undone; a model's name must be typed.
 */
export class DeleteCommands {
  constructor(private readonly session: ManageSession) {}

  async deleteVersions(...args: unknown[]): Promise<void> {
    const target = await versionsTarget(this.session, 'mlflowRegistry.deleteVersion', args, vscode.l10n.t('Delete Versions'));
    if (!target?.versions.length) return;
    const client = this.session.client();
    const numbers = target.versions.map((v) => v.version);
    const facts = await actions.versionDeletion(client, target.model, numbers);
    const lines = facts.map((f) => {
      const parts = [vscode.l10n.t('Version {0}', f.version)];
      if (f.stage === 'Production' || f.stage === 'Staging') parts.push(vscode.l10n.t('in {0}', stageLabel(f.stage)));
      if (f.aliases.length) parts.push(vscode.l10n.t('alias {0} points to it and goes too', f.aliases.map((a) => `@${a}`).join(', ')));
      return `• ${parts.join(' · ')}`;
    });
    const deleteLabel = vscode.l10n.t('Delete');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete {0} of {1}?', versionList(facts), target.model),
      {
        modal: true,
        detail: `${lines.join('\n')}\n\n${vscode.l10n.t('This cannot be undone: the version numbers are never reused, and scripts loading them will fail.')}`,
      },
      deleteLabel,
    );
    if (choice !== deleteLabel) return;
    await this.session.write(target.model, vscode.l10n.t('Deleting {0}…', versionList(facts)), () =>
      actions.deleteVersions(client, target.model, numbers),
    );
    await this.session.showChange([target.model], { model: target.model });
    void vscode.window.showInformationMessage(vscode.l10n.t('Deleted {0} of {1}.', versionList(facts), target.model));
  }

  async deleteModel(...args: unknown[]): Promise<void> {
    const model = await modelTarget(this.session, 'mlflowRegistry.deleteModel', args, vscode.l10n.t('Delete a Registered Model'));
    if (!model) return;
    const client = this.session.client();
    const facts = await actions.modelDeletion(client, model.name);
    const lines = [
      facts.versionCount === 0
        ? vscode.l10n.t('It has no versions.')
        : facts.versionCount === 1
          ? vscode.l10n.t('Its one version and every alias go with it.')
          : vscode.l10n.t('All {0} versions and every alias go with it.', facts.versionCount),
    ];
    for (const a of facts.active) lines.push(`• ${vscode.l10n.t('Version {0} is in {1}', a.version, stageLabel(a.stage))}`);
    for (const a of facts.aliases) lines.push(`• ${vscode.l10n.t('@{0} points to version {1}', a.alias, a.version)}`);
    lines.push('', vscode.l10n.t('This cannot be undone: scripts loading models:/{0}/… will fail.', model.name));
    const goOn = vscode.l10n.t('Continue…');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete the registered model {0}?', model.name),
      { modal: true, detail: lines.join('\n') },
      goOn,
    );
    if (choice !== goOn) return;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Delete {0}: type its name to confirm', model.name),
      prompt: vscode.l10n.t('Type {0} to delete it with all its versions and aliases. This cannot be undone.', model.name),
      ignoreFocusOut: true,
      validateInput: (v) => (v === model.name ? undefined : vscode.l10n.t('Type the model’s name exactly: {0}', model.name)),
    });
    if (typed !== model.name) return;
    await this.session.write(model.name, vscode.l10n.t('Deleting {0}…', model.name), () => actions.deleteModel(client, model.name));
    await this.session.showChange([model.name]);
    void vscode.window.showInformationMessage(vscode.l10n.t('Deleted the registered model {0}.', model.name));
  }
}

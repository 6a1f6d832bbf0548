import * as vscode from 'vscode';
import * as actions from '../../lifecycle/actions';
import { messages } from '../../registry/errorMessages';
import { tagKeyProblem, tagValueProblem } from '../../registry/inputRules';
import type { Tag } from '../../registry/types';
import type { ManageSession } from './session';
import { subjectTarget } from './targets';

interface TagItem extends vscode.QuickPickItem {
  tag?: Tag;
}

const sentence = (p: ReturnType<typeof tagKeyProblem>) => (p ? vscode.l10n.t(messages[p.messageId], p.params) : undefined);

/** setTag (an existing key shows its value to edit) and deleteTag, on models and versions. */
export class TagCommands {
  constructor(private readonly session: ManageSession) {}

  async setTag(...args: unknown[]): Promise<void> {
    const target = await subjectTarget(this.session, 'mlflowRegistry.setTag', args, vscode.l10n.t('Set a Tag'));
    if (!target) return;
    const where = target.version ? vscode.l10n.t('version {0} of {1}', target.version.version, target.model.name) : target.model.name;
    const tags = target.version ? target.version.tags : target.model.tags;
    let tag: Tag | undefined;
    if (tags.length) {
      const picked = await vscode.window.showQuickPick<TagItem>(
        [{ label: `$(add) ${vscode.l10n.t('New tag…')}` }, ...tags.map((t) => ({ label: t.key, description: t.value, tag: t }))],
        { title: vscode.l10n.t('Tag {0}', where), placeHolder: vscode.l10n.t('A new tag, or one to edit'), matchOnDescription: true },
      );
      if (!picked) return;
      tag = picked.tag;
    }
    const key =
      tag?.key ??
      (
        await vscode.window.showInputBox({
          title: vscode.l10n.t('Tag key for {0}', where),
          prompt: vscode.l10n.t('Letters, digits, spaces and _ - . / : for example team or validation/status'),
          ignoreFocusOut: true,
          validateInput: (v) => sentence(tagKeyProblem(v.trim())),
        })
      )?.trim();
    if (key === undefined || key === '') return;
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Value of {0} on {1}', key, where),
      value: tag?.value ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => sentence(tagValueProblem(v)),
    });
    if (value === undefined) return;
    const subject = { model: target.model.name, version: target.version?.version };
    const client = this.session.client();
    const change = await this.session.write(subject.model, vscode.l10n.t('Setting the tag {0}…', key), () =>
      actions.setTag(client, subject, key, value),
    );
    const reveal = { model: subject.model, version: subject.version };
    await this.session.showChange([subject.model], reveal);
    this.session.offerUndo(vscode.l10n.t('Tagged {0}: {1} = {2}.', where, key, value), change, reveal);
  }

  async deleteTag(...args: unknown[]): Promise<void> {
    const target = await subjectTarget(this.session, 'mlflowRegistry.deleteTag', args, vscode.l10n.t('Delete a Tag'));
    if (!target) return;
    const where = target.version ? vscode.l10n.t('version {0} of {1}', target.version.version, target.model.name) : target.model.name;
    const tags = target.version ? target.version.tags : target.model.tags;
    if (!tags.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no tags.', where));
      return;
    }
    const picked =
      tags.length === 1
        ? tags[0]
        : (
            await vscode.window.showQuickPick(
              tags.map((t) => ({ label: t.key, description: t.value, t })),
              { title: vscode.l10n.t('Delete a tag of {0}', where), matchOnDescription: true },
            )
          )?.t;
    if (!picked) return;
    const subject = { model: target.model.name, version: target.version?.version };
    const client = this.session.client();
    const change = await this.session.write(subject.model, vscode.l10n.t('Deleting the tag {0}…', picked.key), () =>
      actions.deleteTag(client, subject, picked.key),
    );
    const reveal = { model: subject.model, version: subject.version };
    await this.session.showChange([subject.model], reveal);
    this.session.offerUndo(vscode.l10n.t('Deleted the tag {0} ({1}) of {2}.', picked.key, picked.value, where), change, reveal);
  }
}

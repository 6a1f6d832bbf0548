import * as vscode from 'vscode';
import type { DescriptionStore } from '../../descriptions/fileSystem';
import { descriptionUri, subjectLabel } from '../../descriptions/uri';
import * as actions from '../../lifecycle/actions';
import type { ManageSession } from './session';
import { subjectTarget } from './targets';

/**
 * editDescription opens a model's or version's description as a Markdown document (the
 * description file system); saving it comes back here, so a save does what every managing
 * command does: progress, the model's row and open details panels refresh, Undo offered.
 */
export class DescriptionCommands implements DescriptionStore {
  constructor(private readonly session: ManageSession) {}

  async edit(...args: unknown[]): Promise<void> {
    const target = await subjectTarget(this.session, 'mlflowRegistry.editDescription', args, vscode.l10n.t('Edit a Description'));
    if (!target) return;
    const doc = await vscode.workspace.openTextDocument(descriptionUri({ model: target.model.name, version: target.version?.version }));
    // The ".md" file name makes it Markdown already, unless the user associated it otherwise.
    const markdown = doc.languageId === 'markdown' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(markdown, { preview: false });
  }

  read(subject: actions.Subject): Promise<string> {
    return actions.description(this.session.client(), subject);
  }

  async save(subject: actions.Subject, text: string, options: { expected?: string; quiet: boolean }): Promise<void> {
    const client = this.session.client();
    const where = subjectLabel(subject);
    const change = await this.session.write(subject.model, vscode.l10n.t('Saving the description of {0}…', where), () =>
      actions.editDescription(client, subject, text, { expected: options.expected }),
    );
    // The editor's save is done here; the tree, the panels and the Undo offer follow without holding it up.
    const reveal = { model: subject.model, version: subject.version };
    void this.session
      .showChange([subject.model], reveal)
      .then(undefined, (e: unknown) => this.session.log.warn(`refreshing after saving the description of ${where}: ${String(e)}`))
      .then(() => {
        if (change.fields.length && !options.quiet)
          this.session.offerUndo(vscode.l10n.t('Saved the description of {0}.', where), change, reveal);
      });
  }
}

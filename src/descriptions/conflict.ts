import * as vscode from 'vscode';
import type { Subject } from '../lifecycle/actions';
import type { Logger } from '../logging/logger';
import { Snapshots } from './snapshots';
import { subjectLabel } from './uri';

/**
 * The choice after a save was refused because someone else changed the description: a
 * notification, not a modal dialog, and not awaited by the save (VS Code already keeps the
 * document dirty and shows why). Compare opens theirs (a frozen snapshot) against yours and
 * asks again; Overwrite saves yours over theirs; Keep Editing does nothing, so the next save
 * checks again.
 *
 * One question per document at a time: with auto save on, every pause in typing saves and is
 * refused again, and the question already on screen stays the one to answer (its Compare shows
 * the newest of their texts).
 */
export class ConflictPrompts {
  readonly snapshots = new Snapshots();
  /** Per document: the newest snapshot of theirs while a question is open. */
  private readonly open = new Map<string, vscode.Uri>();

  constructor(
    /** Saves the document over the registry's text (the check skipped once). */
    private readonly overwrite: (uri: vscode.Uri) => Promise<void>,
    private readonly log: Logger,
  ) {}

  refused(yours: vscode.Uri, subject: Subject, theirs: string): void {
    const key = yours.toString();
    const asking = this.open.has(key);
    this.open.set(key, this.snapshots.add(subject, theirs));
    if (!asking) this.ask(yours, subjectLabel(subject));
  }

  private ask(yours: vscode.Uri, where: string): void {
    const key = yours.toString();
    const compare = vscode.l10n.t('Compare');
    const overwrite = vscode.l10n.t('Overwrite');
    const keep = vscode.l10n.t('Keep Editing');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t('Someone else changed the description of {0} since you opened it. Your text is not saved yet.', where),
        compare,
        overwrite,
        keep,
      )
      .then(async (choice) => {
        const theirs = this.open.get(key);
        if (choice === compare && theirs) {
          await vscode.commands.executeCommand('vscode.diff', theirs, yours, vscode.l10n.t('{0}: theirs (registry) ↔ yours', where));
          this.ask(yours, where);
          return;
        }
        this.open.delete(key);
        if (choice === overwrite) await this.overwrite(yours);
      })
      .then(undefined, (e: unknown) => {
        this.open.delete(key);
        this.log.warn(`after a refused save of the description of ${where}: ${String(e)}`);
      });
  }
}

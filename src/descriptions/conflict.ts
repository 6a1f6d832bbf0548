import * as vscode from 'vscode';
import type { Logger } from '../logging/logger';

/** What the user can do about a refused save, besides nothing. */
export interface ConflictActions {
  /** Saves the document over the registry's text (the check is skipped once). */
  overwrite(): Promise<void>;
}

/**
 * The choice after a save was refused because someone else changed the description: a
 * notification, not a modal dialog, and not awaited by the save (VS Code already keeps the
 * document dirty and shows why). Compare opens theirs (a frozen snapshot) against yours and
 * asks again; Keep Editing does nothing, so the next Ctrl+S checks again.
 */
export function offerConflictChoices(where: string, theirs: vscode.Uri, yours: vscode.Uri, actions: ConflictActions, log: Logger): void {
  const compare = vscode.l10n.t('Compare');
  const overwrite = vscode.l10n.t('Overwrite');
  const keep = vscode.l10n.t('Keep Editing');
  const ask = (): void => {
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t('Someone else changed the description of {0} since you opened it. Your text is not saved yet.', where),
        compare,
        overwrite,
        keep,
      )
      .then(async (choice) => {
        if (choice === compare) {
          await vscode.commands.executeCommand('vscode.diff', theirs, yours, vscode.l10n.t('{0}: theirs (registry) ↔ yours', where));
          ask();
        } else if (choice === overwrite) {
          await actions.overwrite();
        }
      })
      .then(undefined, (e: unknown) => log.warn(`after a refused save of the description of ${where}: ${String(e)}`));
  };
  ask();
}

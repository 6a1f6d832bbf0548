import * as vscode from 'vscode';
import type { Logger } from '../logging/logger';
import { describeError } from '../ui/describeError';
import { isRegistryError } from '../registry/errors';
import { CommandArgumentError } from './args';

export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * Runs one command's work: the call is logged, a failure becomes one short error message with
 * a "Show Log" action, and nothing throws into VS Code (or into a drag and drop).
 */
export async function runCommand(id: string, work: () => unknown, log: Logger): Promise<unknown> {
  log.debug(`command ${id}`);
  try {
    return await work();
  } catch (e) {
    if (isRegistryError(e) && e.kind === 'cancelled') return undefined;
    if (e instanceof CommandArgumentError) {
      // Another extension or a keybinding's args passed something else: say so, do nothing.
      log.warn(e.message);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('{0} was given {1}; it takes {2}, or nothing (then it asks).', e.command, e.received, e.expected),
      );
      return undefined;
    }
    log.error(`${id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showErrorMessage(describeError(e), showLog).then((choice) => {
      if (choice === showLog) log.show();
    });
    return undefined;
  }
}

/** Registers a command table, every entry through runCommand. */
export function registerCommands(table: Record<string, CommandHandler>, log: Logger): vscode.Disposable[] {
  return Object.entries(table).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(id, () => handler(...args), log)),
  );
}

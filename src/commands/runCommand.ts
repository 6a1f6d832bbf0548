import * as vscode from 'vscode';
import type { Logger } from '../logging/logger';
import { describeError } from '../ui/describeError';
import { isRegistryError } from '../registry/errors';
import { CommandArgumentError } from './args';

export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * Registers a command table through one wrapper: each call is logged, failures become one
 * short error message with a "Show Log" action, and nothing throws into VS Code.
 */
export function registerCommands(table: Record<string, CommandHandler>, log: Logger): vscode.Disposable[] {
  return Object.entries(table).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      log.debug(`command ${id}`);
      try {
        return await handler(...args);
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
        log.error(`${id} failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
        const showLog = vscode.l10n.t('Show Log');
        void vscode.window.showErrorMessage(describeError(e), showLog).then((choice) => {
          if (choice === showLog) log.show();
        });
        return undefined;
      }
    }),
  );
}

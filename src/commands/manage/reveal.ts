import * as vscode from 'vscode';
import { pickModelOrVersion } from '../../ui/pickTarget';
import { CommandArgumentError } from '../args';
import type { ManageSession } from './session';

/** `revealVersion("model", "2")` or `revealVersion({ name, version })`, as other commands and links call it. */
function parseArgs(args: readonly unknown[]): { model: string; version: string } | undefined {
  const [a, b] = args;
  if (a === undefined) return undefined;
  if (typeof a === 'string' && (typeof b === 'string' || typeof b === 'number')) return { model: a, version: String(b) };
  if (typeof a === 'object' && a !== null) {
    const o = a as Record<string, unknown>;
    const version = typeof o.version === 'number' ? String(o.version) : o.version;
    if (typeof o.name === 'string' && typeof version === 'string') return { model: o.name, version };
  }
  throw new CommandArgumentError(
    'mlflowRegistry.revealVersion',
    typeof a === 'object' ? 'an object without name and version' : `a ${typeof a}`,
    'a model name and a version number',
  );
}

/** revealVersion: expands the Models view to a version (loading version pages as needed) and selects it. */
export class RevealCommand {
  constructor(private readonly session: ManageSession) {}

  async reveal(...args: unknown[]): Promise<void> {
    let target = parseArgs(args);
    if (!target) {
      const picked = await pickModelOrVersion(this.session.client(), this.session.pageSize(), vscode.l10n.t('Reveal a Version'), {
        want: 'version',
      });
      if (!picked?.version) return;
      target = { model: picked.model.name, version: picked.version.version };
    }
    await vscode.commands.executeCommand('mlflowRegistry.models.focus');
    if (!(await this.session.models.revealVersion(target.model, target.version, { focus: true }))) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Version {0} of {1} is not in the Models view: the model may be filtered out, on a later page of models, or the version may not exist.',
          target.version,
          target.model,
        ),
      );
    }
  }
}

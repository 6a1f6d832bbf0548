import * as vscode from 'vscode';
import type { Change, FieldChange } from '../../lifecycle/changes';
import { modelsOf } from '../../lifecycle/changes';
import { canUndo, undo } from '../../lifecycle/undo';
import type { Logger } from '../../logging/logger';
import type { RegistryClient } from '../../registry/client';
import type { ConnectionService } from '../../services/connectionService';
import type { ModelsView } from '../../tree/modelsView';
import { stageLabel } from '../../ui/labels';

/** Open details panels: refreshed after a change, and following a renamed model. */
export interface DetailsRefresher {
  refresh(): void;
}

/**
 * What every managing command shares: the client of the connected registry, showing the
 * result of a change in the tree (only the affected models refresh; the changed version is
 * revealed and selected; open details panels refresh) and the Undo button.
 */
export class ManageSession {
  constructor(
    private readonly connections: ConnectionService,
    readonly models: ModelsView,
    private readonly details: DetailsRefresher,
    readonly log: Logger,
    readonly pageSize: () => number,
    /** False on a server without model aliases. */
    readonly aliases: () => boolean,
  ) {}

  /** The connected registry's client; says "connect first" and stops when there is none. */
  client(): RegistryClient {
    const client = this.connections.connection?.client;
    if (!client) throw new Error(vscode.l10n.t('Connect to an MLflow registry first.'));
    return client;
  }

  /**
   * Runs a write on `model` with progress; whatever happens, the model's row is read again
   * afterwards, so the tree never shows what the server no longer has.
   */
  async write<T>(model: string, title: string, work: () => Promise<T>): Promise<T> {
    try {
      return await vscode.window.withProgress({ location: { viewId: 'mlflowRegistry.models' }, title }, work);
    } catch (e) {
      await this.refreshModels([model]).catch((r: unknown) => this.log.warn(`refreshing ${model} after a failure: ${String(r)}`));
      throw e;
    }
  }

  /** Reads the models again (a model not listed yet, e.g. a new name, refreshes the whole list). */
  async refreshModels(names: string[]): Promise<void> {
    let all = false;
    for (const name of names) all = !(await this.models.tree.refreshModel(name)) || all;
    if (all) await this.models.tree.refresh();
    this.details.refresh();
  }

  /** After a change: refresh what it touched, reveal and select the version it was about. */
  async showChange(models: string[], reveal?: { model: string; version?: string }): Promise<void> {
    await this.refreshModels(models);
    if (!reveal) return;
    const shown =
      reveal.version === undefined
        ? await this.models.revealModel(reveal.model)
        : await this.models.revealVersion(reveal.model, reveal.version);
    if (!shown)
      this.log.debug(
        `${reveal.model}${reveal.version ? ` v${reveal.version}` : ''} is not listed in the Models view (filtered, or on a later page).`,
      );
  }

  /**
   * The notification after an undoable action, with an Undo button. Undo first checks that
   * every field is still as the action left it; if not, nothing changes and the field is named.
   */
  offerUndo(message: string, change: Change, reveal?: { model: string; version?: string }): void {
    if (!canUndo(change)) {
      void vscode.window.showInformationMessage(message);
      return;
    }
    const undoLabel = vscode.l10n.t('Undo');
    void vscode.window.showInformationMessage(message, undoLabel).then(async (choice) => {
      if (choice !== undoLabel) return;
      try {
        const client = this.client();
        const models = modelsOf(change);
        const outcome = await this.write(models[0] ?? '', vscode.l10n.t('Undoing…'), () => undo(client, change));
        // A rename's undo brings the old name back: refresh under both names.
        const names = [...new Set([...models, ...change.fields.flatMap((f) => (f.field === 'name' ? [f.before] : []))])];
        await this.showChange(names, reveal && outcome.kind === 'undone' ? undoneReveal(change, reveal) : undefined);
        if (outcome.kind === 'undone') {
          void vscode.window.showInformationMessage(vscode.l10n.t('Undone: {0}', message));
        } else {
          void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was undone: {0}', describeConflict(outcome.field, outcome.now)));
        }
      } catch (e) {
        this.log.error(`Undo failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Undo failed: {0}', e instanceof Error ? e.message : String(e)));
      }
    });
  }
}

/** After undoing a rename the model has its old name again. */
function undoneReveal(change: Change, reveal: { model: string; version?: string }): { model: string; version?: string } {
  const renamed = change.fields.find((f) => f.field === 'name');
  return renamed?.field === 'name' && renamed.after === reveal.model ? { ...reveal, model: renamed.before } : reveal;
}

const shownValue = (v: string | undefined) => v ?? vscode.l10n.t('(none)');

/** One sentence on the field someone changed since the action, and to what. */
export function describeConflict(f: FieldChange, now: string | undefined): string {
  switch (f.field) {
    case 'stage':
      return vscode.l10n.t(
        'version {0} of {1} is in {2} now, not in {3} as the action left it; someone changed it since.',
        f.version,
        f.model,
        now ? stageLabel(now as never) : vscode.l10n.t('(deleted)'),
        stageLabel(f.after),
      );
    case 'alias':
      return vscode.l10n.t(
        '@{0} of {1} points to version {2} now, not {3} as the action left it; someone changed it since.',
        f.alias,
        f.model,
        shownValue(now),
        shownValue(f.after),
      );
    case 'tag':
      return vscode.l10n.t(
        'the tag {0} is "{1}" now, not "{2}" as the action left it; someone changed it since.',
        f.key,
        shownValue(now),
        shownValue(f.after),
      );
    case 'description':
      return vscode.l10n.t(
        'the description of {0} changed since; your edit is no longer the text there.',
        f.version ? `${f.model} v${f.version}` : f.model,
      );
    case 'name':
      return vscode.l10n.t('the model is no longer named {0}, or the name {1} was taken again since.', f.after, f.before);
  }
}

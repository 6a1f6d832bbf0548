import * as vscode from 'vscode';
import type { Change, FieldChange } from '../../lifecycle/changes';
import { modelsOf } from '../../lifecycle/changes';
import { canUndo, undo } from '../../lifecycle/undo';
import type { Logger } from '../../logging/logger';
import type { RegistryClient } from '../../registry/client';
import type { ConnectionService } from '../../services/connectionService';
import type { ModelsView } from '../../tree/modelsView';
import { describeError } from '../../ui/describeError';
import { stageLabel } from '../../ui/labels';

/** Open details panels: those of the models a change touched read again. */
export interface DetailsRefresher {
  refreshModels(names: readonly string[]): void;
}

/** What follows a model to its new name (open panels, description documents). */
export interface RenameFollower {
  followRename(oldName: string, newName: string): void;
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

  private readonly renameFollowers: RenameFollower[] = [];

  /** Registers what follows a renamed model (built after the session: the description documents need it). */
  followRenamesWith(...followers: RenameFollower[]): void {
    this.renameFollowers.push(...followers);
  }

  /** A model has a new name (a rename, or its Undo): expansion, panels and documents follow it. */
  followRename(oldName: string, newName: string): void {
    this.models.tree.followRename(oldName, newName);
    for (const f of this.renameFollowers) f.followRename(oldName, newName);
  }

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
    this.details.refreshModels(names);
  }

  /**
   * After a change: refresh what it touched, reveal and select the version it was about. The
   * change is made by then, so a failure here is logged, never reported as the change failing
   * (which would also lose its Undo).
   */
  async showChange(models: string[], reveal?: { model: string; version?: string }): Promise<void> {
    try {
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
    } catch (e) {
      this.log.warn(`The change is made; showing it in the Models view failed: ${e instanceof Error ? e.message : String(e)}`);
    }
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
    // Undo belongs to the registry the change was made in, whatever is connected when it is clicked.
    const client = this.client();
    const undoLabel = vscode.l10n.t('Undo');
    void vscode.window.showInformationMessage(message, undoLabel).then(async (choice) => {
      if (choice !== undoLabel) return;
      if (this.connections.connection?.client !== client) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Nothing was undone: the change was made in another registry connection than the one in use now.'),
        );
        return;
      }
      try {
        const models = modelsOf(change);
        const outcome = await this.write(models[0] ?? '', vscode.l10n.t('Undoing…'), () => undo(client, change));
        // A rename's undo brings the old name back: panels and documents follow, both names are read again.
        const renames = change.fields.flatMap((f) => (f.field === 'name' && outcome.kind === 'undone' ? [f] : []));
        for (const r of renames) this.followRename(r.after, r.before);
        const names = [...new Set([...models, ...renames.map((r) => r.before)])];
        await this.showChange(names, reveal && outcome.kind === 'undone' ? undoneReveal(change, reveal) : undefined);
        if (outcome.kind === 'undone') {
          void vscode.window.showInformationMessage(vscode.l10n.t('Undone: {0}', message));
        } else {
          void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was undone: {0}', describeConflict(outcome.field, outcome.now)));
        }
      } catch (e) {
        this.log.error(`Undo failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        const showLog = vscode.l10n.t('Show Log');
        void vscode.window.showErrorMessage(vscode.l10n.t('Undo failed: {0}', describeError(e)), showLog).then((c) => {
          if (c === showLog) this.log.show();
        });
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

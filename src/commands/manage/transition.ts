import * as vscode from 'vscode';
import * as actions from '../../lifecycle/actions';
import { STAGES, type ModelVersion, type Stage } from '../../registry/types';
import type { VersionsDrop } from '../../tree/dragAndDrop';
import { stageLabel } from '../../ui/labels';
import type { ManageSession } from './session';
import { versionList, versionsTarget } from './targets';

/** Only a registered version (READY) moves: pending and failed ones have nothing to serve. */
export const isReady = (v: ModelVersion) => v.status === 'READY';

function notReady(v: ModelVersion): void {
  void vscode.window.showWarningMessage(
    v.status === 'PENDING_REGISTRATION'
      ? vscode.l10n.t('Version {0} of {1} is still registering: it can change stage once it is ready.', v.version, v.name)
      : vscode.l10n.t('Version {0} of {1} failed to register, so it cannot change stage: {2}', v.version, v.name, v.statusMessage ?? ''),
  );
}

interface StageItem extends vscode.QuickPickItem {
  stage: Stage;
}

interface ArchiveItem extends vscode.QuickPickItem {
  archive: boolean;
}

/** transitionStage (menu, palette, or a drop on a stage group) and archiveVersion. */
export class TransitionCommands {
  constructor(private readonly session: ManageSession) {}

  async transition(...args: unknown[]): Promise<void> {
    const target = await versionsTarget(
      this.session,
      'mlflowRegistry.transitionStage',
      args,
      vscode.l10n.t('Transition a Version'),
      isReady,
    );
    const row = target?.versions[0];
    if (!target || !row) return;
    // The row may be older than the server: offer the stages the version is not in now.
    const version = await this.session.client().versions.get(target.model, row.version);
    if (!isReady(version)) return notReady(version);
    const stage = await this.pickStage(target.model, version);
    if (!stage) return;
    await this.run(target.model, version, stage);
  }

  /** A version dropped on a stage group: the same question as from the menu; another model's group is refused. */
  async drop(drop: VersionsDrop): Promise<void> {
    const version = drop.versions[0];
    if (drop.versions.some((v) => v.version.name !== drop.target.modelName)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Version {0} of {1} cannot move into a stage of {2}: drop it on a stage of its own model.',
          version.version.version,
          version.version.name,
          drop.target.modelName,
        ),
      );
      return;
    }
    if (drop.versions.length > 1) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Drop one version at a time on a stage: each transition asks its own question.'));
      return;
    }
    const fresh = await this.session.client().versions.get(drop.target.modelName, version.version.version);
    if (!isReady(fresh)) return notReady(fresh);
    if (fresh.currentStage === drop.target.stage) return;
    await this.run(drop.target.modelName, fresh, drop.target.stage);
  }

  async archive(...args: unknown[]): Promise<void> {
    const target = await versionsTarget(
      this.session,
      'mlflowRegistry.archiveVersion',
      args,
      vscode.l10n.t('Archive Versions'),
      (v) => v.currentStage !== 'Archived',
    );
    if (!target) return;
    const versions = target.versions.filter((v) => v.currentStage !== 'Archived');
    if (!versions.length) return;
    const client = this.session.client();
    const change = await this.session.write(target.model, vscode.l10n.t('Archiving {0}…', versionList(versions)), () =>
      actions.archive(
        client,
        target.model,
        versions.map((v) => v.version),
      ),
    );
    const reveal = { model: target.model, version: versions[0].version };
    await this.session.showChange([target.model], reveal);
    this.session.offerUndo(vscode.l10n.t('Archived {0} of {1}.', versionList(versions), target.model), change, reveal);
  }

  private async pickStage(model: string, version: ModelVersion): Promise<Stage | undefined> {
    const items: StageItem[] = STAGES.filter((s) => s !== version.currentStage).map((stage) => ({
      label: stageLabel(stage),
      description: stage === 'Archived' ? vscode.l10n.t('kept, out of use') : undefined,
      stage,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Move version {0} of {1} (now {2}) to…', version.version, model, stageLabel(version.currentStage)),
      placeHolder: vscode.l10n.t('Pick a stage'),
    });
    return picked?.stage;
  }

  /** Asks whether to archive what is in Staging or Production now (off by default), then moves the version. */
  private async run(model: string, version: ModelVersion, stage: Stage): Promise<void> {
    const client = this.session.client();
    let archiveExisting = false;
    let others: ModelVersion[] = [];
    if (stage === 'Staging' || stage === 'Production') {
      others = await actions.versionsInStage(client, model, stage, version.version);
      if (others.length) {
        const keep: ArchiveItem = {
          label: vscode.l10n.t('Move version {0} to {1}', version.version, stageLabel(stage)),
          description: vscode.l10n.t('{0} stays in {1}', versionList(others), stageLabel(stage)),
          archive: false,
        };
        const archive: ArchiveItem = {
          label: vscode.l10n.t(
            'Move version {0} to {1}, and also archive {2}, now in {1}',
            version.version,
            stageLabel(stage),
            versionList(others),
          ),
          archive: true,
        };
        const choice = await vscode.window.showQuickPick([keep, archive], {
          title: vscode.l10n.t('Version {0} of {1} to {2}', version.version, model, stageLabel(stage)),
          placeHolder: vscode.l10n.t('{0} is in {1} now', versionList(others), stageLabel(stage)),
        });
        if (!choice) return;
        archiveExisting = choice.archive;
      }
    }
    const change = await this.session.write(model, vscode.l10n.t('Moving version {0} to {1}…', version.version, stageLabel(stage)), () =>
      actions.transition(client, model, version.version, stage, { archiveExisting, inStage: others }),
    );
    const archived = change.fields
      .filter((f) => f.field === 'stage' && f.version !== version.version)
      .map((f) => ({ version: f.field === 'stage' ? f.version : '' }));
    const reveal = { model, version: version.version };
    await this.session.showChange([model], reveal);
    this.session.offerUndo(
      archived.length
        ? vscode.l10n.t(
            'Moved version {0} of {1} to {2} and archived {3}.',
            version.version,
            model,
            stageLabel(stage),
            versionList(archived),
          )
        : vscode.l10n.t('Moved version {0} of {1} to {2}.', version.version, model, stageLabel(stage)),
      change,
      reveal,
    );
  }
}

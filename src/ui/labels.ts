import * as vscode from 'vscode';
import type { RegisteredModel, Stage } from '../registry/types';

/** Display labels the tree, the details panel and the pickers share. */

export function stageLabel(stage: Stage): string {
  switch (stage) {
    case 'Production':
      return vscode.l10n.t('Production');
    case 'Staging':
      return vscode.l10n.t('Staging');
    case 'None':
      return vscode.l10n.t('None');
    case 'Archived':
      return vscode.l10n.t('Archived');
  }
}

/** "Production v2 · Staging v3": the highest version per stage, from latest_versions. */
export function latestSummary(model: RegisteredModel): string {
  const order: Stage[] = ['Production', 'Staging', 'None', 'Archived'];
  return [...model.latestVersions]
    .sort((a, b) => order.indexOf(a.currentStage) - order.indexOf(b.currentStage))
    .map((v) => vscode.l10n.t('{0} v{1}', stageLabel(v.currentStage), v.version))
    .join(' · ');
}

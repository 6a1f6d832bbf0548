import * as vscode from 'vscode';
import type { ModelVersionStatus } from '../registry/types';
import { stageLabel } from '../ui/labels';
import { formatTime } from '../ui/time';
import { describeError } from '../ui/describeError';
import type { DetailsText } from './viewModel';

function statusLabel(status: ModelVersionStatus): string {
  switch (status) {
    case 'READY':
      return vscode.l10n.t('Ready');
    case 'PENDING_REGISTRATION':
      return vscode.l10n.t('Registering…');
    case 'FAILED_REGISTRATION':
      return vscode.l10n.t('Registration failed');
  }
}

/** The details panel's words in the editor's language (every literal is a vscode.l10n.t call, so export finds it). */
export function detailsText(): DetailsText {
  return {
    modelKind: vscode.l10n.t('Registered model'),
    versionKind: vscode.l10n.t('Model version'),
    versionTitle: (name, version) => vscode.l10n.t('{0} v{1}', name, version),
    versionLabel: (version) => vscode.l10n.t('Version {0}', version),
    stage: stageLabel,
    status: statusLabel,
    time: formatTime,
    error: describeError,
    registeredAt: vscode.l10n.t('Registered at'),
    createdBy: vscode.l10n.t('Created by'),
    stageLabel: vscode.l10n.t('Stage'),
    lastModified: vscode.l10n.t('Last modified'),
    statusLabel: vscode.l10n.t('Status'),
    aliases: vscode.l10n.t('Aliases'),
    tags: vscode.l10n.t('Tags'),
    sourceRun: vscode.l10n.t('Source run'),
    source: vscode.l10n.t('Source'),
    created: vscode.l10n.t('Created'),
    description: vscode.l10n.t('Description'),
    noDescription: vscode.l10n.t('No description.'),
    none: vscode.l10n.t('None'),
    signature: vscode.l10n.t('Signature'),
    inputs: vscode.l10n.t('Inputs'),
    outputs: vscode.l10n.t('Outputs'),
    inferenceParams: vscode.l10n.t('Inference parameters'),
    noSignature: vscode.l10n.t('The MLmodel file of this version has no signature.'),
    mlModelFailed: (detail) => vscode.l10n.t('The signature could not be read. {0}', detail),
    columnName: vscode.l10n.t('Name'),
    columnType: vscode.l10n.t('Type'),
    columnRequired: vscode.l10n.t('Required'),
    columnDefault: vscode.l10n.t('Default'),
    yes: vscode.l10n.t('Yes'),
    no: vscode.l10n.t('No'),
    unnamed: vscode.l10n.t('(unnamed)'),
    tensor: (dtype, shape) => vscode.l10n.t('tensor of {0}, shape {1}', dtype, shape),
    run: vscode.l10n.t('Source run'),
    noRun: vscode.l10n.t('This version names no source run.'),
    runFailed: (detail) => vscode.l10n.t('The source run could not be read. {0}', detail),
    parameters: vscode.l10n.t('Parameters'),
    metrics: vscode.l10n.t('Metrics'),
    noParameters: vscode.l10n.t('The run logged no parameters.'),
    noMetrics: vscode.l10n.t('The run logged no metrics.'),
    key: vscode.l10n.t('Key'),
    value: vscode.l10n.t('Value'),
    step: vscode.l10n.t('Step'),
    versions: vscode.l10n.t('Versions'),
    noVersions: vscode.l10n.t('This model has no versions yet.'),
    versionsTruncated: (count) => vscode.l10n.t('Showing the newest {0} versions.', count),
    columnVersion: vscode.l10n.t('Version'),
    columnStage: vscode.l10n.t('Stage'),
    columnAliases: vscode.l10n.t('Aliases'),
    columnRegistered: vscode.l10n.t('Registered'),
    columnCreatedBy: vscode.l10n.t('Created by'),
    columnDescription: vscode.l10n.t('Description'),
  };
}

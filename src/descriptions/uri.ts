import * as vscode from 'vscode';
import type { Subject } from '../lifecycle/actions';
import { DESCRIPTION_SCHEME, descriptionPath, parseDescriptionPath } from './paths';

/** The document of a model's or version's description (see paths.ts for its shape). */
export function descriptionUri(subject: Subject): vscode.Uri {
  return vscode.Uri.from({ scheme: DESCRIPTION_SCHEME, path: descriptionPath(subject) });
}

/** The model or version a registry description document is about; undefined for anything else (a snapshot, a folder). */
export function subjectOf(uri: vscode.Uri): Subject | undefined {
  if (uri.scheme !== DESCRIPTION_SCHEME || uri.authority !== '') return undefined;
  const parsed = parseDescriptionPath(uri.path);
  return parsed?.kind === 'file' ? parsed.subject : undefined;
}

/** "power-forecasting-model" or "version 2 of power-forecasting-model", for sentences. */
export function subjectLabel(subject: Subject): string {
  return subject.version === undefined ? subject.model : vscode.l10n.t('version {0} of {1}', subject.version, subject.model);
}

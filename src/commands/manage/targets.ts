import * as vscode from 'vscode';
import type { ModelVersion, RegisteredModel } from '../../registry/types';
import type { VersionNode } from '../../tree/nodes';
import { pickModelOrVersion } from '../../ui/pickTarget';
import { isSelectionCall, nodesArg } from '../args';
import type { ManageSession } from './session';

/** Versions of one model a command acts on. */
export interface VersionsTarget {
  model: string;
  versions: ModelVersion[];
  /** Aliases on each version, by version number (from the model: version search does not fill them). */
  aliases: Map<string, string[]>;
}

function fromNodes(nodes: VersionNode[]): VersionsTarget | undefined {
  if (!nodes.length) return undefined;
  const model = nodes[0].version.name;
  // One model at a time: rows of other models in the selection are left out, and the user is told.
  const same = nodes.filter((n) => n.version.name === model);
  if (same.length < nodes.length) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Only the versions of {0} are taken: {1} selected versions of other models were left out.',
        model,
        nodes.length - same.length,
      ),
    );
  }
  return { model, versions: same.map((n) => n.version), aliases: new Map(same.map((n) => [n.version.version, n.aliases])) };
}

/** The versions the command acts on: its rows, the selection (keybindings), or picked from the palette. */
export async function versionsTarget(
  session: ManageSession,
  command: string,
  args: readonly unknown[],
  title: string,
  versionFilter?: (v: ModelVersion) => boolean,
): Promise<VersionsTarget | undefined> {
  const nodes = nodesArg(command, args, ['version'], () => session.models.selection);
  if (nodes) return fromNodes(nodes);
  const picked = await pickModelOrVersion(session.client(), session.pageSize(), title, {
    want: 'version',
    order: 'lastUpdated',
    versionFilter,
  });
  if (!picked?.version) return undefined;
  const v = picked.version;
  return {
    model: picked.model.name,
    versions: [v],
    aliases: new Map([[v.version, picked.model.aliases.filter((a) => a.version === v.version).map((a) => a.alias)]]),
  };
}

/** The model the command acts on: its row (a model, or a version's model), the selection, or picked. */
export async function modelTarget(
  session: ManageSession,
  command: string,
  args: readonly unknown[],
  title: string,
): Promise<RegisteredModel | undefined> {
  const nodes = nodesArg(command, args, ['model', 'version', 'stageGroup'], () => session.models.selection);
  const node = nodes?.[0];
  if (node?.kind === 'model') return node.model;
  const name = node?.kind === 'version' ? node.version.name : node?.kind === 'stageGroup' ? node.modelName : undefined;
  if (name !== undefined) return session.client().models.get(name);
  if (nodes) return undefined; // a selection with no model in it
  return (await pickModelOrVersion(session.client(), session.pageSize(), title, { want: 'model', order: 'lastUpdated' }))?.model;
}

/** A model or one of its versions (tags and descriptions live on both). */
export async function subjectTarget(
  session: ManageSession,
  command: string,
  args: readonly unknown[],
  title: string,
): Promise<{ model: RegisteredModel; version?: ModelVersion } | undefined> {
  const nodes = nodesArg(command, args, ['model', 'version'], () => session.models.selection);
  if (nodes && nodes.length > 1 && isSelectionCall(args)) return oneRowPlease();
  const node = nodes?.[0];
  if (node?.kind === 'model') return { model: node.model };
  if (node?.kind === 'version') return { model: await session.client().models.get(node.version.name), version: node.version };
  if (nodes) return undefined;
  return pickModelOrVersion(session.client(), session.pageSize(), title, { order: 'lastUpdated' });
}

/** A keybinding on several selected rows, for a command that acts on one: say so rather than guess. */
function oneRowPlease(): undefined {
  void vscode.window.showInformationMessage(vscode.l10n.t('Select one row for this command: several are selected.'));
  return undefined;
}

/** "version 2", "versions 1, 2 and 3". */
export function versionList(versions: readonly { version: string }[]): string {
  const numbers = versions.map((v) => v.version);
  if (numbers.length === 1) return vscode.l10n.t('version {0}', numbers[0]);
  return vscode.l10n.t('versions {0} and {1}', numbers.slice(0, -1).join(', '), numbers[numbers.length - 1]);
}

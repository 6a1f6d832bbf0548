import * as vscode from 'vscode';
import type { RegistryClient } from '../registry/client';
import { nameEqualsFilter } from '../registry/filters';
import type { ModelVersion, RegisteredModel } from '../registry/types';
import { latestSummary, stageLabel } from './labels';
import { firstLine } from './plainText';

/** The most models or versions a quick pick lists (filtering by typing narrows them). */
const MAX_ITEMS = 2000;

export interface PickedTarget {
  model: RegisteredModel;
  /** Undefined when the user chose the model itself. */
  version?: ModelVersion;
}

interface TargetItem extends vscode.QuickPickItem {
  target?: PickedTarget;
  model?: RegisteredModel;
}

async function take<T>(iterable: AsyncIterable<T>, keep: (item: T) => boolean = () => true): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    if (!keep(item)) continue;
    out.push(item);
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
}

/**
 * From the Command Palette: which model, then the model itself or one of its versions. Lists
 * arrive page by page while the pick shows as busy; undefined when the user cancels. Every
 * command that acts on a model or a version asks through this.
 */
export interface PickOptions {
  /** What may be picked: the model, one of its versions, or either (the default). */
  want?: 'model' | 'version' | 'either';
  /** Models most recently updated first (commands that change things), or by name (the default). */
  order?: 'name' | 'lastUpdated';
  /** Versions offered (e.g. not archived ones, for Archive). */
  versionFilter?: (v: ModelVersion) => boolean;
}

export async function pickModelOrVersion(
  client: RegistryClient,
  pageSize: number,
  title: string,
  options: PickOptions = {},
): Promise<PickedTarget | undefined> {
  const want = options.want ?? 'either';
  const orderBy = options.order === 'lastUpdated' ? ['last_updated_timestamp DESC'] : ['name ASC'];
  const models = take(client.models.search({ orderBy, pageSize })).then((list) =>
    list.map((m): TargetItem => ({
      label: m.name,
      description: latestSummary(m),
      detail: firstLine(m.description) || undefined,
      model: m,
    })),
  );
  const picked = await vscode.window.showQuickPick<TargetItem>(models, {
    title,
    placeHolder: vscode.l10n.t('Pick a registered model'),
    matchOnDescription: true,
    ignoreFocusOut: false,
  });
  const model = picked?.model;
  if (!model) return undefined;
  if (want === 'model') return { model };

  const plan = nameEqualsFilter<ModelVersion>(model.name);
  const keep = (v: ModelVersion) => plan.matches(v) && (options.versionFilter?.(v) ?? true);
  const items = take(client.versions.search({ filter: plan.filter, orderBy: ['version_number DESC'], pageSize }), keep).then((versions) => [
    ...(want === 'either'
      ? [{ label: `$(package) ${vscode.l10n.t('The model itself')}`, description: model.name, target: { model } } as TargetItem]
      : []),
    ...(versions.length ? [{ label: vscode.l10n.t('Versions'), kind: vscode.QuickPickItemKind.Separator } as TargetItem] : []),
    ...versions.map((v): TargetItem => {
      const aliases = model.aliases.filter((a) => a.version === v.version).map((a) => `@${a.alias}`);
      return {
        label: vscode.l10n.t('Version {0}', v.version),
        description: [stageLabel(v.currentStage), ...aliases].join(' · '),
        detail: firstLine(v.description) || undefined,
        target: { model, version: v },
      };
    }),
  ]);
  const choice = await vscode.window.showQuickPick<TargetItem>(items, {
    title: `${title}: ${model.name}`,
    placeHolder: want === 'either' ? vscode.l10n.t('The model itself, or one of its versions') : vscode.l10n.t('Pick a version'),
    matchOnDescription: true,
  });
  return choice?.target;
}

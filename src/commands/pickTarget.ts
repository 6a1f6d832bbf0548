import * as vscode from 'vscode';
import type { RegistryClient } from '../registry/client';
import { nameEqualsFilter } from '../registry/filters';
import type { ModelVersion, RegisteredModel } from '../registry/types';
import { nodeId, RegistryNode } from '../tree/nodes';

/**
 * From the Command Palette a command has no row: ask for a model, then (when the command acts
 * on versions too) for the model itself or one of its versions. Returns a node like the tree's.
 */
export async function pickTarget(client: RegistryClient, opts: { versions: boolean; title: string }): Promise<RegistryNode | undefined> {
  const models = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing models…') }, async () => {
    const page = await client.models.searchPage({ pageSize: 1000, orderBy: ['name ASC'] });
    return page.items;
  });
  if (!models.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The registry has no registered models.'));
    return undefined;
  }
  const modelPick = await vscode.window.showQuickPick(
    models.map((m) => ({ label: m.name, description: m.latestVersions.map((v) => `${v.currentStage} v${v.version}`).join(' · '), model: m })),
    { title: opts.title, placeHolder: vscode.l10n.t('Choose a model'), matchOnDescription: true },
  );
  if (!modelPick) return undefined;
  const model: RegisteredModel = modelPick.model;
  if (!opts.versions) return { kind: 'model', id: nodeId.model(model.name), model };
  const plan = nameEqualsFilter<ModelVersion>(model.name);
  const page = await client.versions.searchPage({ filter: plan.filter, orderBy: ['version_number DESC'], pageSize: 200 });
  const versions = page.items.filter(plan.matches);
  const items: (vscode.QuickPickItem & { node: RegistryNode })[] = [
    { label: vscode.l10n.t('The model {0} itself', model.name), node: { kind: 'model', id: nodeId.model(model.name), model } },
    ...versions.map((v) => {
      const aliases = model.aliases.filter((a) => a.version === v.version).map((a) => a.alias);
      return {
        label: vscode.l10n.t('Version {0}', v.version),
        description: [v.currentStage, ...aliases.map((a) => `@${a}`)].join(' · '),
        detail: v.description.split(/\r?\n/)[0] || undefined,
        node: { kind: 'version' as const, id: nodeId.version(model.name, v.version), version: v, aliases },
      };
    }),
  ];
  const pick = await vscode.window.showQuickPick(items, { title: opts.title, placeHolder: vscode.l10n.t('Choose the model or one of its versions') });
  return pick?.node;
}

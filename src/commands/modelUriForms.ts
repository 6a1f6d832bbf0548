/**
 * The `models:/` forms that name a tree row, most specific first. Pure (no vscode): the copy
 * command offers these, the tests check them.
 */
import { formatModelUri } from '../registry/modelUri';
import type { RegisteredModel, Stage } from '../registry/types';
import type { RegistryNode } from '../tree/nodes';

export interface UriForm {
  uri: string;
  /** What the form follows: 'version', 'stage', 'alias' or 'latest'. */
  kind: 'version' | 'stage' | 'alias' | 'latest';
}

/**
 * For a version: its number first, then its stage when the stage resolves to it (the highest
 * version in that stage), then each alias on it. For a model: latest, each stage it has, each
 * alias (no alias forms with `aliases: false`). For a stage group: that stage. Throws (ModelUriError) for a name no URI can hold.
 */
export function uriFormsFor(node: RegistryNode, model: RegisteredModel | undefined, options: { aliases?: boolean } = {}): UriForm[] {
  // A server without aliases (below MLflow 2.3) cannot resolve `@alias`: offer none.
  if (options.aliases === false) return uriFormsFor(node, model).filter((f) => f.kind !== 'alias');
  switch (node.kind) {
    case 'version': {
      const v = node.version;
      const forms: UriForm[] = [{ uri: formatModelUri({ kind: 'version', name: v.name, version: v.version }), kind: 'version' }];
      const latestInStage = model?.latestVersions.find((l) => l.currentStage === v.currentStage);
      if (latestInStage?.version === v.version)
        forms.push({ uri: formatModelUri({ kind: 'stage', name: v.name, stage: v.currentStage }), kind: 'stage' });
      for (const alias of node.aliases) forms.push({ uri: formatModelUri({ kind: 'alias', name: v.name, alias }), kind: 'alias' });
      return forms;
    }
    case 'model': {
      const m = node.model;
      const forms: UriForm[] = [{ uri: formatModelUri({ kind: 'latest', name: m.name }), kind: 'latest' }];
      const order: Stage[] = ['Production', 'Staging', 'None', 'Archived'];
      for (const stage of order) {
        if (m.latestVersions.some((v) => v.currentStage === stage))
          forms.push({ uri: formatModelUri({ kind: 'stage', name: m.name, stage }), kind: 'stage' });
      }
      for (const a of m.aliases) forms.push({ uri: formatModelUri({ kind: 'alias', name: m.name, alias: a.alias }), kind: 'alias' });
      return forms;
    }
    case 'stageGroup':
      return [{ uri: formatModelUri({ kind: 'stage', name: node.modelName, stage: node.stage }), kind: 'stage' }];
    default:
      return [];
  }
}

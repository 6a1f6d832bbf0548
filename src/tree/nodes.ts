import type { ModelVersion, RegisteredModel, Stage } from '../registry/types';

/**
 * What the registry tree shows, as plain data: one function (render.ts) turns a node into a
 * TreeItem, and commands act on nodes. Ids are stable across refreshes so expansion and
 * selection survive them.
 */
export type RegistryNode = ModelNode | StageGroupNode | VersionNode | LoadMoreVersionsNode | LoadMoreModelsNode;

export interface ModelNode {
  kind: 'model';
  id: string;
  model: RegisteredModel;
}

export interface StageGroupNode {
  kind: 'stageGroup';
  id: string;
  modelName: string;
  stage: Stage;
  count: number;
  /** False while more pages of versions may hold more of this stage ("N+"). */
  complete: boolean;
}

export interface VersionNode {
  kind: 'version';
  id: string;
  version: ModelVersion;
  /** Aliases pointing at this version (from the model: version search does not fill them on OSS). */
  aliases: string[];
}

export interface LoadMoreVersionsNode {
  kind: 'loadMoreVersions';
  id: string;
  modelName: string;
}

export interface LoadMoreModelsNode {
  kind: 'loadMoreModels';
  id: string;
}

export const STAGE_ORDER: Stage[] = ['Production', 'Staging', 'None', 'Archived'];

export const nodeId = {
  model: (name: string) => `model:${name}`,
  stage: (name: string, stage: Stage) => `stage:${name}:${stage}`,
  version: (name: string, version: string) => `version:${name}:${version}`,
  loadMoreVersions: (name: string) => `more:${name}`,
  loadMoreModels: () => 'more-models',
};

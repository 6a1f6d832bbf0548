/** Entities of the MLflow Model Registry as the client hands them out (camelCase, optional fields filled). */

export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type Stage = (typeof STAGES)[number];

export type ModelVersionStatus = 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION' | 'READY';

export interface Tag {
  key: string;
  value: string;
}

export interface AliasRef {
  alias: string;
  version: string;
}

export interface RegisteredModel {
  name: string;
  creationTimestamp?: number;
  lastUpdatedTimestamp?: number;
  description: string;
  /** One per stage: the highest READY version in it. */
  latestVersions: ModelVersion[];
  tags: Tag[];
  aliases: AliasRef[];
}

export interface ModelVersion {
  name: string;
  /** A string on the wire; compare with `Number(version)`. */
  version: string;
  creationTimestamp?: number;
  lastUpdatedTimestamp?: number;
  userId?: string;
  description: string;
  source?: string;
  runId?: string;
  runLink?: string;
  currentStage: Stage;
  status: ModelVersionStatus;
  statusMessage?: string;
  tags: Tag[];
  /** Version search never fills these on open-source MLflow: read get() or the model's aliases. */
  aliases: string[];
  /** MLflow 3: the logged model this version was registered from. */
  modelId?: string;
}

export interface Run {
  info: {
    runId: string;
    runName?: string;
    experimentId: string;
    userId?: string;
    status?: string;
    startTime?: number;
    endTime?: number;
    artifactUri?: string;
    lifecycleStage?: string;
  };
  data: {
    metrics: { key: string; value: number; timestamp?: number; step?: number }[];
    params: { key: string; value: string }[];
    tags: Tag[];
  };
}

export interface FileInfo {
  path: string;
  isDir: boolean;
  fileSize?: number;
}

export interface ArtifactListing {
  rootUri?: string;
  files: FileInfo[];
  nextPageToken?: string;
}

export interface Experiment {
  experimentId: string;
  name: string;
  artifactLocation?: string;
  lifecycleStage?: string;
  lastUpdateTime?: number;
  creationTime?: number;
  tags: Tag[];
}

export interface LoggedModel {
  modelId: string;
  name?: string;
  experimentId?: string;
  sourceRunId?: string;
  artifactUri?: string;
  status?: string;
  creationTimestampMs?: number;
  tags: Tag[];
}

export interface ColumnSpec {
  name?: string;
  type: string;
  required?: boolean;
  /** For tensor specs: dtype and shape. */
  tensorSpec?: { dtype: string; shape: number[] };
}

export interface MlModel {
  artifactPath?: string;
  flavors: Record<string, Record<string, unknown>>;
  runId?: string;
  modelId?: string;
  mlflowVersion?: string;
  utcTimeCreated?: string;
  signature?: {
    inputs?: ColumnSpec[];
    outputs?: ColumnSpec[];
    params?: { name: string; type: string; default?: unknown; shape?: unknown }[];
  };
  inputExample?: { artifactPath?: string; type?: string; pandasOrient?: string };
}

export interface ModelVersionSearchOptions {
  filter?: string;
  /** Each `"key [ASC|DESC]"`: name, version_number, creation_timestamp, last_updated_timestamp. */
  orderBy?: string[];
  /** Sent explicitly on every request; the OSS default is huge, Databricks' smaller. */
  pageSize?: number;
}

export interface RegisteredModelSearchOptions {
  filter?: string;
  /** Each `"key [ASC|DESC]"`: name, last_updated_timestamp (timestamp). */
  orderBy?: string[];
  pageSize?: number;
}

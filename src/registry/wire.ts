/**
 * Conversions from MLflow's snake_case JSON to the client's entities. MLflow omits empty
 * fields rather than sending them empty, so every field but the keys is optional here.
 */
import type {
  AliasRef,
  ArtifactListing,
  Experiment,
  LoggedModel,
  ModelVersion,
  ModelVersionStatus,
  RegisteredModel,
  Run,
  Stage,
  Tag,
} from './types';
import { STAGES } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const num = (v: unknown): number | undefined => (v === undefined || v === null || v === '' ? undefined : Number(v));
const str = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

export function toTags(raw: Json): Tag[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((t: Json) => ({ key: String(t.key), value: t.value === undefined || t.value === null ? '' : String(t.value) }));
}

/** Stage names are case-insensitive on input; the server answers in canonical case. */
export function toStage(raw: unknown): Stage {
  const s = String(raw ?? 'None').toLowerCase();
  return STAGES.find((stage) => stage.toLowerCase() === s) ?? 'None';
}

export function toModelVersion(raw: Json): ModelVersion {
  return {
    name: String(raw.name),
    version: String(raw.version),
    creationTimestamp: num(raw.creation_timestamp),
    lastUpdatedTimestamp: num(raw.last_updated_timestamp),
    userId: str(raw.user_id),
    description: raw.description ?? '',
    source: str(raw.source),
    runId: str(raw.run_id),
    runLink: str(raw.run_link),
    currentStage: toStage(raw.current_stage),
    status: (str(raw.status) ?? 'READY') as ModelVersionStatus,
    statusMessage: str(raw.status_message),
    tags: toTags(raw.tags),
    aliases: Array.isArray(raw.aliases) ? raw.aliases.map(String) : [],
    modelId: str(raw.model_id),
  };
}

export function toAliases(raw: Json): AliasRef[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((a: Json) => ({ alias: String(a.alias), version: String(a.version) }));
}

export function toRegisteredModel(raw: Json): RegisteredModel {
  return {
    name: String(raw.name),
    creationTimestamp: num(raw.creation_timestamp),
    lastUpdatedTimestamp: num(raw.last_updated_timestamp),
    description: raw.description ?? '',
    latestVersions: Array.isArray(raw.latest_versions) ? raw.latest_versions.map(toModelVersion) : [],
    tags: toTags(raw.tags),
    aliases: toAliases(raw.aliases),
  };
}

export function toRun(raw: Json): Run {
  const info = raw.info ?? {};
  const data = raw.data ?? {};
  return {
    info: {
      runId: String(info.run_id ?? info.run_uuid),
      runName: str(info.run_name),
      experimentId: String(info.experiment_id),
      userId: str(info.user_id),
      status: str(info.status),
      startTime: num(info.start_time),
      endTime: num(info.end_time),
      artifactUri: str(info.artifact_uri),
      lifecycleStage: str(info.lifecycle_stage),
    },
    data: {
      metrics: Array.isArray(data.metrics)
        ? data.metrics.map((m: Json) => ({ key: String(m.key), value: Number(m.value), timestamp: num(m.timestamp), step: num(m.step) }))
        : [],
      params: Array.isArray(data.params) ? data.params.map((p: Json) => ({ key: String(p.key), value: String(p.value ?? '') })) : [],
      tags: toTags(data.tags),
    },
  };
}

export function toArtifactListing(raw: Json): ArtifactListing {
  return {
    rootUri: str(raw.root_uri),
    files: Array.isArray(raw.files)
      ? raw.files.map((f: Json) => ({ path: String(f.path), isDir: Boolean(f.is_dir), fileSize: num(f.file_size) }))
      : [],
    nextPageToken: str(raw.next_page_token),
  };
}

export function toExperiment(raw: Json): Experiment {
  return {
    experimentId: String(raw.experiment_id),
    name: String(raw.name),
    artifactLocation: str(raw.artifact_location),
    lifecycleStage: str(raw.lifecycle_stage),
    lastUpdateTime: num(raw.last_update_time),
    creationTime: num(raw.creation_time),
    tags: toTags(raw.tags),
  };
}

export function toLoggedModel(raw: Json): LoggedModel {
  const info = raw.info ?? raw;
  return {
    modelId: String(info.model_id),
    name: str(info.name),
    experimentId: str(info.experiment_id),
    sourceRunId: str(info.source_run_id),
    artifactUri: str(info.artifact_uri),
    status: str(info.status),
    creationTimestampMs: num(info.creation_timestamp_ms),
    tags: toTags(info.tags),
  };
}

/** Tags as MLflow's create endpoints take them. */
export function fromTags(tags: Tag[] | Record<string, string> | undefined): { key: string; value: string }[] | undefined {
  if (!tags) return undefined;
  const list = Array.isArray(tags) ? tags : Object.entries(tags).map(([key, value]) => ({ key, value }));
  return list.length ? list.map((t) => ({ key: t.key, value: t.value })) : undefined;
}

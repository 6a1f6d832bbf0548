/**
 * Reads what a details panel shows from the registry. Plain Node (no `vscode`): unit-tested
 * with a fake client. The entity the panel is about must load; the parts around it (a
 * version's MLmodel, its source run) may fail on their own and are shown as a message in
 * their section.
 */
import type { RegistryClient } from '../registry/client';
import { nameEqualsFilter } from '../registry/filters';
import type { CallOptions } from '../registry/models';
import type { MlModel, ModelVersion, RegisteredModel, Run } from '../registry/types';
import type { DetailsTarget } from '../shared/detailsProtocol';

/** A part that may fail without failing the panel. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface VersionDetailsData {
  kind: 'version';
  version: ModelVersion;
  mlModel: Outcome<MlModel>;
  /** Undefined when the version names no source run. */
  run?: Outcome<Run>;
}

export interface ModelDetailsData {
  kind: 'model';
  model: RegisteredModel;
  /** Newest first. */
  versions: ModelVersion[];
  /** More versions exist than were read (at most `maxVersions`). */
  truncated: boolean;
}

export type DetailsData = VersionDetailsData | ModelDetailsData;

export interface LoadOptions extends CallOptions {
  /** Versions per search request (the `pageSize` setting). */
  pageSize?: number;
  /** The most versions a model's table lists. */
  maxVersions?: number;
}

export const MAX_VERSIONS = 1000;

/** The parts of the client the panel uses (a narrower type keeps the unit tests' fakes small). */
export type DetailsClient = Pick<RegistryClient, 'getModelVersionMlModel'> & {
  models: Pick<RegistryClient['models'], 'get'>;
  versions: Pick<RegistryClient['versions'], 'get' | 'search'>;
  tracking: Pick<RegistryClient['tracking'], 'getRun'>;
};

export function loadDetails(client: DetailsClient, target: DetailsTarget, options: LoadOptions = {}): Promise<DetailsData> {
  return target.kind === 'version' ? loadVersion(client, target.name, target.version, options) : loadModel(client, target.name, options);
}

async function settle<T>(p: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

export async function loadVersion(
  client: DetailsClient,
  name: string,
  version: string,
  options: LoadOptions = {},
): Promise<VersionDetailsData> {
  const opts = { signal: options.signal };
  const mlModel = settle(client.getModelVersionMlModel(name, version, opts));
  let v: ModelVersion;
  try {
    v = await client.versions.get(name, version, opts);
  } catch (e) {
    await mlModel; // no request left running unobserved
    throw e;
  }
  const run = v.runId ? await settle(client.tracking.getRun(v.runId, opts)) : undefined;
  return { kind: 'version', version: v, mlModel: await mlModel, run };
}

export async function loadModel(client: DetailsClient, name: string, options: LoadOptions = {}): Promise<ModelDetailsData> {
  const max = options.maxVersions ?? MAX_VERSIONS;
  const plan = nameEqualsFilter<ModelVersion>(name);
  const readVersions = async () => {
    const out: ModelVersion[] = [];
    for await (const v of client.versions.search({
      filter: plan.filter,
      orderBy: ['version_number DESC'],
      pageSize: options.pageSize,
      signal: options.signal,
    })) {
      // Names MLflow's filter cannot say exactly are searched with LIKE: keep this model's versions only.
      if (!plan.matches(v)) continue;
      if (out.length === max) return { versions: out, truncated: true };
      out.push(v);
    }
    return { versions: out, truncated: false };
  };
  const [model, listed] = await Promise.all([client.models.get(name, { signal: options.signal }), readVersions()]);
  return { kind: 'model', model, versions: listed.versions, truncated: listed.truncated };
}

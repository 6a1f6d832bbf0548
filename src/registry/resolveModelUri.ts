/**
 * Resolving `models:/` URIs to a registered model version with MLflow's own semantics
 * (`get_model_name_and_version` in `mlflow/store/artifact/utils/models.py`):
 *
 * - version: that version (`model-versions/get`; the server reads `007` as 7);
 * - stage: the highest-numbered version among `get-latest-versions` for that stage, which is
 *   exactly what MLflow's `_get_latest_model_version` computes;
 * - latest: the highest-numbered version among `get-latest-versions` for all stages, i.e. the
 *   highest version in any stage, Archived included;
 * - alias: `registered-models/alias` (the server resolves the reserved alias `latest` itself);
 * - logged model (`models:/m-...`): not a registered model; handed back unresolved.
 *
 * `get-latest-versions` is the server's notion of "latest per stage": open-source MLflow 3.17
 * counts every version there whatever its status (all its versions are READY on creation);
 * other registries may leave out versions that are not READY. Going through the same endpoint
 * keeps the answer identical to MLflow's client on every server.
 */
import type { RegistryClient } from './client';
import { isRegistryError, RegistryError } from './errors';
import type { CallOptions } from './models';
import { type ParsedModelUri, requireModelUri } from './modelUri';
import { explainNameRefusal } from './names';
import type { ModelVersion } from './types';

export interface ResolvedVersion {
  kind: 'registered';
  uri: ParsedModelUri;
  name: string;
  /** The version number as the server writes it (`7`, also for `models:/x/007`). */
  version: string;
  modelVersion: ModelVersion;
}

export interface UnresolvedLoggedModel {
  kind: 'loggedModel';
  uri: ParsedModelUri;
  modelId: string;
}

export type ResolvedModelUri = ResolvedVersion | UnresolvedLoggedModel;

function highest(versions: ModelVersion[]): ModelVersion | undefined {
  let best: ModelVersion | undefined;
  for (const v of versions) if (!best || Number(v.version) > Number(best.version)) best = v;
  return best;
}

function notFound(
  messageId: 'error.noVersionInStage' | 'error.noVersions' | 'error.aliasNotFound',
  params: Record<string, string>,
  cause?: unknown,
): RegistryError {
  return new RegistryError({ kind: 'client', messageId, params, errorCode: 'RESOURCE_DOES_NOT_EXIST', cause });
}

/**
 * The registered model version a `models:/` URI (text or parsed) stands for. Throws a
 * ModelUriError for text that is no valid URI, `error.noVersionInStage` / `error.noVersions` /
 * `error.aliasNotFound` (all `isNotFound`) when nothing matches, and `error.modelNameRefused`
 * for a name the server refuses; other registry errors as they come.
 */
export async function resolveModelUri(
  client: RegistryClient,
  uri: string | ParsedModelUri,
  opts: CallOptions = {},
): Promise<ResolvedModelUri> {
  const parsed = typeof uri === 'string' ? requireModelUri(uri) : uri;
  if (parsed.kind === 'loggedModel') return { kind: 'loggedModel', uri: parsed, modelId: parsed.modelId };
  const name = parsed.name;
  const done = (mv: ModelVersion): ResolvedVersion => ({
    kind: 'registered',
    uri: parsed,
    name: mv.name,
    version: mv.version,
    modelVersion: mv,
  });
  try {
    switch (parsed.kind) {
      case 'version':
        return done(await client.versions.get(name, parsed.version, opts));
      case 'stage': {
        const mv = highest(await client.models.getLatestVersions(name, [parsed.stage], opts));
        if (!mv) throw notFound('error.noVersionInStage', { name, stage: parsed.stage });
        return done(mv);
      }
      case 'latest': {
        const mv = highest(await client.models.getLatestVersions(name, undefined, opts));
        if (!mv) throw notFound('error.noVersions', { name });
        return done(mv);
      }
      case 'alias':
        try {
          return done(await client.models.getVersionByAlias(name, parsed.alias, opts));
        } catch (e) {
          // OSS answers a missing alias with 400 INVALID_PARAMETER_VALUE "Registered model alias x not found."
          if (isRegistryError(e) && e.errorCode === 'INVALID_PARAMETER_VALUE' && /alias .* not found/i.test(e.serverMessage ?? '')) {
            throw notFound('error.aliasNotFound', { name, alias: parsed.alias }, e);
          }
          throw e;
        }
    }
  } catch (e) {
    throw explainNameRefusal(e, name);
  }
}

/**
 * Registering a version from a run, in plain Node: what a run logged that can be registered,
 * the create request for it, and waiting for a version that is still registering. The command
 * (commands/manage/register.ts) asks the user; the integration tests call the same code.
 *
 * Where a run's model is depends on the MLflow that logged it:
 * - MLflow 3 keeps it with a *logged model* (`logged-models/search`, filtered by
 *   `source_run_id`); registering it sends `source: models:/<model_id>` and `model_id`, so the
 *   server links the version to the logged model (its `mlflow.modelVersions` tag lists it).
 * - MLflow 2 kept it in the run's artifacts: a folder holding an `MLmodel` file. Its source is
 *   the folder's artifact URI (`runs:/<run_id>/<path>` when the server gives no root URI).
 *   A server without the logged-models endpoint (MLflow 2) answers it with a 404.
 * Both are looked for: an MLflow 3 server may hold runs an MLflow 2 client logged.
 */
import { allVersions } from './actions';
import type { RegistryClient } from '../registry/client';
import { isRegistryError } from '../registry/errors';
import { quoteValue } from '../registry/filters';
import type { ModelVersion, RegisteredModel, Run, Tag } from '../registry/types';
import type { CreateModelVersionOptions } from '../registry/versions';
import { createRegisteredModel } from './create';

/** Something a run logged that can become a model version. */
export interface LoggableModel {
  /** MLflow 3 logged model, or MLflow 2 artifact folder with an `MLmodel`. */
  kind: 'loggedModel' | 'artifacts';
  /** What a picker shows first: the logged model's name, or the artifact folder's path. */
  name: string;
  runId: string;
  /** The `source` of the create request. */
  source: string;
  /** MLflow 3: the logged model's id (sent as `model_id`). */
  modelId?: string;
  /** MLflow 2: the folder inside the run's artifacts ('' for the root). */
  artifactPath?: string;
  /** Where its files are (a logged model's artifact location, or the folder's URI). */
  location?: string;
  creationTimestamp?: number;
}

/** The parts of the client finding a run's models uses (narrow, so unit tests fake it in a few lines). */
export interface LoggableModelsClient {
  tracking: Pick<RegistryClient['tracking'], 'searchLoggedModels' | 'listArtifactsPage'>;
}

export interface FindOptions {
  signal?: AbortSignal;
  /** How deep to look into a run's artifact folders for an `MLmodel` (default 3). */
  maxDepth?: number;
  /** At most this many folders are listed (default 50): a run with thousands of files stays quick. */
  maxFolders?: number;
}

export interface LoggableModels {
  models: LoggableModel[];
  /** False when the server has no logged-models endpoint (MLflow 2). */
  loggedModelsEndpoint: boolean;
}

/** A logged model's status that will not become a registrable model. */
const FAILED_STATUS = /FAILED/i;

/** True when `e` says the endpoint is not there (an MLflow 2 server asked for logged models). */
export function isMissingEndpoint(e: unknown): boolean {
  if (!isRegistryError(e) || e.kind !== 'http') return false;
  if (e.errorCode === 'ENDPOINT_NOT_FOUND' || e.errorCode === 'NOT_IMPLEMENTED') return true;
  return (e.status === 404 && !e.errorCode) || e.status === 405 || e.status === 501;
}

/** MLflow 3 logged models of a run, newest first; undefined when the server has no such endpoint. */
export async function loggedModelsOfRun(
  client: LoggableModelsClient,
  run: Run,
  opts: FindOptions = {},
): Promise<LoggableModel[] | undefined> {
  const runId = run.info.runId;
  const q = quoteValue(runId);
  try {
    const found: LoggableModel[] = [];
    const filter = q.exact ? `source_run_id = ${q.text}` : undefined;
    for await (const m of client.tracking.searchLoggedModels([run.info.experimentId], {
      filter,
      orderBy: ['creation_timestamp DESC'],
      pageSize: 100,
      signal: opts.signal,
    })) {
      if (m.sourceRunId !== runId || FAILED_STATUS.test(m.status ?? '')) continue;
      found.push({
        kind: 'loggedModel',
        name: m.name || m.modelId,
        runId,
        source: `models:/${m.modelId}`,
        modelId: m.modelId,
        location: m.artifactUri,
        creationTimestamp: m.creationTimestampMs,
      });
    }
    return found;
  } catch (e) {
    if (isMissingEndpoint(e)) return undefined;
    throw e;
  }
}

/**
 * MLflow 2 models of a run: folders of its artifacts that hold an `MLmodel` (not looked into
 * further), breadth first, within `maxDepth` levels and `maxFolders` listings.
 */
export async function artifactModelsOfRun(client: LoggableModelsClient, run: Run, opts: FindOptions = {}): Promise<LoggableModel[]> {
  const runId = run.info.runId;
  const maxDepth = opts.maxDepth ?? 3;
  let budget = opts.maxFolders ?? 50;
  const found: LoggableModel[] = [];
  let level: string[] = [''];
  for (let depth = 0; depth <= maxDepth && level.length; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      if (budget-- <= 0) return found;
      const { files, rootUri } = await listAll(client, runId, folder, opts.signal);
      if (files.some((f) => !f.isDir && baseName(f.path) === 'MLmodel')) {
        found.push({
          kind: 'artifacts',
          name: folder || '(artifact root)',
          runId,
          source: artifactSource(runId, rootUri ?? run.info.artifactUri, folder),
          artifactPath: folder,
          location: rootUri ? joinUri(rootUri, folder) : undefined,
        });
        continue;
      }
      next.push(...files.filter((f) => f.isDir).map((f) => f.path));
    }
    level = next;
  }
  return found;
}

/** Everything a run logged that can be registered: MLflow 3 logged models first, then MLflow 2 artifact folders. */
export async function findLoggableModels(client: LoggableModelsClient, run: Run, opts: FindOptions = {}): Promise<LoggableModels> {
  const logged = await loggedModelsOfRun(client, run, opts);
  const artifacts = await artifactModelsOfRun(client, run, opts);
  return { models: [...(logged ?? []), ...artifacts], loggedModelsEndpoint: logged !== undefined };
}

async function listAll(client: LoggableModelsClient, runId: string, path: string, signal?: AbortSignal) {
  const files: { path: string; isDir: boolean }[] = [];
  let rootUri: string | undefined;
  let pageToken: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await client.tracking.listArtifactsPage(runId, { path, pageToken, signal });
    rootUri ??= page.rootUri;
    files.push(...page.files);
    pageToken = page.nextPageToken;
    if (pageToken !== undefined) {
      if (seen.has(pageToken)) break;
      seen.add(pageToken);
    }
  } while (pageToken);
  return { files, rootUri };
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const joinUri = (root: string, path: string) => (path ? `${root.replace(/\/+$/, '')}/${path}` : root);

/** The folder's artifact URI (what MLflow 2's `register_model` sends), or `runs:/<run>/<path>` without one. */
export function artifactSource(runId: string, rootUri: string | undefined, path: string): string {
  return rootUri ? joinUri(rootUri, path) : `runs:/${runId}${path ? `/${path}` : ''}`;
}

/** A run that the registry does not know: the run id typed in is wrong (or belongs to another server). */
export class RunNotFoundError extends Error {
  constructor(
    readonly runId: string,
    readonly host: string,
    override readonly cause?: unknown,
  ) {
    super(`There is no run with the ID "${runId}" at ${host}. Check the ID (it is on the run's page, 32 letters and digits).`);
    this.name = 'RunNotFoundError';
  }
}

/** The run with this id; RunNotFoundError when there is none (MLflow says RESOURCE_DOES_NOT_EXIST, or refuses the id's form). */
export async function runById(client: Pick<RegistryClient, 'tracking' | 'transport'>, runId: string, signal?: AbortSignal): Promise<Run> {
  const id = runId.trim();
  if (!id) throw new RunNotFoundError(runId, client.transport.host);
  try {
    return await client.tracking.getRun(id, { signal });
  } catch (e) {
    if (isRegistryError(e) && (e.isNotFound || e.errorCode === 'INVALID_PARAMETER_VALUE'))
      throw new RunNotFoundError(id, client.transport.host, e);
    throw e;
  }
}

/** The metrics a run is best summarised by: the first `count` by name (MLflow keeps the latest value of each). */
export function headlineMetrics(run: Run, count = 2): { key: string; value: number }[] {
  return [...run.data.metrics]
    .sort((a, b) => a.key.localeCompare(b.key))
    .slice(0, count)
    .map((m) => ({ key: m.key, value: m.value }));
}

export interface VersionExtras {
  description?: string;
  tags?: Tag[];
}

/** The create request for a loggable model: `name`, `source`, and the options (`run_id`, MLflow 3 `model_id`). */
export function createRequest(
  model: string,
  loggable: LoggableModel,
  extras: VersionExtras = {},
): { name: string; source: string; options: CreateModelVersionOptions } {
  const options: CreateModelVersionOptions = { runId: loggable.runId };
  if (loggable.modelId !== undefined) options.modelId = loggable.modelId;
  if (extras.description) options.description = extras.description;
  if (extras.tags?.length) options.tags = extras.tags;
  return { name: model, source: loggable.source, options };
}

export interface RegisterTarget {
  /** The registered model's name. */
  model: string;
  /** Create it first (a new name); a taken name is refused with `error.nameTaken`. */
  create?: boolean;
}

export interface Registered {
  version: ModelVersion;
  /** The model, when this call created it. */
  createdModel?: RegisteredModel;
}

/**
 * Registers a loggable model as a new version of `target.model`, creating the model first when
 * asked. When the version cannot be created, a model this call created (and so empty) is
 * deleted again, so a failure leaves nothing behind.
 */
export async function registerLoggable(
  client: RegistryClient,
  loggable: LoggableModel,
  target: RegisterTarget,
  extras: VersionExtras = {},
): Promise<Registered> {
  const createdModel = target.create ? await createRegisteredModel(client, target.model) : undefined;
  const req = createRequest(target.model, loggable, extras);
  try {
    const version = await client.versions.create(req.name, req.source, req.options);
    return { version, createdModel };
  } catch (e) {
    // Only a model that is still empty goes: a create that timed out may have made the version after all.
    if (createdModel) {
      const versions = await allVersions(client, target.model).catch(() => undefined);
      if (versions?.length === 0) await client.models.delete(target.model).catch(() => undefined);
    }
    throw e;
  }
}

/** The logged model a version was registered from: `model_id` when the server says it, else its `models:/m-…` source. */
export function linkedModelId(version: Pick<ModelVersion, 'modelId' | 'source'>): string | undefined {
  if (version.modelId) return version.modelId;
  const m = /^models:\/(m-[^/@]+)$/.exec(version.source ?? '');
  return m?.[1];
}

export interface WaitOptions {
  /** Between reads, in ms (default 2 s, as the tree polls). */
  intervalMs?: number;
  /** Give up after this long (default 30 minutes) and return the version as it is then. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with each read while the version is still pending. */
  onPending?: (version: ModelVersion) => void;
}

/**
 * Reads a version until it is no longer `PENDING_REGISTRATION` (READY, or FAILED_REGISTRATION
 * with its `statusMessage`), and returns it. A version still pending after `timeoutMs`, or when
 * `signal` aborts, is returned as it is.
 */
export async function waitForRegistration(
  client: Pick<RegistryClient, 'versions'>,
  model: string,
  version: string,
  opts: WaitOptions = {},
): Promise<ModelVersion> {
  const interval = opts.intervalMs ?? 2000;
  const deadline = Date.now() + (opts.timeoutMs ?? 30 * 60_000);
  for (;;) {
    const v = await client.versions.get(model, version, { signal: opts.signal });
    if (v.status !== 'PENDING_REGISTRATION') return v;
    opts.onPending?.(v);
    if (Date.now() >= deadline || opts.signal?.aborted) return v;
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), opts.signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

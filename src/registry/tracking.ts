import type { CallOptions } from './models';
import { items, type Page } from './paging';
import type { Transport } from './transport';
import type { ArtifactListing, Experiment, LoggedModel, Run } from './types';
import { clampPageSize, pagingLoopError } from './validate';
import { toArtifactListing, toExperiment, toLoggedModel, toRun } from './wire';

const P = 'api/2.0/mlflow';

export interface TrackingSearchOptions extends CallOptions {
  filter?: string;
  orderBy?: string[];
  pageSize?: number;
  pageToken?: string;
}

/** The tracking endpoints the registry needs: a version's run, its artifacts, and finding runs to register. */
export class TrackingApi {
  constructor(private readonly t: Transport) {}

  async getRun(runId: string, opts: CallOptions = {}): Promise<Run> {
    const r = await this.t.request<{ run: unknown }>({
      method: 'GET',
      path: `${P}/runs/get`,
      query: { run_id: runId },
      idempotent: true,
      signal: opts.signal,
    });
    return toRun(r.run);
  }

  /** One page of a run's artifacts under `path` (MLflow 2 layout; MLflow 3 keeps models with logged models). */
  async listArtifactsPage(runId: string, opts: CallOptions & { path?: string; pageToken?: string } = {}): Promise<ArtifactListing> {
    const r = await this.t.request<unknown>({
      method: 'GET',
      path: `${P}/artifacts/list`,
      idempotent: true,
      signal: opts.signal,
      query: { run_id: runId, path: opts.path || undefined, page_token: opts.pageToken },
    });
    return toArtifactListing(r);
  }

  async searchExperimentsPage(opts: TrackingSearchOptions = {}): Promise<Page<Experiment>> {
    const r = await this.t.request<{ experiments?: unknown[]; next_page_token?: string }>({
      method: 'POST',
      path: `${P}/experiments/search`,
      idempotent: true,
      signal: opts.signal,
      body: {
        filter: opts.filter || undefined,
        max_results: clampPageSize(opts.pageSize, 100, 1000),
        order_by: opts.orderBy,
        page_token: opts.pageToken,
      },
    });
    return { items: (r.experiments ?? []).map(toExperiment), nextPageToken: r.next_page_token || undefined };
  }

  searchExperiments(opts: Omit<TrackingSearchOptions, 'pageToken'> = {}): AsyncGenerator<Experiment, void, undefined> {
    return items(
      (pageToken) => this.searchExperimentsPage({ ...opts, pageToken }),
      () => pagingLoopError(this.t.host),
    );
  }

  async searchRunsPage(experimentIds: string[], opts: TrackingSearchOptions = {}): Promise<Page<Run>> {
    const r = await this.t.request<{ runs?: unknown[]; next_page_token?: string }>({
      method: 'POST',
      path: `${P}/runs/search`,
      idempotent: true,
      signal: opts.signal,
      body: {
        experiment_ids: experimentIds,
        filter: opts.filter || undefined,
        max_results: clampPageSize(opts.pageSize, 100, 1000),
        order_by: opts.orderBy,
        page_token: opts.pageToken,
      },
    });
    return { items: (r.runs ?? []).map(toRun), nextPageToken: r.next_page_token || undefined };
  }

  searchRuns(experimentIds: string[], opts: Omit<TrackingSearchOptions, 'pageToken'> = {}): AsyncGenerator<Run, void, undefined> {
    return items(
      (pageToken) => this.searchRunsPage(experimentIds, { ...opts, pageToken }),
      () => pagingLoopError(this.t.host),
    );
  }

  /** MLflow 3: one logged model by id (`GET logged-models/<id>`), with its tags (`mlflow.modelVersions` lists the versions registered from it). */
  async getLoggedModel(modelId: string, opts: CallOptions = {}): Promise<LoggedModel> {
    const r = await this.t.request<{ model?: unknown }>({
      method: 'GET',
      path: `${P}/logged-models/${encodeURIComponent(modelId)}`,
      idempotent: true,
      signal: opts.signal,
    });
    return toLoggedModel(r.model ?? {});
  }

  /** MLflow 3's logged models (a POST that only reads). */
  async searchLoggedModelsPage(experimentIds: string[], opts: TrackingSearchOptions = {}): Promise<Page<LoggedModel>> {
    const r = await this.t.request<{ models?: unknown[]; next_page_token?: string }>({
      method: 'POST',
      path: `${P}/logged-models/search`,
      idempotent: true,
      signal: opts.signal,
      body: {
        experiment_ids: experimentIds,
        filter: opts.filter || undefined,
        max_results: clampPageSize(opts.pageSize, 100, 1000),
        order_by: opts.orderBy?.map(toLoggedModelOrder),
        page_token: opts.pageToken,
      },
    });
    return { items: (r.models ?? []).map(toLoggedModel), nextPageToken: r.next_page_token || undefined };
  }

  searchLoggedModels(
    experimentIds: string[],
    opts: Omit<TrackingSearchOptions, 'pageToken'> = {},
  ): AsyncGenerator<LoggedModel, void, undefined> {
    return items(
      (pageToken) => this.searchLoggedModelsPage(experimentIds, { ...opts, pageToken }),
      () => pagingLoopError(this.t.host),
    );
  }
}

/** logged-models/search takes order_by as objects, not "key DESC" strings. */
function toLoggedModelOrder(entry: string): { field_name: string; ascending: boolean } {
  const [field, dir = 'ASC'] = entry.trim().split(/\s+/);
  return { field_name: field, ascending: dir.toUpperCase() !== 'DESC' };
}

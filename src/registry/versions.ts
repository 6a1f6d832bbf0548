import { RegistryError } from './errors';
import { refuse, tagKeyProblem, tagValueProblem } from './inputRules';
import type { CallOptions } from './models';
import { items, type Page } from './paging';
import type { Transport } from './transport';
import type { ModelVersion, ModelVersionSearchOptions, Stage, Tag } from './types';
import { canonicalStage, checkDescription, clampPageSize, pagingLoopError } from './validate';
import { fromTags, toModelVersion } from './wire';

const P = 'api/2.0/mlflow/model-versions';

export interface CreateModelVersionOptions extends CallOptions {
  runId?: string;
  runLink?: string;
  description?: string;
  tags?: Tag[] | Record<string, string>;
  /** MLflow 3: the logged model the source belongs to; the server checks and links them. */
  modelId?: string;
}

/** Model-version endpoints: one method per row of the REST table. */
export class ModelVersionsApi {
  constructor(private readonly t: Transport) {}

  /** Never resent once it went out: a second try would register a second version. */
  async create(name: string, source: string, opts: CreateModelVersionOptions = {}): Promise<ModelVersion> {
    if (opts.description !== undefined) checkDescription(opts.description);
    const r = await this.t.request<{ model_version: unknown }>({
      method: 'POST',
      path: `${P}/create`,
      idempotent: false,
      signal: opts.signal,
      body: {
        name,
        source,
        run_id: opts.runId,
        run_link: opts.runLink,
        description: opts.description,
        tags: fromTags(opts.tags),
        model_id: opts.modelId,
      },
    });
    return toModelVersion(r.model_version);
  }

  async get(name: string, version: string | number, opts: CallOptions = {}): Promise<ModelVersion> {
    const r = await this.t.request<{ model_version: unknown }>({
      method: 'GET',
      path: `${P}/get`,
      query: { name, version: String(version) },
      idempotent: true,
      signal: opts.signal,
    });
    return toModelVersion(r.model_version);
  }

  /** Sets the description; MLflow clears it when the field is omitted, so it is always sent. */
  async update(name: string, version: string | number, description: string, opts: CallOptions = {}): Promise<ModelVersion> {
    checkDescription(description);
    const r = await this.t.request<{ model_version: unknown }>({
      method: 'PATCH',
      path: `${P}/update`,
      idempotent: true,
      signal: opts.signal,
      body: { name, version: String(version), description },
    });
    return toModelVersion(r.model_version);
  }

  /**
   * Moves a version to a stage (any case). `archiveExistingVersions` archives what was in the
   * target stage; MLflow answers 500 when it is combined with None or Archived, so that is
   * refused here with a sentence instead.
   */
  async transitionStage(
    name: string,
    version: string | number,
    stage: Stage | string,
    opts: CallOptions & { archiveExistingVersions?: boolean } = {},
  ): Promise<ModelVersion> {
    const target = canonicalStage(stage);
    const archive = opts.archiveExistingVersions ?? false;
    if (archive && target !== 'Staging' && target !== 'Production') {
      throw new RegistryError({ kind: 'client', messageId: 'error.archiveNeedsActiveStage', params: { stage: target } });
    }
    const r = await this.t.request<{ model_version: unknown }>({
      method: 'POST',
      path: `${P}/transition-stage`,
      idempotent: true,
      signal: opts.signal,
      body: { name, version: String(version), stage: target, archive_existing_versions: archive },
    });
    return toModelVersion(r.model_version);
  }

  /** Permanent for the user: the number is never reused and aliases on it go too. */
  async delete(name: string, version: string | number, opts: CallOptions = {}): Promise<void> {
    await this.t.request({
      method: 'DELETE',
      path: `${P}/delete`,
      idempotent: true,
      signal: opts.signal,
      body: { name, version: String(version) },
    });
  }

  /** One page of versions; `pageSize` is always sent (default 100, at most 10,000, Databricks' limit). */
  async searchPage(options: ModelVersionSearchOptions & CallOptions & { pageToken?: string } = {}): Promise<Page<ModelVersion>> {
    const r = await this.t.request<{ model_versions?: unknown[]; next_page_token?: string }>({
      method: 'GET',
      path: `${P}/search`,
      idempotent: true,
      signal: options.signal,
      query: {
        filter: options.filter || undefined,
        max_results: clampPageSize(options.pageSize, 100, 10_000),
        order_by: options.orderBy,
        page_token: options.pageToken,
      },
    });
    return { items: (r.model_versions ?? []).map(toModelVersion), nextPageToken: r.next_page_token || undefined };
  }

  /** Every matching version, page by page as the caller iterates. Aliases are not filled on OSS. */
  search(options: ModelVersionSearchOptions & CallOptions = {}): AsyncGenerator<ModelVersion, void, undefined> {
    return items(
      (pageToken) => this.searchPage({ ...options, pageToken }),
      () => pagingLoopError(this.t.host),
    );
  }

  /** Where the version's files are (MLflow 3: the logged model's location, often `mlflow-artifacts:/...`). */
  async getDownloadUri(name: string, version: string | number, opts: CallOptions = {}): Promise<string> {
    const r = await this.t.request<{ artifact_uri?: string }>({
      method: 'GET',
      path: `${P}/get-download-uri`,
      query: { name, version: String(version) },
      idempotent: true,
      signal: opts.signal,
    });
    return r.artifact_uri ?? '';
  }

  async setTag(name: string, version: string | number, key: string, value: string, opts: CallOptions = {}): Promise<void> {
    refuse(tagKeyProblem(key));
    refuse(tagValueProblem(value));
    await this.t.request({
      method: 'POST',
      path: `${P}/set-tag`,
      idempotent: true,
      signal: opts.signal,
      body: { name, version: String(version), key, value },
    });
  }

  async deleteTag(name: string, version: string | number, key: string, opts: CallOptions = {}): Promise<void> {
    await this.t.request({
      method: 'DELETE',
      path: `${P}/delete-tag`,
      idempotent: true,
      signal: opts.signal,
      body: { name, version: String(version), key },
    });
  }
}

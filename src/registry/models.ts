import { items, type Page } from './paging';
import { aliasProblem, refuse, tagKeyProblem, tagValueProblem } from './inputRules';
import type { Transport } from './transport';
import type { ModelVersion, RegisteredModel, RegisteredModelSearchOptions, Stage, Tag } from './types';
import { fromTags, toModelVersion, toRegisteredModel } from './wire';
import { checkDescription, clampPageSize, pagingLoopError } from './validate';

const P = 'api/2.0/mlflow/registered-models';

export interface CallOptions {
  signal?: AbortSignal;
}

/** Registered-model endpoints: one method per row of the REST table. */
export class RegisteredModelsApi {
  constructor(private readonly t: Transport) {}

  async create(
    name: string,
    opts: CallOptions & { description?: string; tags?: Tag[] | Record<string, string> } = {},
  ): Promise<RegisteredModel> {
    if (opts.description !== undefined) checkDescription(opts.description);
    const r = await this.t.request<{ registered_model: unknown }>({
      method: 'POST',
      path: `${P}/create`,
      idempotent: false,
      signal: opts.signal,
      body: { name, description: opts.description, tags: fromTags(opts.tags) },
    });
    return toRegisteredModel(r.registered_model);
  }

  async get(name: string, opts: CallOptions = {}): Promise<RegisteredModel> {
    const r = await this.t.request<{ registered_model: unknown }>({
      method: 'GET',
      path: `${P}/get`,
      query: { name },
      idempotent: true,
      signal: opts.signal,
    });
    return toRegisteredModel(r.registered_model);
  }

  /** Sets the description; MLflow clears it when the field is omitted, so it is always sent. */
  async update(name: string, description: string, opts: CallOptions = {}): Promise<RegisteredModel> {
    checkDescription(description);
    const r = await this.t.request<{ registered_model: unknown }>({
      method: 'PATCH',
      path: `${P}/update`,
      idempotent: true,
      signal: opts.signal,
      body: { name, description },
    });
    return toRegisteredModel(r.registered_model);
  }

  /** Not retried: a second try after a lost answer would fail on the old name. */
  async rename(name: string, newName: string, opts: CallOptions = {}): Promise<RegisteredModel> {
    const r = await this.t.request<{ registered_model: unknown }>({
      method: 'POST',
      path: `${P}/rename`,
      idempotent: false,
      signal: opts.signal,
      body: { name, new_name: newName },
    });
    return toRegisteredModel(r.registered_model);
  }

  /** Deletes the model with every version and alias (open-source MLflow does, whatever the stages). */
  async delete(name: string, opts: CallOptions = {}): Promise<void> {
    await this.t.request({ method: 'DELETE', path: `${P}/delete`, idempotent: true, signal: opts.signal, body: { name } });
  }

  /** One page of models; `pageSize` is always sent (default 100, at most 1000). */
  async searchPage(options: RegisteredModelSearchOptions & CallOptions & { pageToken?: string } = {}): Promise<Page<RegisteredModel>> {
    const r = await this.t.request<{ registered_models?: unknown[]; next_page_token?: string }>({
      method: 'GET',
      path: `${P}/search`,
      idempotent: true,
      signal: options.signal,
      query: {
        filter: options.filter || undefined,
        max_results: clampPageSize(options.pageSize, 100, 1000),
        order_by: options.orderBy,
        page_token: options.pageToken,
      },
    });
    return { items: (r.registered_models ?? []).map(toRegisteredModel), nextPageToken: r.next_page_token || undefined };
  }

  /** Every model, page by page as the caller iterates. */
  search(options: RegisteredModelSearchOptions & CallOptions = {}): AsyncGenerator<RegisteredModel, void, undefined> {
    return items(
      (pageToken) => this.searchPage({ ...options, pageToken }),
      () => pagingLoopError(this.t.host),
    );
  }

  async getLatestVersions(name: string, stages?: Stage[], opts: CallOptions = {}): Promise<ModelVersion[]> {
    const r = await this.t.request<{ model_versions?: unknown[] }>({
      method: 'POST',
      path: `${P}/get-latest-versions`,
      idempotent: true,
      signal: opts.signal,
      body: { name, stages },
    });
    return (r.model_versions ?? []).map(toModelVersion);
  }

  async setTag(name: string, key: string, value: string, opts: CallOptions = {}): Promise<void> {
    refuse(tagKeyProblem(key));
    refuse(tagValueProblem(value));
    await this.t.request({ method: 'POST', path: `${P}/set-tag`, idempotent: true, signal: opts.signal, body: { name, key, value } });
  }

  async deleteTag(name: string, key: string, opts: CallOptions = {}): Promise<void> {
    await this.t.request({ method: 'DELETE', path: `${P}/delete-tag`, idempotent: true, signal: opts.signal, body: { name, key } });
  }

  async setAlias(name: string, alias: string, version: string | number, opts: CallOptions = {}): Promise<void> {
    refuse(aliasProblem(alias));
    await this.t.request({
      method: 'POST',
      path: `${P}/alias`,
      idempotent: true,
      signal: opts.signal,
      body: { name, alias, version: String(version) },
    });
  }

  async deleteAlias(name: string, alias: string, opts: CallOptions = {}): Promise<void> {
    await this.t.request({ method: 'DELETE', path: `${P}/alias`, idempotent: true, signal: opts.signal, body: { name, alias } });
  }

  /** The version an alias points to. A missing alias is 400 INVALID_PARAMETER_VALUE on OSS, not 404. */
  async getVersionByAlias(name: string, alias: string, opts: CallOptions = {}): Promise<ModelVersion> {
    const r = await this.t.request<{ model_version: unknown }>({
      method: 'GET',
      path: `${P}/alias`,
      query: { name, alias },
      idempotent: true,
      signal: opts.signal,
    });
    return toModelVersion(r.model_version);
  }
}

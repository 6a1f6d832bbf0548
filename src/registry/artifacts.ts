import { RegistryError } from './errors';
import type { CallOptions } from './models';
import type { Transport } from './transport';
import type { ArtifactListing } from './types';
import { toArtifactListing } from './wire';

const P = 'api/2.0/mlflow-artifacts/artifacts';

/**
 * The path inside the server's artifact proxy for an `mlflow-artifacts:` location
 * (`mlflow-artifacts:/1/models/m-x/artifacts` or `mlflow-artifacts://host:port/1/...`), or
 * undefined for any other kind of location (s3://, a local path, dbfs:/...).
 */
export function proxiedArtifactPath(location: string): string | undefined {
  const m = /^mlflow-artifacts:(\/\/[^/]*)?\/*(.*)$/i.exec(location.trim());
  if (!m) return undefined;
  return m[2].replace(/\/+$/, '');
}

function encodePath(path: string): string {
  return path.split('/').filter(Boolean).map(encodeURIComponent).join('/');
}

/** Files the server proxies (`--artifacts-destination`), where MLflow 3 keeps logged models. */
export class ArtifactsApi {
  constructor(private readonly t: Transport) {}

  /** Lists one folder of a proxied location. */
  async list(location: string, opts: CallOptions = {}): Promise<ArtifactListing> {
    const path = this.pathOf(location);
    const r = await this.t.request<unknown>({ method: 'GET', path: P, query: { path }, idempotent: true, signal: opts.signal });
    return toArtifactListing(r);
  }

  /** Reads one text file of a proxied location (`MLmodel`, `input_example.json`). */
  async readText(location: string, file: string, opts: CallOptions = {}): Promise<string> {
    const path = this.pathOf(location);
    return this.t.request<string>({
      method: 'GET',
      path: `${P}/${encodePath(`${path}/${file}`)}`,
      idempotent: true,
      signal: opts.signal,
      responseType: 'text',
    });
  }

  private pathOf(location: string): string {
    const path = proxiedArtifactPath(location);
    if (path === undefined) {
      throw new RegistryError({ kind: 'client', messageId: 'error.artifactsNotProxied', params: { model: '', version: '', location } });
    }
    return path;
  }
}

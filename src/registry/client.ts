import { ArtifactsApi, proxiedArtifactPath } from './artifacts';
import { isRegistryError, RegistryError } from './errors';
import { parseMlModel } from './mlmodel';
import { type CallOptions, RegisteredModelsApi } from './models';
import { TrackingApi } from './tracking';
import { Transport, type TransportOptions } from './transport';
import type { MlModel } from './types';
import { ModelVersionsApi } from './versions';

/**
 * The MLflow Model Registry client: plain Node, no `vscode`. One object per registry URI;
 * endpoint groups hang off it, all sharing one keep-alive transport.
 */
export class RegistryClient {
  readonly transport: Transport;
  readonly models: RegisteredModelsApi;
  readonly versions: ModelVersionsApi;
  readonly tracking: TrackingApi;
  readonly artifacts: ArtifactsApi;

  constructor(options: TransportOptions) {
    this.transport = new Transport(options);
    this.models = new RegisteredModelsApi(this.transport);
    this.versions = new ModelVersionsApi(this.transport);
    this.tracking = new TrackingApi(this.transport);
    this.artifacts = new ArtifactsApi(this.transport);
  }

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  /** `GET /health`: true when the server answers OK. */
  async health(opts: CallOptions = {}): Promise<boolean> {
    const text = await this.transport.request<string>({
      method: 'GET',
      path: 'health',
      idempotent: true,
      signal: opts.signal,
      responseType: 'text',
    });
    return text.trim().toUpperCase() === 'OK';
  }

  /** `GET /version`: the MLflow server's version, or undefined where there is none (Databricks). */
  async serverVersion(opts: CallOptions = {}): Promise<string | undefined> {
    try {
      const text = await this.transport.request<string>({
        method: 'GET',
        path: 'version',
        idempotent: true,
        signal: opts.signal,
        responseType: 'text',
      });
      const v = text.trim();
      return /^\d+\.\d+/.test(v) ? v : undefined;
    } catch (e) {
      if (isRegistryError(e) && e.status === 404) return undefined;
      throw e;
    }
  }

  /**
   * A version's `MLmodel` (flavours, signature, input example), read through the server's
   * artifact proxy from the version's download location, where MLflow 3 keeps it.
   */
  async getModelVersionMlModel(name: string, version: string | number, opts: CallOptions = {}): Promise<MlModel> {
    const location = await this.versions.getDownloadUri(name, version, opts);
    if (proxiedArtifactPath(location) === undefined) {
      throw new RegistryError({
        kind: 'client',
        messageId: 'error.artifactsNotProxied',
        params: { model: name, version: String(version), location },
      });
    }
    const text = await this.artifacts.readText(location, 'MLmodel', opts);
    try {
      return parseMlModel(text);
    } catch (cause) {
      throw new RegistryError({
        kind: 'invalidResponse',
        messageId: 'error.mlmodelInvalid',
        cause,
        params: { model: name, version: String(version), detail: cause instanceof Error ? cause.message : String(cause) },
      });
    }
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

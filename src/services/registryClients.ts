// Job: builds the registry clients the extension uses, and records every request they send.
import * as vscode from 'vscode';
import { RegistryClient } from '../registry/client';
import type { RequestRecord } from '../registry/transport';
import type { Logger } from '../logging/logger';

const MAX_RECORDS = 2000;

export type ClientOptions = Pick<ConstructorParameters<typeof RegistryClient>[0], 'baseUrl' | 'auth' | 'dispatcher'>;

/** One factory for every client, so the request log (the API's `requests()`) sees them all. */
export class RegistryClients {
  private readonly records: RequestRecord[] = [];
  private total = 0;

  constructor(private readonly log: Logger) {}

  create(options: ClientOptions): RegistryClient {
    return new RegistryClient({
      ...options,
      logger: { debug: (m) => this.log.debug(m), warn: (m) => this.log.warn(m) },
      userAgent: `mlflow-registry-vscode/${vscode.version}`,
      onRequest: (r) => {
        this.total++;
        this.records.push(r);
        if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
      },
    });
  }

  /** Every try sent since activation (retries included), newest last; the oldest drop past 2000. */
  get requests(): readonly RequestRecord[] {
    return this.records;
  }

  get requestCount(): number {
    return this.total;
  }
}

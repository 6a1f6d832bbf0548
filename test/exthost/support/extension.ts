/** What the extension-host tests share: the extension under test, activated, and counts from its request log. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlflowRegistryApi } from '../../../src/api';
import type { RequestRecord } from '../../../src/registry/transport';

/** The product's extension id (publisher.name in package.json). */
export const EXTENSION_ID = 'mlflow-registry-tools.mlflow-model-registry';

/** The installed extension, activated, once it has read its configured registry. */
export async function activateExtension(): Promise<MlflowRegistryApi> {
  const ext = vscode.extensions.getExtension<MlflowRegistryApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  const api = await ext.activate();
  await api.ready();
  return api;
}

/** A point in the request log: pass it to `requestsSince` or `countRequests`. */
export type RequestMark = number;

export function requestMark(api: MlflowRegistryApi): RequestMark {
  return api.requestCount();
}

/**
 * The tries sent since `mark`, oldest first. Counted with `requestCount()`, so it stays right when
 * the log (which keeps the newest 2000) has dropped older records.
 */
export function requestsSince(api: MlflowRegistryApi, mark: RequestMark): readonly RequestRecord[] {
  const sent = api.requestCount() - mark;
  const log = api.requests();
  return sent <= 0 ? [] : log.slice(Math.max(0, log.length - sent));
}

/** How many tries since `mark` went to a path ending in `pathEnd` (`registered-models/search`). */
export function countRequests(api: MlflowRegistryApi, pathEnd: string, mark: RequestMark): number {
  return requestsSince(api, mark).filter((r) => r.path.endsWith(pathEnd)).length;
}

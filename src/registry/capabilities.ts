/**
 * What the registry behind a client can do, where that differs between servers. Plain Node,
 * no `vscode`: the extension hides what a server lacks, and says why, from this answer.
 *
 * Model aliases came with MLflow 2.3. An open-source server says its version at `/version`;
 * a Databricks workspace has no `/version`, and an old server (or a proxy in front of one)
 * may answer the alias endpoint with `ENDPOINT_NOT_FOUND`.
 */
import { randomUUID } from 'node:crypto';
import type { RegistryClient } from './client';
import { isRegistryError } from './errors';
import type { CallOptions } from './models';

export interface ServerCapabilities {
  /** What `/version` said, when the server has one (a Databricks workspace has none). */
  serverVersion?: string;
  /** Whether model aliases (`@champion`) can be read and set. */
  aliases: boolean;
  /** Why aliases are missing: the server's version is below 2.3, or its alias endpoint is not there. */
  aliasesReason?: 'version' | 'endpoint';
}

/** The first MLflow release with model aliases. */
export const ALIASES_SINCE = { major: 2, minor: 3 } as const;

/** The parts of the client detection uses (a narrow type keeps unit-test fakes small). */
export type CapabilityClient = Pick<RegistryClient, 'serverVersion'> & {
  models: Pick<RegistryClient['models'], 'getVersionByAlias'>;
};

export interface DetectOptions extends CallOptions {
  /**
   * What `/version` already answered, when the caller has asked it (the connection check
   * does): `{ serverVersion: undefined }` means the server has none. Saves a request.
   */
  known?: { serverVersion?: string };
}

/** `major.minor` of an MLflow version string (`2.2.0`, `2.3.0rc0`, `3.1.0.dev0`); undefined when it is not one. */
export function parseMlflowVersion(text: string | undefined): { major: number; minor: number } | undefined {
  const m = /^\s*v?(\d+)\.(\d+)/.exec(text ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** True or false when the version decides it, undefined when there is no (readable) version. */
export function aliasesByVersion(serverVersion: string | undefined): boolean | undefined {
  const v = parseMlflowVersion(serverVersion);
  if (!v) return undefined;
  return v.major > ALIASES_SINCE.major || (v.major === ALIASES_SINCE.major && v.minor >= ALIASES_SINCE.minor);
}

/**
 * What the alias probe's failure says: false when the endpoint is not there
 * (`ENDPOINT_NOT_FOUND`, a 404 without an MLflow error body, `NOT_IMPLEMENTED`), true when
 * the server understood the request and refused the made-up name. Anything else (no
 * answer, 401/403, 5xx) says nothing about aliases: it is thrown on.
 */
export function aliasesFromProbeError(e: unknown): boolean {
  if (!isRegistryError(e) || e.kind !== 'http' || e.status === undefined) throw e;
  if (e.errorCode === 'ENDPOINT_NOT_FOUND' || e.errorCode === 'NOT_IMPLEMENTED' || e.status === 501) return false;
  if (e.status === 404 && !e.errorCode) return false;
  if (e.errorCode === 'RESOURCE_DOES_NOT_EXIST' || e.errorCode === 'INVALID_PARAMETER_VALUE' || e.errorCode === 'BAD_REQUEST') return true;
  if (e.status >= 400 && e.status < 500 && ![401, 403, 408, 429].includes(e.status)) return true;
  throw e;
}

/** A registered-model name no registry holds, for the probe. */
const probeName = () => `mlflow-registry-vscode-capability-probe-${randomUUID()}`;

/**
 * Reads `/version` (unless `opts.known` has it); below MLflow 2.3 aliases are off. With no
 * version (Databricks) asks the alias endpoint about a model that cannot exist, once; at 2.3
 * or later it trusts the version and sends nothing more. Network and auth errors propagate.
 */
export async function detectCapabilities(client: CapabilityClient, opts: DetectOptions = {}): Promise<ServerCapabilities> {
  const serverVersion = opts.known ? opts.known.serverVersion : await client.serverVersion({ signal: opts.signal });
  const withVersion = serverVersion === undefined ? {} : { serverVersion };
  const byVersion = aliasesByVersion(serverVersion);
  if (byVersion === false) return { ...withVersion, aliases: false, aliasesReason: 'version' };
  if (byVersion === true) return { ...withVersion, aliases: true };
  let aliases: boolean;
  try {
    await client.models.getVersionByAlias(probeName(), 'capability_probe', { signal: opts.signal });
    aliases = true;
  } catch (e) {
    aliases = aliasesFromProbeError(e);
  }
  return aliases ? { ...withVersion, aliases } : { ...withVersion, aliases, aliasesReason: 'endpoint' };
}

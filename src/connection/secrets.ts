/**
 * The secrets of a resolved connection (password, token, proxy user info) live beside it in a
 * WeakMap, never on it: `JSON.stringify`, `util.inspect` and log lines cannot reach them. Pass
 * the very object `resolveConnection` returned (a copy has no secrets).
 */
import type { Dispatcher } from 'undici';
import type { RegistryAuth, TransportOptions } from '../registry/transport';
import type { ResolvedConnection } from './types';

interface HeldSecrets {
  auth?: RegistryAuth;
  /** The proxy URL with its user info. */
  proxyUrl?: string;
}

const held = new WeakMap<ResolvedConnection, HeldSecrets>();

export function holdSecrets(resolved: ResolvedConnection, secrets: HeldSecrets): ResolvedConnection {
  held.set(resolved, secrets);
  return resolved;
}

/** The credentials for the registry, for the transport only. */
export function registryAuth(resolved: ResolvedConnection): RegistryAuth | undefined {
  return held.get(resolved)?.auth;
}

/** The proxy URL including its user info, for the dispatcher only. */
export function proxyUrlWithCredentials(resolved: ResolvedConnection): string | undefined {
  return held.get(resolved)?.proxyUrl;
}

/** What the registry transport needs, or undefined when the registry cannot be served. */
export function transportOptions(
  resolved: ResolvedConnection,
  dispatcher?: Dispatcher,
): Pick<TransportOptions, 'baseUrl' | 'auth' | 'dispatcher'> | undefined {
  if (!resolved.registryUrl || resolved.problem) return undefined;
  return { baseUrl: resolved.registryUrl, auth: registryAuth(resolved), dispatcher };
}

/**
 * Environment variables, the home directory and file paths, per platform: Windows looks
 * variables up case-insensitively and joins paths with `path.win32`, whatever Node runs on.
 */
import * as path from 'node:path';
import type { ConnectionMessage } from './connectionMessages';
import type { Platform } from './sources';
import type { Sourced } from './types';

export type Env = Readonly<Record<string, string | undefined>>;

/** A non-empty (trimmed) variable; on Windows names match whatever their case. */
export function envValue(env: Env, name: string, platform: Platform): string | undefined {
  let value = env[name];
  if (value === undefined && platform === 'win32') {
    const upper = name.toUpperCase();
    const key = Object.keys(env).find((k) => k.toUpperCase() === upper);
    value = key === undefined ? undefined : env[key];
  }
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The first of the names that is set, with its source. */
export function firstEnv(env: Env, names: readonly string[], platform: Platform): Sourced<string> | undefined {
  for (const name of names) {
    const value = envValue(env, name, platform);
    if (value !== undefined) return { value, source: `env:${name}` };
  }
  return undefined;
}

export function pathApi(platform: Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/**
 * As Python's `os.path.expanduser`: `%USERPROFILE%`, else `%HOMEDRIVE%%HOMEPATH%` on Windows;
 * `$HOME` elsewhere; then the fallback handed in (os.homedir()).
 */
export function homeDirectory(env: Env, platform: Platform, fallback?: string): string | undefined {
  if (platform === 'win32') {
    const profile = envValue(env, 'USERPROFILE', platform);
    if (profile) return profile;
    const drive = envValue(env, 'HOMEDRIVE', platform);
    const homePath = envValue(env, 'HOMEPATH', platform);
    if (drive && homePath) return path.win32.join(drive, homePath);
  } else {
    const home = envValue(env, 'HOME', platform);
    if (home) return home;
  }
  return fallback || undefined;
}

/** `~` or `~/x` (or `~\x` on Windows) against the home directory; anything else unchanged. */
export function expandHome(file: string, home: string | undefined, platform: Platform): string {
  const m = (platform === 'win32' ? /^~(?:[\\/](.*))?$/ : /^~(?:\/(.*))?$/).exec(file);
  if (!m || !home) return file;
  return m[1] ? pathApi(platform).join(home, m[1]) : home;
}

/** Reads a file; an error other than "missing" becomes a warning and reads as missing. */
export async function readOptional(
  readFile: (path: string) => Promise<string | undefined>,
  file: string,
  warnings: ConnectionMessage[],
): Promise<string | undefined> {
  try {
    return await readFile(file);
  } catch (err) {
    warnings.push({ messageId: 'connection.fileUnreadable', params: { path: file, detail: errorText(err) } });
    return undefined;
  }
}

export function errorText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

import type { StoredCredential } from './sources';

/**
 * Reads what the extension keeps in SecretStorage for a registry (the JSON it wrote itself).
 * Anything else (text another tool stored, a hand edit, a truncated entry) is not a credential:
 * undefined, never an exception, because a parse error's message quotes the text it could not
 * read, and that text is a secret that must never reach a log.
 */
export function parseStoredCredential(raw: string): StoredCredential | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.kind === 'bearer' && typeof v.token === 'string' && v.token) return { kind: 'bearer', token: v.token };
  if (v.kind === 'basic' && typeof v.username === 'string' && v.username && typeof v.password === 'string') {
    return { kind: 'basic', username: v.username, password: v.password };
  }
  return undefined;
}

export function serializeStoredCredential(credential: StoredCredential): string {
  return JSON.stringify(credential);
}

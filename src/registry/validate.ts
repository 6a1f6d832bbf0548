import { RegistryError } from './errors';
import { STAGES, type Stage } from './types';

/** MLflow's column holds 5,000 characters; SQLite does not enforce it, so the client does. */
export const MAX_DESCRIPTION = 5000;

export function checkDescription(description: string): void {
  const length = [...description].length; // code points, as MLflow (Python) counts
  if (length > MAX_DESCRIPTION) {
    throw new RegistryError({
      kind: 'client',
      messageId: 'error.descriptionTooLong',
      params: { length, max: MAX_DESCRIPTION },
    });
  }
}

export function clampPageSize(size: number | undefined, fallback: number, max: number): number {
  if (size === undefined || !Number.isFinite(size)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(size)));
}

/** Canonical stage for a name in any case; a client error for anything else. */
export function canonicalStage(stage: string): Stage {
  const found = STAGES.find((s) => s.toLowerCase() === stage.trim().toLowerCase());
  if (!found) throw new RegistryError({ kind: 'client', messageId: 'error.invalidStage', params: { stage } });
  return found;
}

export function pagingLoopError(host: string): RegistryError {
  return new RegistryError({ kind: 'invalidResponse', messageId: 'error.pagingLoop', params: { host } });
}

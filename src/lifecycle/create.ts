/**
 * Creating a registered model, in plain Node: tags typed as `key=value` checked with MLflow's
 * rules before anything is sent, a refused name explained (names.ts), and a taken name said in
 * one sentence (`error.nameTaken`) instead of the server's RESOURCE_ALREADY_EXISTS.
 */
import type { RegistryClient } from '../registry/client';
import { isRegistryError, RegistryError } from '../registry/errors';
import { type InputProblem, refuse, tagKeyProblem, tagValueProblem } from '../registry/inputRules';
import { createModel } from '../registry/names';
import type { RegisteredModel, Tag } from '../registry/types';
import { checkDescription } from '../registry/validate';

/** What was wrong with a typed tag: no `=`, or MLflow's rule it breaks. */
export type TagInputProblem = { kind: 'noEquals' } | { kind: 'rule'; problem: InputProblem };

/** `key=value` (split at the first `=`; spaces around key and value dropped) as a tag, or what is wrong with it. */
export function parseTagInput(text: string): { tag: Tag } | { problem: TagInputProblem } {
  const eq = text.indexOf('=');
  if (eq < 0) return { problem: { kind: 'noEquals' } };
  const key = text.slice(0, eq).trim();
  const value = text.slice(eq + 1).trim();
  const problem = tagKeyProblem(key) ?? tagValueProblem(value);
  return problem ? { problem: { kind: 'rule', problem } } : { tag: { key, value } };
}

export interface NewModel {
  name: string;
  description?: string;
  tags?: Tag[];
}

/**
 * Creates a registered model. Tags and description are checked before sending; a name the
 * server refuses (`/`, `:`) is explained, and a taken name is `error.nameTaken`.
 */
export async function createRegisteredModel(
  client: RegistryClient,
  name: string,
  options: Omit<NewModel, 'name'> = {},
): Promise<RegisteredModel> {
  for (const t of options.tags ?? []) {
    refuse(tagKeyProblem(t.key));
    refuse(tagValueProblem(t.value));
  }
  if (options.description) checkDescription(options.description);
  try {
    return await createModel(client, name, {
      description: options.description || undefined,
      tags: options.tags?.length ? options.tags : undefined,
    });
  } catch (e) {
    if (isRegistryError(e) && e.isAlreadyExists) {
      throw new RegistryError({
        kind: 'http',
        messageId: 'error.nameTaken',
        params: { name },
        cause: e,
        status: e.status,
        errorCode: e.errorCode,
        serverMessage: e.serverMessage,
        method: e.method,
        path: e.path,
        attempts: e.attempts,
      });
    }
    throw e;
  }
}

/**
 * Registered-model names the server refuses, explained in one sentence.
 *
 * MLflow 3.17 (`_validate_model_name`, run on create, rename, get and most calls that take a
 * name) refuses an empty or blank name, any name with `/` or `:`, and names that would read as
 * another file path (`.`, names starting with `..`). Older servers accepted `/` and `:`, so the
 * decision stays with the server: its INVALID_PARAMETER_VALUE answer is turned into
 * `error.modelNameRefused` ("The registry at … does not accept "a/b" as a model name: names
 * cannot contain '/' or ':'.").
 */
import type { RegistryClient } from './client';
import { isRegistryError, RegistryError } from './errors';
import type { CallOptions } from './models';
import type { RegisteredModel, Tag } from './types';

/** The reason part of MLflow's answer, as a clause that can follow a colon; undefined when the answer is not about the name. */
export function nameRefusalReason(serverMessage: string): string | undefined {
  const m = serverMessage.trim();
  // "Invalid model name 'a/b'. Names cannot contain '/' or ':'."
  const chars = /Invalid model name .*?\.\s+(Names cannot contain [^\n]*?)\.?$/s.exec(m);
  if (chars) return lowerFirst(chars[1]);
  // "Invalid value "..x" for parameter 'name' supplied: Names may be treated as files ... This name would resolve to '..x'"
  const path = /for parameter '(?:new_)?name' supplied: .*would resolve to (.*)$/s.exec(m);
  if (path) return `names must not read as a file path (this one reads as ${path[1].replace(/\.$/, '')})`;
  // "Missing value for required parameter 'name'."
  if (/Missing value for required parameter '(?:new_)?name'/.test(m)) return 'a name must not be empty or only spaces';
  return undefined;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * `err` as `error.modelNameRefused` when it is the server refusing a name; otherwise `err`
 * unchanged. `names` are the names the request carried (rename: old and new): the one the
 * server's message quotes is named, else the last. The server's error stays as `cause`.
 */
export function explainNameRefusal(err: unknown, ...names: string[]): unknown {
  if (!isRegistryError(err) || err.errorCode !== 'INVALID_PARAMETER_VALUE' || !err.serverMessage) return err;
  const reason = nameRefusalReason(err.serverMessage);
  if (reason === undefined) return err;
  const message = err.serverMessage;
  const name = names.find((n) => n.trim() !== '' && (message.includes(`'${n}'`) || message.includes(`"${n}"`))) ?? names.at(-1) ?? '';
  return new RegistryError({
    kind: 'http',
    messageId: 'error.modelNameRefused',
    cause: err,
    params: { host: 'host' in err.params ? String(err.params.host) : '', name, reason },
    status: err.status,
    errorCode: err.errorCode,
    serverMessage: err.serverMessage,
    method: err.method,
    path: err.path,
    attempts: err.attempts,
  });
}

/** `models.create`, with a refused name explained in one sentence. */
export async function createModel(
  client: RegistryClient,
  name: string,
  opts: CallOptions & { description?: string; tags?: Tag[] | Record<string, string> } = {},
): Promise<RegisteredModel> {
  try {
    return await client.models.create(name, opts);
  } catch (e) {
    throw explainNameRefusal(e, name);
  }
}

/** `models.rename`, with a refused new name explained in one sentence. */
export async function renameModel(client: RegistryClient, name: string, newName: string, opts: CallOptions = {}): Promise<RegisteredModel> {
  try {
    return await client.models.rename(name, newName, opts);
  } catch (e) {
    throw explainNameRefusal(e, name, newName);
  }
}

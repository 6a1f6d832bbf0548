/**
 * Credentials for an open-source MLflow server, first found wins:
 * user info in a URI from a setting > SecretStorage (keyed by the registry URL) > user info in a
 * URI from the environment > MLFLOW_TRACKING_USERNAME/PASSWORD (basic) > MLFLOW_TRACKING_TOKEN
 * (bearer) > `~/.mlflow/credentials` ([mlflow] mlflow_tracking_username/password).
 */
import type { RegistryAuth } from '../registry/transport';
import { envValue, type Env, errorText, pathApi, readOptional } from './environment';
import { iniValue, parseIni } from './ini';
import type { ConnectionMessage } from './connectionMessages';
import type { Platform, SecretSource, StoredCredential } from './sources';
import type { AuthInfo, ValueSource } from './types';

export interface CredentialChoice {
  auth?: RegistryAuth;
  info: AuthInfo;
}

export interface CredentialContext {
  env: Env;
  platform: Platform;
  home?: string;
  secrets: SecretSource;
  readFile(path: string): Promise<string | undefined>;
  warnings: ConnectionMessage[];
}

export async function resolveOssCredentials(
  ctx: CredentialContext,
  registryUrl: string,
  userInfo: { username: string; password: string } | undefined,
  uriSource: ValueSource,
): Promise<CredentialChoice> {
  const fromUri = userInfo ? basic(userInfo.username, userInfo.password, `userInfo:${uriSource}`) : undefined;
  if (fromUri && uriSource.startsWith('setting:')) return fromUri;

  const stored = await storedCredential(ctx, registryUrl);
  if (stored) return stored;
  if (fromUri) return fromUri;

  const username = envValue(ctx.env, 'MLFLOW_TRACKING_USERNAME', ctx.platform);
  const password = envValue(ctx.env, 'MLFLOW_TRACKING_PASSWORD', ctx.platform);
  if (username && password) return basic(username, password, 'env:MLFLOW_TRACKING_USERNAME,MLFLOW_TRACKING_PASSWORD');
  const token = envValue(ctx.env, 'MLFLOW_TRACKING_TOKEN', ctx.platform);
  if (token) return bearer(token, 'env:MLFLOW_TRACKING_TOKEN');

  if (ctx.home) {
    const file = pathApi(ctx.platform).join(ctx.home, '.mlflow', 'credentials');
    const text = await readOptional(ctx.readFile, file, ctx.warnings);
    if (text !== undefined) {
      const ini = parseIni(text);
      const fileUser = iniValue(ini, 'mlflow', 'mlflow_tracking_username');
      const filePassword = iniValue(ini, 'mlflow', 'mlflow_tracking_password');
      if (fileUser && filePassword) return basic(fileUser, filePassword, `file:${file}`);
    }
  }
  return { info: { kind: 'none' } };
}

/** SecretStorage for this URL; a failing store is a warning, not an error. */
export async function storedCredential(ctx: CredentialContext, registryUrl: string): Promise<CredentialChoice | undefined> {
  let stored: StoredCredential | undefined;
  try {
    stored = await ctx.secrets.get(registryUrl);
  } catch (err) {
    ctx.warnings.push({ messageId: 'connection.secretsUnavailable', params: { detail: errorText(err) } });
    return undefined;
  }
  if (stored?.kind === 'basic' && stored.username) return basic(stored.username, stored.password, 'secretStorage');
  if (stored?.kind === 'bearer' && stored.token) return bearer(stored.token, 'secretStorage');
  return undefined;
}

export function basic(username: string, password: string, source: ValueSource): CredentialChoice {
  return { auth: { kind: 'basic', username, password }, info: { kind: 'basic', source, username } };
}

export function bearer(token: string, source: ValueSource): CredentialChoice {
  return { auth: { kind: 'bearer', token }, info: { kind: 'bearer', source } };
}

/**
 * A Databricks workspace: which profile, which host, which token.
 *
 * Profile: `databricks://p` in a URI from a setting > `databricksProfile` setting > `databricks://p`
 * in a URI from the environment > DATABRICKS_CONFIG_PROFILE > `DEFAULT`.
 * A profile named by a setting is taken from the config file as is (the setting chose it);
 * otherwise DATABRICKS_HOST / DATABRICKS_TOKEN come before the file, as in Databricks' SDKs.
 * Token: SecretStorage (keyed by the host URL) > the token stored beside the chosen host
 * (DATABRICKS_TOKEN with DATABRICKS_HOST; the profile's `token` with its `host`): a token is
 * never sent to a host it was not given for.
 */
import type { RegistryAuth } from '../registry/transport';
import { bearer, type CredentialContext, storedCredential } from './credentialSources';
import { envValue, expandHome, pathApi, readOptional } from './environment';
import { iniValue, parseIni } from './ini';
import type { ConnectionMessage } from './connectionMessages';
import type { ConnectionSettings } from './sources';
import type { AuthInfo, DatabricksInfo, Sourced, ValueSource } from './types';
import { normalizeHost } from './uri';

export interface DatabricksChoice {
  info: DatabricksInfo;
  /** The workspace URL: the registry's base URL. */
  registryUrl?: string;
  auth?: RegistryAuth;
  authInfo: AuthInfo;
  problem?: ConnectionMessage;
}

export async function resolveDatabricks(
  ctx: CredentialContext,
  settings: ConnectionSettings,
  uriProfile: string | undefined,
  uriSource: ValueSource,
): Promise<DatabricksChoice> {
  const profile = chooseProfile(ctx, settings, uriProfile, uriSource);
  const explicit = profile.source.startsWith('setting:');
  const configFile = configFilePath(ctx);
  const info: DatabricksInfo = { profile, configFile };
  const params = { profile: profile.value, file: configFile.value };

  const text = ctx.home || configFile.source !== 'default' ? await readOptional(ctx.readFile, configFile.value, ctx.warnings) : undefined;
  const ini = parseIni(text ?? '');
  const section = ini.has(profile.value);
  const fileHost = iniValue(ini, profile.value, 'host');
  const fileToken = iniValue(ini, profile.value, 'token');
  const envHost = explicit ? undefined : envValue(ctx.env, 'DATABRICKS_HOST', ctx.platform);

  let host: Sourced<string> | undefined;
  if (envHost) host = { value: normalizeHost(envHost), source: 'env:DATABRICKS_HOST' };
  else if (fileHost) host = { value: normalizeHost(fileHost), source: `file:${configFile.value}` };
  if (!host) {
    const missing = !section && profile.source !== 'default';
    const problem: ConnectionMessage = {
      messageId: missing ? 'connection.databricksProfileMissing' : 'connection.databricksNoHost',
      params,
    };
    return { info, authInfo: { kind: 'none' }, problem };
  }
  info.host = host;

  const stored = await storedCredential(ctx, host.value);
  if (stored) return { info, registryUrl: host.value, auth: stored.auth, authInfo: stored.info };
  const envToken = envValue(ctx.env, 'DATABRICKS_TOKEN', ctx.platform);
  const sameHostAsFile = fileHost !== undefined && sameHost(fileHost, host.value);
  const token =
    host.source === 'env:DATABRICKS_HOST' && envToken
      ? bearer(envToken, 'env:DATABRICKS_TOKEN')
      : sameHostAsFile && fileToken
        ? bearer(fileToken, `file:${configFile.value}`)
        : undefined;
  if (token) return { info, registryUrl: host.value, auth: token.auth, authInfo: token.info };
  ctx.warnings.push({ messageId: 'connection.databricksNoToken', params: { host: host.value } });
  return { info, registryUrl: host.value, authInfo: { kind: 'none' } };
}

function chooseProfile(
  ctx: CredentialContext,
  settings: ConnectionSettings,
  uriProfile: string | undefined,
  uriSource: ValueSource,
): Sourced<string> {
  const setting = settings.databricksProfile?.trim();
  const envProfile = envValue(ctx.env, 'DATABRICKS_CONFIG_PROFILE', ctx.platform);
  if (uriProfile && uriSource.startsWith('setting:')) return { value: uriProfile, source: uriSource };
  if (setting) return { value: setting, source: 'setting:mlflowRegistry.databricksProfile' };
  if (uriProfile) return { value: uriProfile, source: uriSource };
  if (envProfile) return { value: envProfile, source: 'env:DATABRICKS_CONFIG_PROFILE' };
  return { value: 'DEFAULT', source: 'default' };
}

function configFilePath(ctx: CredentialContext): Sourced<string> {
  const fromEnv = envValue(ctx.env, 'DATABRICKS_CONFIG_FILE', ctx.platform);
  if (fromEnv) return { value: expandHome(fromEnv, ctx.home, ctx.platform), source: 'env:DATABRICKS_CONFIG_FILE' };
  const file = ctx.home ? pathApi(ctx.platform).join(ctx.home, '.databrickscfg') : '~/.databrickscfg';
  return { value: file, source: 'default' };
}

function sameHost(a: string, b: string): boolean {
  return normalizeHost(a).toLowerCase() === normalizeHost(b).toLowerCase();
}

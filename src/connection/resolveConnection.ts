/**
 * Which registry, which credentials, which TLS and proxy: one pass over settings, SecretStorage,
 * the environment and the credential files, in that order of precedence.
 *
 * - Tracking URI: `trackingUri` setting > MLFLOW_TRACKING_URI > none.
 * - Registry URI: `registryUri` setting > MLFLOW_REGISTRY_URI > the tracking URI. A Databricks
 *   tracking URI gives the workspace's own registry (not Unity Catalog, which MLflow 3 would pick).
 * - `databricks-uc` (or `uc:`) registries are reported as `unityCatalog`, not served yet.
 * Nothing throws: problems come back as message ids for the UI to say.
 */
import { resolveOssCredentials, type CredentialContext } from './credentialSources';
import { resolveDatabricks } from './databricks';
import { envValue, firstEnv, homeDirectory } from './environment';
import type { ConnectionMessage } from './connectionMessages';
import { editorStrictSSL, proxyFor } from './proxy';
import { holdSecrets } from './secrets';
import type { ConnectionInputs } from './sources';
import { resolveTls } from './tls';
import type { ProxyInfo, ResolvedConnection, SettingName, Sourced } from './types';
import { classifyUri, redactUserInfo, withoutUserInfo } from './uri';
import type { RegistryAuth } from '../registry/transport';

export async function resolveConnection(inputs: ConnectionInputs): Promise<ResolvedConnection> {
  const { env, platform, settings } = inputs;
  const warnings: ConnectionMessage[] = [];
  const home = homeDirectory(env, platform, inputs.homeDir);
  const ctx: CredentialContext = { env, platform, home, secrets: inputs.secrets, readFile: (p) => inputs.readFile(p), warnings };

  const tracking = fromSetting(settings.trackingUri, 'trackingUri') ?? firstEnv(env, ['MLFLOW_TRACKING_URI'], platform);
  const registryGiven = fromSetting(settings.registryUri, 'registryUri') ?? firstEnv(env, ['MLFLOW_REGISTRY_URI'], platform);
  /** The registry URI text, and where that text came from (for a followed tracking URI, the tracking URI's source). */
  const registryText = registryGiven ?? tracking;

  const result: ResolvedConnection = {
    kind: 'unconfigured',
    configured: registryText !== undefined,
    trackingUri: tracking && { value: withoutUserInfo(tracking.value), source: tracking.source },
    registryUri: registryText && {
      value: withoutUserInfo(registryText.value),
      source: registryGiven ? registryText.source : 'trackingUri',
    },
    auth: { kind: 'none' },
    tls: resolveTls(env, platform),
    proxy: { strictSSL: editorStrictSSL(inputs.proxy) },
    warnings,
  };
  if (!registryText) {
    result.problem = { messageId: 'connection.unconfigured', params: {} };
    return holdSecrets(result, {});
  }

  let auth: RegistryAuth | undefined;
  const target = classifyUri(registryText.value);
  const uri = redactUserInfo(registryText.value);
  switch (target.kind) {
    case 'unityCatalog':
      result.kind = 'unityCatalog';
      result.problem = { messageId: 'connection.unityCatalogNotServed', params: { uri } };
      break;
    case 'local':
      result.kind = 'unsupported';
      result.problem = { messageId: 'connection.localStore', params: { uri } };
      break;
    case 'invalid':
      result.kind = 'unsupported';
      result.problem = { messageId: 'connection.invalidUri', params: { uri } };
      break;
    case 'databricks': {
      const choice = await resolveDatabricks(ctx, settings, target.profile, registryText.source);
      result.kind = 'databricks';
      result.databricks = choice.info;
      result.registryUrl = choice.registryUrl;
      result.auth = choice.authInfo;
      result.problem = choice.problem;
      auth = choice.auth;
      break;
    }
    case 'http': {
      const choice = await resolveOssCredentials(ctx, target.url, target.userInfo, registryText.source);
      result.kind = 'oss';
      result.registryUrl = target.url;
      result.auth = choice.info;
      auth = choice.auth;
      break;
    }
  }

  let proxyUrl: string | undefined;
  if (result.registryUrl) {
    const choice = proxyFor(result.registryUrl, env, inputs.proxy, platform);
    proxyUrl = choice.url;
    const info: ProxyInfo = { strictSSL: choice.strictSSL };
    if (choice.url) info.url = redactUserInfo(choice.url);
    if (choice.source) info.source = choice.source;
    if (choice.bypassedBy) info.bypassedBy = choice.bypassedBy;
    result.proxy = info;
    if (choice.invalid && choice.source) {
      const raw =
        choice.source === 'editor:http.proxy'
          ? (inputs.proxy?.url ?? '')
          : (envValue(env, choice.source.slice('env:'.length), platform) ?? '');
      warnings.push({ messageId: 'connection.invalidProxy', params: { proxy: redactUserInfo(raw.trim()), source: choice.source } });
    }
  }
  return holdSecrets(result, { auth, proxyUrl });
}

function fromSetting(value: string | undefined, name: SettingName): Sourced<string> | undefined {
  const trimmed = value?.trim();
  return trimmed ? { value: trimmed, source: `setting:mlflowRegistry.${name}` } : undefined;
}

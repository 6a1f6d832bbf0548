/**
 * What `connect` can offer without asking: tracking URIs already in settings or MLflow's
 * variables, the profiles of `~/.databrickscfg` that name a host, and the local stores at the
 * top of the workspace folders. Plain Node, no `vscode`; nothing here reads a secret.
 */
import { detectStores, type LocalStore } from '../localServer/store';
import { envValue, expandHome, homeDirectory, pathApi, type Env } from './environment';
import { iniValue, parseIni } from './ini';
import type { Platform } from './sources';
import { withoutUserInfo } from './uri';

export type ConnectOption =
  | { kind: 'setting'; uri: string; scope: 'user' | 'workspace' }
  | { kind: 'env'; uri: string; variable: string }
  | { kind: 'databricksProfile'; uri: string; profile: string; host: string; file: string }
  | { kind: 'localStore'; uri: string; store: LocalStore; folder: string };

export interface DetectInputs {
  settings: { user?: string; workspace?: string };
  env: Env;
  platform: Platform;
  homeDir?: string;
  readFile: (path: string) => Promise<string | undefined>;
  /** Workspace folders, first one first: a store in the first is offered by a relative URI. */
  folders: string[];
}

export async function detectConnectOptions(inputs: DetectInputs): Promise<ConnectOption[]> {
  const options: ConnectOption[] = [];
  const seen = new Set<string>();
  const add = (o: ConnectOption) => {
    // `user:password@` in a variable or setting is never shown, nor copied into settings by a choice.
    o.uri = withoutUserInfo(o.uri);
    if (seen.has(o.uri)) return;
    seen.add(o.uri);
    options.push(o);
  };
  const workspace = inputs.settings.workspace?.trim();
  const user = inputs.settings.user?.trim();
  if (workspace) add({ kind: 'setting', uri: workspace, scope: 'workspace' });
  if (user) add({ kind: 'setting', uri: user, scope: 'user' });
  for (const variable of ['MLFLOW_TRACKING_URI', 'MLFLOW_REGISTRY_URI']) {
    const uri = envValue(inputs.env, variable, inputs.platform);
    if (uri) add({ kind: 'env', uri, variable });
  }
  for (const p of await databricksProfiles(inputs)) add(p);
  inputs.folders.forEach((folder, i) => {
    for (const found of detectStores(folder)) {
      // The first folder's store by the relative URI MLflow itself uses; others by absolute path.
      const uri = i === 0 ? found.uri : found.store.kind === 'sqlite' ? found.store.backendStoreUri : found.store.path;
      add({ kind: 'localStore', uri, store: found.store, folder });
    }
  });
  return options;
}

async function databricksProfiles(inputs: DetectInputs): Promise<ConnectOption[]> {
  const home = homeDirectory(inputs.env, inputs.platform, inputs.homeDir);
  const fromEnv = envValue(inputs.env, 'DATABRICKS_CONFIG_FILE', inputs.platform);
  const file = fromEnv
    ? expandHome(fromEnv, home, inputs.platform)
    : home
      ? pathApi(inputs.platform).join(home, '.databrickscfg')
      : undefined;
  if (!file) return [];
  let text: string | undefined;
  try {
    text = await inputs.readFile(file);
  } catch {
    return [];
  }
  const ini = parseIni(text ?? '');
  const found: ConnectOption[] = [];
  for (const profile of ini.keys()) {
    const host = iniValue(ini, profile, 'host');
    if (host) found.push({ kind: 'databricksProfile', uri: `databricks://${profile}`, profile, host, file });
  }
  return found;
}

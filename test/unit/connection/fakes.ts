/** Connection inputs from plain maps: files by path, SecretStorage by registry URL. */
import type { ConnectionInputs, StoredCredential } from '../../../src/connection';

export interface FakeInputs extends ConnectionInputs {
  /** Every key SecretStorage was asked for. */
  secretKeys: string[];
  /** Every path read. */
  filesRead: string[];
}

export function fakeInputs(
  options: {
    settings?: ConnectionInputs['settings'];
    env?: Record<string, string | undefined>;
    files?: Record<string, string>;
    stored?: Record<string, StoredCredential>;
    platform?: ConnectionInputs['platform'];
    homeDir?: string;
    proxy?: ConnectionInputs['proxy'];
  } = {},
): FakeInputs {
  const secretKeys: string[] = [];
  const filesRead: string[] = [];
  const files = options.files ?? {};
  const stored = options.stored ?? {};
  return {
    settings: options.settings ?? {},
    env: options.env ?? { HOME: '/home/ana' },
    platform: options.platform ?? 'linux',
    homeDir: options.homeDir,
    proxy: options.proxy,
    secrets: {
      async get(url) {
        secretKeys.push(url);
        return stored[url];
      },
    },
    async readFile(path) {
      filesRead.push(path);
      return Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined;
    },
    secretKeys,
    filesRead,
  };
}

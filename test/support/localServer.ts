/**
 * Starts the product's local-server launcher the way the tests need it: on a store in `folder`,
 * with the project's .venv Python unless told otherwise, noting the process group the
 * supervisor reports (`SERVER_PID n`) so a test can check that nothing of it remains.
 */
import * as path from 'node:path';
import { type LocalServer, localStoreFromUri, type PythonCommand, startLocalServer } from '../../src/localServer';
import { projectRoot, venvBin } from '../../scripts/testbed/paths';

export interface TestStart {
  server: Promise<LocalServer>;
  /** The server's process group (its pid), 0 until the supervisor has said it. */
  group(): number;
}

export function startForTest(
  folder: string,
  o: { uri?: string; python?: PythonCommand; signal?: AbortSignal; onGroup?: (pgid: number) => void } = {},
): TestStart {
  let group = 0;
  const server = startLocalServer({
    python: o.python ?? { command: venvBin('python'), args: [], source: 'setting' },
    store: localStoreFromUri(o.uri ?? 'sqlite:///mlflow.db', folder)!,
    script: path.join(projectRoot(), 'python', 'server', 'serve_local.py'),
    cwd: folder,
    signal: o.signal,
    onOutput: (line) => {
      const m = /^SERVER_PID (\d+)/.exec(line);
      if (m) {
        group = Number(m[1]);
        o.onGroup?.(group);
      }
    },
  });
  return { server, group: () => group };
}

/**
 * Starts a local MLflow server the way the extension does (the product's launcher and
 * supervisor) for the store named on the command line, prints where it runs, then waits to be
 * killed: the launcher test checks that nothing of it survives this process.
 */
import * as path from 'node:path';
import { localStoreFromUri, startLocalServer } from '../../src/localServer';
import { projectRoot, venvBin } from '../../scripts/testbed/paths';

async function main(): Promise<void> {
  const [folder] = process.argv.slice(2);
  let serverPid = 0;
  const server = await startLocalServer({
    python: { command: venvBin('python'), args: [], source: 'setting' },
    store: localStoreFromUri('sqlite:///mlflow.db', folder)!,
    script: path.join(projectRoot(), 'python', 'server', 'serve_local.py'),
    cwd: folder,
    onOutput: (line) => {
      const m = /^SERVER_PID (\d+)/.exec(line);
      if (m) serverPid = Number(m[1]);
    },
  });
  process.stdout.write(`${JSON.stringify({ url: server.url, supervisor: server.pid, serverGroup: serverPid })}\n`);
  setInterval(() => undefined, 1000);
}

void main();

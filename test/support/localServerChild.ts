/**
 * Starts a local MLflow server the way the extension does (the product's launcher and
 * supervisor) for the store named on the command line, prints where it runs, then waits to be
 * killed: the launcher test checks that nothing of it survives this process.
 */
import { startForTest } from './localServer';

async function main(): Promise<void> {
  const [folder] = process.argv.slice(2);
  const start = startForTest(folder);
  const server = await start.server;
  process.stdout.write(`${JSON.stringify({ url: server.url, supervisor: server.pid, serverGroup: start.group() })}\n`);
  setInterval(() => undefined, 1000);
}

void main();

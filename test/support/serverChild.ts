/**
 * Starts an MLflow server, prints its process group, then fails or waits to be signalled:
 * the launcher test checks that nothing of the group survives this process.
 */
import { startMlflowServer } from '../../scripts/testbed/mlflowServer';

async function main(): Promise<void> {
  const server = await startMlflowServer({ seed: false });
  process.stdout.write(`${JSON.stringify({ pgid: server.pgid, url: server.url })}\n`);
  if (process.argv[2] === 'throw') {
    setTimeout(() => {
      throw new Error('a test failed with the server still running');
    }, 100);
  } else {
    setInterval(() => undefined, 1000);
  }
}

void main();

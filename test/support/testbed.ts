/** The seeded MLflow server the integration suite shares (started once by the runner's root hooks). */
import { type MlflowServer, startMlflowServer } from '../../scripts/testbed/mlflowServer';

let shared: MlflowServer | undefined;

export function sharedServer(): MlflowServer {
  if (!shared) throw new Error('The shared MLflow server is not running: run the integration suite through "npm test".');
  return shared;
}

export async function startSharedServer(): Promise<MlflowServer> {
  shared = await startMlflowServer({ seed: true, log: (line) => process.stdout.write(`  ${line}\n`) });
  process.stdout.write(`  MLflow server ${shared.version} at ${shared.url} (pinned mlflow from .venv)\n`);
  return shared;
}

export async function stopSharedServer(): Promise<void> {
  await shared?.stop();
  shared = undefined;
}

/** A model name no other test (or run) uses: destructive tests work only on their own models. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

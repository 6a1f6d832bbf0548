/**
 * `npm run demo`: a real MLflow server seeded with the wind-farm walkthrough, kept running
 * until Ctrl-C (then stopped with everything it started). `--once` checks it and exits.
 */
import { RegistryClient } from '../../src/registry/client';
import { startMlflowServer } from './mlflowServer';

async function main(): Promise<void> {
  const once = process.argv.includes('--once');
  const server = await startMlflowServer({ seed: true, log: (l) => process.stdout.write(`${l}\n`) });
  const client = new RegistryClient({ baseUrl: server.url });
  const model = await client.models.get('power-forecasting-model');
  await client.close();
  const stages = model.latestVersions.map((v) => `${v.currentStage} v${v.version}`).join(' · ');
  const aliases = model.aliases.map((a) => `@${a.alias} -> v${a.version}`).join(', ');
  process.stdout.write([
    '',
    `MLflow ${server.version} is running with the wind-farm walkthrough.`,
    '',
    `  Registry / tracking URI:  ${server.url}`,
    `  MLflow web UI:            ${server.url}/#/models/power-forecasting-model`,
    `  power-forecasting-model:  ${stages}; ${aliases}`,
    '',
    `  Try:  MLFLOW_TRACKING_URI=${server.url} .venv/bin/python -c "import mlflow; print(mlflow.MlflowClient().get_model_version_by_alias('power-forecasting-model', 'champion'))"`,
    '',
    once ? 'Stopping (--once).' : 'Press Ctrl-C to stop the server (its data lives in a temp folder and is removed).',
    '',
  ].join('\n'));
  if (once) {
    await server.stop();
    return;
  }
  // The launcher stops the server group on SIGINT/SIGTERM; keep the process alive until then.
  setInterval(() => undefined, 60_000);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});

/**
 * `npm run demo`: a real MLflow server seeded with the wind-farm walkthrough, and VS Code with
 * the extension connected to it: code-server (printed URL to open in a browser) or, where a
 * desktop `code` is on PATH and DEMO_DESKTOP=1, that VS Code. Ctrl-C stops everything it
 * started. `--once` checks that it all comes up, then stops.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RegistryClient } from '../../src/registry/client';
import { startCodeServer } from '../vscode/codeServer';
import { startMlflowServer } from './mlflowServer';
import { projectRoot } from './paths';

function demoWorkspace(url: string): string {
  const dir = path.join(projectRoot(), '.testbed', 'demo-workspace');
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'mlflowRegistry.trackingUri': url }, null, 2));
  fs.writeFileSync(
    path.join(dir, 'forecast.py'),
    [
      '"""Forecast wind-farm power with the model in Production."""',
      'import mlflow',
      '',
      `mlflow.set_tracking_uri("${url}")`,
      'model = mlflow.pyfunc.load_model("models:/power-forecasting-model/Production")',
      'champion = mlflow.pyfunc.load_model("models:/power-forecasting-model@champion")',
      '',
    ].join('\n'),
  );
  return dir;
}

async function main(): Promise<void> {
  const once = process.argv.includes('--once');
  const mlflow = await startMlflowServer({ seed: true, log: (l) => process.stdout.write(`${l}\n`) });
  const client = new RegistryClient({ baseUrl: mlflow.url });
  const model = await client.models.get('power-forecasting-model');
  await client.close();
  const stages = model.latestVersions.map((v) => `${v.currentStage} v${v.version}`).join(' · ');
  const aliases = model.aliases.map((a) => `@${a.alias} -> v${a.version}`).join(', ');
  const workspace = demoWorkspace(mlflow.url);
  const vsix = path.join(projectRoot(), 'out', 'mlflow-model-registry.vsix');

  const desktop = process.env.DEMO_DESKTOP === '1' && spawnSync('code', ['--version']).status === 0;
  let editorLine: string;
  let stopEditor = async () => undefined as void;
  if (desktop) {
    spawnSync('code', ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
    spawnSync('code', [workspace], { stdio: 'inherit' });
    editorLine = `  VS Code (desktop):        opened ${workspace}`;
  } else {
    const vscode = await startCodeServer({ vsixes: [vsix], workspace, settings: { 'mlflowRegistry.trackingUri': mlflow.url } });
    stopEditor = () => vscode.stop();
    if (once) {
      const res = await fetch(vscode.workbenchUrl);
      if (!res.ok) throw new Error(`code-server answered ${res.status}`);
    }
    editorLine = `  VS Code (code-server):    ${vscode.workbenchUrl}\n                            open it in a browser; the MLflow Registry view is in the activity bar`;
  }
  process.stdout.write(
    [
      '',
      `MLflow ${mlflow.version} is running with the wind-farm walkthrough.`,
      '',
      `  Registry / tracking URI:  ${mlflow.url}`,
      `  MLflow web UI:            ${mlflow.url}/#/models/power-forecasting-model`,
      `  power-forecasting-model:  ${stages}; ${aliases}`,
      editorLine,
      '',
      once ? 'Stopping (--once).' : 'Press Ctrl-C to stop everything (the data lives in temp folders and is removed).',
      '',
    ].join('\n'),
  );
  if (once) {
    await stopEditor();
    await mlflow.stop();
    return;
  }
  // The launchers stop their process groups on SIGINT/SIGTERM; stay alive until then.
  setInterval(() => undefined, 60_000);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});

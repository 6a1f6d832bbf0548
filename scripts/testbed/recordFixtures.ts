/**
 * Records small answers from the pinned MLflow server for the unit tests (`npm run
 * record-fixtures`). Never write these files by hand: re-record them when MLflow is re-pinned.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startMlflowServer } from './mlflowServer';
import { projectRoot } from './paths';

interface Recorded {
  recordedFrom: string;
  request: { method: string; path: string; query?: Record<string, string | string[]>; body?: unknown };
  status: number;
  contentType?: string;
  text: string;
}

async function main(): Promise<void> {
  const server = await startMlflowServer({ seed: true, log: (l) => process.stdout.write(`${l}\n`) });
  const outDir = path.join(projectRoot(), 'test', 'fixtures', 'recorded');
  fs.mkdirSync(outDir, { recursive: true });
  const record = async (name: string, method: string, apiPath: string, query?: Record<string, string | string[]>, body?: unknown) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, x);
    const url = `${server.url}/${apiPath}${qs.size ? `?${qs}` : ''}`;
    const res = await fetch(url, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const rec: Recorded = {
      recordedFrom: `mlflow ${server.version}`,
      request: { method, path: apiPath, query, body },
      status: res.status,
      contentType: res.headers.get('content-type') ?? undefined,
      text: await res.text(),
    };
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(rec, null, 2) + '\n');
    return rec;
  };
  const post = (p: string, body: unknown) =>
    fetch(`${server.url}/${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  try {
    for (const n of ['fixture-a', 'fixture-b']) await post('api/2.0/mlflow/registered-models/create', { name: n });
    const M = 'api/2.0/mlflow/registered-models';
    const V = 'api/2.0/mlflow/model-versions';
    // Three pages of one model each, in name order.
    const p1 = await record('models-search-page1', 'GET', `${M}/search`, { max_results: '1', order_by: ['name ASC'] });
    const t1 = JSON.parse(p1.text).next_page_token as string;
    const p2 = await record('models-search-page2', 'GET', `${M}/search`, { max_results: '1', order_by: ['name ASC'], page_token: t1 });
    const t2 = JSON.parse(p2.text).next_page_token as string;
    await record('models-search-page3', 'GET', `${M}/search`, { max_results: '1', order_by: ['name ASC'], page_token: t2 });
    await record('model-get', 'GET', `${M}/get`, { name: 'power-forecasting-model' });
    await record('model-get-empty', 'GET', `${M}/get`, { name: 'fixture-a' });
    const version = JSON.parse((await record('version-get', 'GET', `${V}/get`, { name: 'power-forecasting-model', version: '2' })).text)
      .model_version as { run_id: string };
    // The run version 2 came from: its parameters, metrics and tags (the details panel's run section).
    await record('run-get', 'GET', 'api/2.0/mlflow/runs/get', { run_id: version.run_id });
    await record('versions-search', 'GET', `${V}/search`, {
      filter: "name='power-forecasting-model'",
      max_results: '10',
      order_by: ['version_number DESC'],
    });
    await record('delete-ok', 'DELETE', `${M}/delete`, undefined, { name: 'fixture-b' });
    await record('error-model-missing', 'GET', `${M}/get`, { name: 'no-such-model' });
    await record('error-alias-missing', 'GET', `${M}/alias`, { name: 'power-forecasting-model', alias: 'no-such-alias' });
    await record('error-duplicate-name', 'POST', `${M}/create`, undefined, { name: 'power-forecasting-model' });
    await record('error-archive-to-none', 'POST', `${V}/transition-stage`, undefined, {
      name: 'fixture-a',
      version: '1',
      stage: 'None',
      archive_existing_versions: true,
    });
    await record('error-unknown-endpoint', 'GET', 'api/2.0/mlflow/no-such-endpoint');
    const uri = JSON.parse(
      (await record('version-download-uri', 'GET', `${V}/get-download-uri`, { name: 'power-forecasting-model', version: '2' })).text,
    ).artifact_uri as string;
    await record('version-mlmodel', 'GET', `api/2.0/mlflow-artifacts/artifacts/${uri.replace(/^mlflow-artifacts:\/*/, '')}/MLmodel`);
    process.stdout.write(`Recorded into ${outDir} from MLflow ${server.version}.\n`);
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});

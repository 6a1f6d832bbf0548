import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { MlflowRegistryApi, TreeRow } from '../../src/api';
import { RegistryClient } from '../../src/registry/client';
import { eventually } from '../support/eventually';
import { activateExtension, countRequests, requestMark } from './support/extension';

/** Open-source MLflow creates every version READY: the test sets the status in the server's SQLite database. */
function setStatus(name: string, version: number, status: string): void {
  execFileSync(process.env.MLFLOW_REGISTRY_EXTHOST_PYTHON!, [
    '-c',
    [
      'import sqlite3, sys',
      'db = sqlite3.connect(sys.argv[1])',
      "db.execute('UPDATE model_versions SET status = ? WHERE name = ? AND version = ?', (sys.argv[4], sys.argv[2], int(sys.argv[3])))",
      'db.commit()',
    ].join('\n'),
    process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_DB!,
    name,
    String(version),
    status,
  ]);
}

async function versionRow(api: MlflowRegistryApi, name: string): Promise<TreeRow | undefined> {
  await api.tree.children();
  const groups = await api.tree.children(`model:${name}`);
  const none = groups.find((g) => g.id === `stage:${name}:None`);
  return none ? (await api.tree.children(none.id))[0] : undefined;
}

describe('versions still registering', () => {
  it('show a pending version as registering, and poll it until it settles as READY', async function () {
    this.timeout(60_000);
    const api = await activateExtension();
    const client = new RegistryClient({ baseUrl: process.env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL! });
    const name = `pending-${Date.now().toString(36)}`;
    await client.models.create(name);
    await client.versions.create(name, 's3://bucket/model');
    setStatus(name, 1, 'PENDING_REGISTRATION');
    try {
      await vscode.commands.executeCommand('mlflowRegistry.refresh');
      const pending = await versionRow(api, name);
      assert.match(pending?.contextValue ?? '', /status:PENDING_REGISTRATION/);
      assert.match(pending?.description ?? '', /registering…/);
      const mark = requestMark(api);
      setStatus(name, 1, 'READY');
      const row = await eventually(
        async () => {
          const r = (await api.tree.children(`stage:${name}:None`))[0];
          assert.match(r?.contextValue ?? '', /status:READY/);
          return r;
        },
        { timeout: 20_000, interval: 500, message: 'the poll to see the version settle' },
      );
      assert.doesNotMatch(row.description ?? '', /registering/);
      assert.ok(countRequests(api, 'model-versions/get', mark) > 0, 'it polled the version');
    } finally {
      await client.models.delete(name);
      await client.close();
    }
  });
});

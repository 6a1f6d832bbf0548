import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { venvBin } from '../../../scripts/testbed/paths';
import { createRegisteredModel, parseTagInput } from '../../../src/lifecycle/create';
import {
  findLoggableModels,
  type LoggableModel,
  linkedModelId,
  registerLoggable,
  runById,
  RunNotFoundError,
  waitForRegistration,
} from '../../../src/lifecycle/register';
import { RegistryClient } from '../../../src/registry/client';
import { isRegistryError, RegistryError } from '../../../src/registry/errors';
import type { Run } from '../../../src/registry/types';
import { eventually } from '../../support/eventually';
import { sharedServer, uniqueName } from '../../support/testbed';

const run = promisify(execFile);

/**
 * Logs one small scikit-learn model in a run of its own, both ways: as MLflow 3 does
 * (`log_model`: a logged model) and as MLflow 2 did (a saved model folder in the run's
 * artifacts, `legacy/model`). Prints what it made as one JSON line.
 */
const LOG_MODEL = `
import json, os, sys, tempfile, warnings
warnings.filterwarnings("ignore")
import mlflow
import numpy as np
from sklearn.linear_model import LinearRegression
experiment, run_name = sys.argv[1], sys.argv[2]
mlflow.set_experiment(experiment)
model = LinearRegression().fit(np.array([[0.0], [1.0], [2.0]]), np.array([0.0, 2.0, 4.0]))
with mlflow.start_run(run_name=run_name) as run:
    mlflow.log_metrics({"mse": 0.25, "r2": 0.97, "mae": 0.1})
    info = mlflow.sklearn.log_model(model, name="model", pip_requirements=["scikit-learn"])
    folder = os.path.join(tempfile.mkdtemp(), "saved")
    mlflow.sklearn.save_model(model, folder, pip_requirements=["scikit-learn"])
    mlflow.log_artifacts(folder, artifact_path="legacy/model")
print(json.dumps({"run_id": run.info.run_id, "model_id": info.model_id, "experiment_id": run.info.experiment_id}))
`;

/** Open-source MLflow creates every version READY: the test sets the status in the server's SQLite database. */
async function setStatus(name: string, version: string, status: string, message = ''): Promise<void> {
  await run(venvBin('python'), [
    '-c',
    [
      'import sqlite3, sys',
      'db = sqlite3.connect(sys.argv[1])',
      "db.execute('UPDATE model_versions SET status = ?, status_message = ? WHERE name = ? AND version = ?', (sys.argv[4], sys.argv[5], sys.argv[2], int(sys.argv[3])))",
      'db.commit()',
    ].join('\n'),
    sharedServer().dbPath,
    name,
    version,
    status,
    message,
  ]);
}

describe('register a version from a run (real server)', () => {
  let client: RegistryClient;
  let logged: { run_id: string; model_id: string; experiment_id: string };
  let theRun: Run;
  const created: string[] = [];

  /** A model name of this test's own, deleted afterwards. */
  const fresh = (prefix: string) => {
    const name = uniqueName(prefix);
    created.push(name);
    return name;
  };

  before(async function () {
    this.timeout(180_000);
    client = new RegistryClient({ baseUrl: sharedServer().url });
    const out = await run(venvBin('python'), ['-c', LOG_MODEL, uniqueName('register-exp'), 'register-run'], {
      env: { ...process.env, MLFLOW_TRACKING_URI: sharedServer().url, PYTHONUNBUFFERED: '1' },
      timeout: 170_000,
    });
    logged = JSON.parse(out.stdout.trim().split('\n').pop()!) as typeof logged;
    theRun = await client.tracking.getRun(logged.run_id);
  });
  after(async () => {
    for (const name of created) await client.models.delete(name).catch(() => undefined);
    await client.close();
  });

  async function loggables(): Promise<{ mlflow3: LoggableModel; mlflow2: LoggableModel }> {
    const found = await findLoggableModels(client, theRun);
    const mlflow3 = found.models.find((m) => m.kind === 'loggedModel');
    const mlflow2 = found.models.find((m) => m.kind === 'artifacts');
    assert.ok(mlflow3 && mlflow2, JSON.stringify(found));
    return { mlflow3, mlflow2 };
  }

  it("finds the run's models: its MLflow 3 logged model, and an MLflow 2 folder holding an MLmodel", async () => {
    const found = await findLoggableModels(client, theRun);
    assert.equal(found.loggedModelsEndpoint, true);
    assert.deepEqual(
      found.models.map((m) => [m.kind, m.name]),
      [
        ['loggedModel', 'model'],
        ['artifacts', 'legacy/model'],
      ],
    );
    const [mlflow3, mlflow2] = found.models;
    assert.equal(mlflow3.modelId, logged.model_id);
    assert.equal(mlflow3.source, `models:/${logged.model_id}`);
    assert.equal(mlflow3.runId, logged.run_id);
    assert.equal(mlflow2.artifactPath, 'legacy/model');
    assert.equal(mlflow2.source, `${theRun.info.artifactUri}/legacy/model`);
  });

  it('registering the logged model to a new name creates the model and a version linked to the logged model by model_id', async () => {
    const { mlflow3 } = await loggables();
    const name = fresh('register-new');
    const result = await registerLoggable(client, mlflow3, { model: name, create: true });
    assert.equal(result.createdModel?.name, name);
    assert.equal(result.version.version, '1');

    const v = await client.versions.get(name, '1');
    assert.equal(v.runId, logged.run_id);
    assert.equal(v.source, `models:/${logged.model_id}`);
    assert.equal(linkedModelId(v), logged.model_id);
    // The link as the server keeps it: the logged model lists the versions registered from it.
    const lm = await client.tracking.getLoggedModel(logged.model_id);
    assert.equal(lm.modelId, logged.model_id);
    assert.equal(lm.sourceRunId, logged.run_id);
    const versions = JSON.parse(lm.tags.find((t) => t.key === 'mlflow.modelVersions')?.value ?? '[]') as {
      name: string;
      version: string;
    }[];
    assert.ok(
      versions.some((x) => x.name === name && String(x.version) === '1'),
      JSON.stringify(versions),
    );
    assert.equal((await client.models.get(name)).name, name);
  });

  it('registers the MLflow 2 folder to an existing model (created with a description and key=value tags), and its MLmodel reads back', async () => {
    const { mlflow2 } = await loggables();
    const name = fresh('register-existing');
    const tags = ['team=forecasting', 'validation/status = pending'].map((t) => {
      const parsed = parseTagInput(t);
      assert.ok('tag' in parsed, t);
      return parsed.tag;
    });
    await createRegisteredModel(client, name, { description: 'Made by the register test.', tags });
    const model = await client.models.get(name);
    assert.equal(model.description, 'Made by the register test.');
    assert.deepEqual(model.tags.map((t) => [t.key, t.value]).sort(), [
      ['team', 'forecasting'],
      ['validation/status', 'pending'],
    ]);

    const result = await registerLoggable(client, mlflow2, { model: name });
    assert.equal(result.createdModel, undefined);
    const v = await client.versions.get(name, result.version.version);
    assert.equal(v.source, `${theRun.info.artifactUri}/legacy/model`);
    assert.equal(v.runId, logged.run_id);
    const mlmodel = await client.getModelVersionMlModel(name, v.version);
    assert.ok('sklearn' in mlmodel.flavors, Object.keys(mlmodel.flavors).join(', '));
  });

  it('a taken name is one sentence, and registering to it as a new model adds nothing', async () => {
    const { mlflow3 } = await loggables();
    const name = fresh('register-taken');
    await createRegisteredModel(client, name);
    const err = await createRegisteredModel(client, name).then(
      () => assert.fail('created twice'),
      (e: unknown) => e,
    );
    assert.ok(isRegistryError(err) && err.messageId === 'error.nameTaken', String(err));
    assert.equal(err.message, `A registered model named "${name}" already exists. Choose another name.`);
    assert.equal(err.errorCode, 'RESOURCE_ALREADY_EXISTS');

    const again = await registerLoggable(client, mlflow3, { model: name, create: true }).then(
      () => assert.fail('registered to a taken name as new'),
      (e: unknown) => e,
    );
    assert.ok(again instanceof RegistryError && again.messageId === 'error.nameTaken');
    assert.equal(await client.models.get(name).then((m) => m.name), name, 'the existing model is still there');
    const versions = await client.versions.searchPage({ filter: `name = '${name}'`, pageSize: 10 });
    assert.equal(versions.items.length, 0, 'no version was added to the existing model');
  });

  it('when the version cannot be created, the model made for it is deleted again', async () => {
    const name = fresh('register-rollback');
    const bogus: LoggableModel = {
      kind: 'loggedModel',
      name: 'model',
      runId: logged.run_id,
      source: 'models:/m-00000000000000000000000000000000',
      modelId: 'm-00000000000000000000000000000000',
    };
    const err = await registerLoggable(client, bogus, { model: name, create: true }).then(
      () => assert.fail('registered a logged model that does not exist'),
      (e: unknown) => e,
    );
    // MLflow 3.17 answers 500 ("Logged model with ID … not found") for a model_id it does not know.
    assert.ok(isRegistryError(err) && err.kind === 'http' && err.path?.endsWith('model-versions/create'), String(err));
    const gone = await client.models.get(name).then(
      () => false,
      (e: unknown) => isRegistryError(e) && e.isNotFound,
    );
    assert.ok(gone, 'the new, empty model was deleted');
  });

  it('a name the server refuses ("/") is explained in one sentence', async () => {
    const name = `${uniqueName('register')}/slash`;
    const err = await createRegisteredModel(client, name).then(
      () => {
        created.push(name);
        return assert.fail('the server took a name with "/"');
      },
      (e: unknown) => e,
    );
    assert.ok(isRegistryError(err) && err.messageId === 'error.modelNameRefused', String(err));
    assert.match(err.message, /does not accept ".*\/slash" as a model name: names cannot contain '\/' or ':'/);
  });

  it('a run ID that does not exist is one clear sentence', async () => {
    const missing = '0123456789abcdef0123456789abcdef';
    for (const id of [missing, 'not a run id']) {
      const err = await runById(client, id).then(
        () => assert.fail(`found a run ${id}`),
        (e: unknown) => e,
      );
      assert.ok(err instanceof RunNotFoundError, String(err));
      assert.equal(err.runId, id);
      assert.match(err.message, new RegExp(`^There is no run with the ID "${id}" at 127\\.0\\.0\\.1:\\d+\\.`));
    }
    assert.equal((await runById(client, ` ${logged.run_id} `)).info.runId, logged.run_id, 'a pasted ID with spaces is found');
  });

  it('a version still registering is read until it is READY', async () => {
    const { mlflow3 } = await loggables();
    const name = fresh('register-pending');
    const { version } = await registerLoggable(client, mlflow3, { model: name, create: true });
    await setStatus(name, version.version, 'PENDING_REGISTRATION');
    let pendingReads = 0;
    const settled = waitForRegistration(client, name, version.version, { intervalMs: 100, onPending: () => pendingReads++ });
    await eventually(() => pendingReads > 0, { timeout: 10_000, interval: 50, message: 'the wait to read the version as pending' });
    await setStatus(name, version.version, 'READY');
    const v = await settled;
    assert.equal(v.status, 'READY');
    assert.ok(pendingReads >= 1);
  });

  it('a version whose registration fails is reported with its status message', async () => {
    const { mlflow3 } = await loggables();
    const name = fresh('register-failed');
    const { version } = await registerLoggable(client, mlflow3, { model: name, create: true });
    await setStatus(name, version.version, 'PENDING_REGISTRATION');
    let pendingReads = 0;
    const settled = waitForRegistration(client, name, version.version, { intervalMs: 100, onPending: () => pendingReads++ });
    await eventually(() => pendingReads > 0, { timeout: 10_000, interval: 50, message: 'the wait to read the version as pending' });
    await setStatus(name, version.version, 'FAILED_REGISTRATION', 'Copying the model files failed: disk full');
    const v = await settled;
    assert.equal(v.status, 'FAILED_REGISTRATION');
    assert.equal(v.statusMessage, 'Copying the model files failed: disk full');
  });

  it('a version that stays pending is returned as pending after the time limit', async () => {
    const { mlflow3 } = await loggables();
    const name = fresh('register-stuck');
    const { version } = await registerLoggable(client, mlflow3, { model: name, create: true });
    await setStatus(name, version.version, 'PENDING_REGISTRATION');
    const v = await waitForRegistration(client, name, version.version, { intervalMs: 50, timeoutMs: 300 });
    assert.equal(v.status, 'PENDING_REGISTRATION');
  });
});

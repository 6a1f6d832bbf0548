import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../../scripts/testbed/paths';
import { recorded } from '../../support/recorded';
import { recordedRun, recordedVersion } from './fixtures';

const root = projectRoot();
const pinnedMlflow = /^mlflow(?:\[[^\]]*\])?==(\S+)$/m.exec(
  fs.readFileSync(path.join(root, 'python', 'requirements-testbed.txt'), 'utf8'),
)?.[1];
/** The names scripts/testbed/recordFixtures.ts records under. */
const recorderNames = [
  ...fs.readFileSync(path.join(root, 'scripts', 'testbed', 'recordFixtures.ts'), 'utf8').matchAll(/record\(\s*'([^']+)'/g),
].map((m) => m[1]);

describe("details: the tests' server answers are recordings", () => {
  it('every answer in test/fixtures/recorded is one the recorder writes, recorded from the pinned MLflow', () => {
    assert.ok(pinnedMlflow, 'python/requirements-testbed.txt pins mlflow');
    const files = fs.readdirSync(path.join(root, 'test', 'fixtures', 'recorded')).map((f) => f.replace(/\.json$/, ''));
    assert.deepEqual(
      files.filter((f) => !recorderNames.includes(f)),
      [],
      'files the recorder does not write',
    );
    assert.deepEqual(
      recorderNames.filter((n) => !files.includes(n)),
      [],
      'recordings missing',
    );
    for (const f of files) assert.equal(recorded(f).recordedFrom, `mlflow ${pinnedMlflow}`, f);
  });

  it("the run of the walkthrough's version 2 is recorded: runs/get of the version's run_id, the 300-tree forest the seed logged", () => {
    const answer = recorded('run-get');
    assert.equal(answer.status, 200);
    assert.equal(answer.request.path, 'api/2.0/mlflow/runs/get');
    const version = recordedVersion();
    assert.deepEqual(answer.request.query, { run_id: version.runId });
    const run = recordedRun();
    assert.equal(run.info.runId, version.runId);
    assert.equal(run.info.runName, 'random-forest');
    assert.deepEqual(run.data.params.map((p) => `${p.key}=${p.value}`).sort(), ['model_type=RandomForestRegressor', 'n_estimators=300']);
    assert.deepEqual(
      run.data.metrics.map((m) => m.key),
      ['mse'],
    );
    assert.ok(run.data.metrics[0].value > 0 && Number.isFinite(run.data.metrics[0].value));
  });
});

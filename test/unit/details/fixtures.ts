/**
 * Entities for the details tests, made from answers recorded from the pinned MLflow server
 * (`npm run record-fixtures`, scripts/testbed/recordFixtures.ts); nothing here is written by hand.
 */
import * as fs from 'node:fs';
import { windfarmCsv } from '../../../scripts/testbed/paths';
import { parseMlModel } from '../../../src/registry/mlmodel';
import type { MlModel, ModelVersion, RegisteredModel, Run } from '../../../src/registry/types';
import { toModelVersion, toRegisteredModel, toRun } from '../../../src/registry/wire';
import { recorded } from '../../support/recorded';

export function recordedVersion(): ModelVersion {
  return toModelVersion(JSON.parse(recorded('version-get').text).model_version);
}

export function recordedModel(): RegisteredModel {
  return toRegisteredModel(JSON.parse(recorded('model-get').text).registered_model);
}

export function recordedVersions(): ModelVersion[] {
  return (JSON.parse(recorded('versions-search').text).model_versions as unknown[]).map((v) => toModelVersion(v));
}

export function recordedMlModel(): MlModel {
  return parseMlModel(recorded('version-mlmodel').text);
}

/** runs/get of the run the walkthrough's version 2 came from (the 300-tree random forest). */
export function recordedRun(): Run {
  return toRun(JSON.parse(recorded('run-get').text).run);
}

/**
 * What the walkthrough's models take as input, from the data they were trained on (not from the
 * server): the wind farm dataset's columns but its index and the target, `power`, in file order.
 */
export function windfarmFeatures(): string[] {
  const header = fs.readFileSync(windfarmCsv(), 'utf8').split(/\r?\n/, 1)[0];
  return header
    .split(',')
    .slice(1)
    .filter((c) => c !== 'power');
}

/** Entities for the details tests, made from answers recorded from the pinned MLflow server. */
import { parseMlModel } from '../../../src/registry/mlmodel';
import type { MlModel, ModelVersion, RegisteredModel, Run } from '../../../src/registry/types';
import { toModelVersion, toRegisteredModel } from '../../../src/registry/wire';
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

/** The shape runs/get answers with for the walkthrough's version 2 (no recorded fixture of a run yet). */
export function walkthroughRun(runId: string): Run {
  return {
    info: { runId, runName: 'random-forest', experimentId: '1', status: 'FINISHED' },
    data: {
      metrics: [{ key: 'mse', value: 38912.25, step: 0, timestamp: 1 }],
      params: [
        { key: 'n_estimators', value: '300' },
        { key: 'model_type', value: 'RandomForestRegressor' },
      ],
      tags: [{ key: 'algorithm', value: 'random-forest' }],
    },
  };
}

export const SIGNATURE_INPUTS = [
  'temperature_00',
  'wind_direction_00',
  'wind_speed_00',
  'temperature_08',
  'wind_direction_08',
  'wind_speed_08',
  'temperature_16',
  'wind_direction_16',
  'wind_speed_16',
];

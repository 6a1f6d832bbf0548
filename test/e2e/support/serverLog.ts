/** What the MLflow server of an e2e suite was asked, read from its access log. */
import * as fs from 'node:fs';
import type { MlflowServer } from '../../../scripts/testbed/mlflowServer';

/** Requests the MLflow server logged (uvicorn's access log) whose line contains `part`. */
export function served(server: MlflowServer, part: string): number {
  return fs
    .readFileSync(server.logPath, 'utf8')
    .split('\n')
    .filter((l) => l.includes(part)).length;
}

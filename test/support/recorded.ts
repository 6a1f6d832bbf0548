/** Answers recorded from the pinned MLflow server by scripts/testbed/recordFixtures.ts. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { interpretResponse, type Attempt } from '../../src/registry/response';

export interface Recorded {
  recordedFrom: string;
  request: { method: string; path: string; query?: Record<string, string | string[]>; body?: unknown };
  status: number;
  contentType?: string;
  text: string;
}

const dir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'recorded');

export function recorded(name: string): Recorded {
  return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Recorded;
}

/** What the transport makes of a recorded answer. */
export function interpretRecorded(name: string, responseType?: 'json' | 'text'): Attempt {
  const r = recorded(name);
  return interpretResponse({
    status: r.status,
    contentType: r.contentType,
    text: r.text,
    responseType,
    host: '127.0.0.1:5000',
    method: r.request.method,
    path: r.request.path,
    attempt: 1,
  });
}

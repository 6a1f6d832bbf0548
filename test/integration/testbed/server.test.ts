import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { groupAlive } from '../../../scripts/testbed/processGroup';
import { portClosed } from '../../support/ports';
import { sharedServer } from '../../support/testbed';

function startChild(mode: 'throw' | 'wait'): Promise<{ child: ChildProcess; pgid: number; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'support', 'serverChild.js'), mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, ...(JSON.parse(line) as { pgid: number; url: string }) });
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (!out.includes('{')) reject(new Error(`child exited ${code} before the server was up: ${err}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.on('exit', () => r())));

async function noneRemain(pgid: number): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !groupAlive(pgid);
}

describe('the MLflow launcher leaves nothing running', function () {
  this.timeout(120_000);

  it('the shared server is the pinned MLflow and answers /health', async () => {
    const s = sharedServer();
    assert.match(s.version, /^3\.17\./);
    assert.equal(await (await fetch(`${s.url}/health`)).text(), 'OK');
  });

  for (const how of ['throw', 'SIGINT', 'SIGTERM'] as const) {
    it(`kills the whole server process group when its owner ${how === 'throw' ? 'dies of an uncaught error' : `gets ${how}`}`, async () => {
      const { child, pgid, url } = await startChild(how === 'throw' ? 'throw' : 'wait');
      assert.ok(groupAlive(pgid), 'the server group runs while its owner lives');
      assert.equal(await (await fetch(`${url}/health`)).text(), 'OK');
      if (how !== 'throw') child.kill(how);
      await exited(child);
      assert.ok(await noneRemain(pgid), `processes of group ${pgid} remain after ${how}`);
      assert.ok(await portClosed(url), `${url} still answers`);
    });
  }
});

import { type ChildProcess } from 'node:child_process';

/**
 * Process groups this process started (an MLflow server and its uvicorn child share one).
 * Whatever happens to this process (a failing test, an uncaught error, SIGINT, SIGTERM), the
 * groups are killed before it goes, so no server outlives its test run or demo.
 */
const groups = new Set<number>();
let installed = false;

export function trackGroup(child: ChildProcess): number {
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('process did not start');
  groups.add(pgid);
  install();
  return pgid;
}

export function untrackGroup(pgid: number): void {
  groups.delete(pgid);
}

/** True while any process of the group is alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when no process of the group remains. */
export async function stopGroup(pgid: number, graceMs = 8000): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await delay(50);
  if (groupAlive(pgid)) {
    signalGroup(pgid, 'SIGKILL');
    const hard = Date.now() + 5000;
    while (groupAlive(pgid) && Date.now() < hard) await delay(50);
  }
  untrackGroup(pgid);
}

function killAllNow(): void {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
  groups.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAllNow);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      killAllNow();
      process.exit(code);
    });
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const repoRoot = path.join(__dirname, '..', '..', '..', '..');

/**
 * A copy of the work tree as a fresh clone has it: the files git tracks or would track (no
 * out/, dist/, .venv/, .testbed/), with node_modules linked in as `npm ci` would have made it.
 * Returns the copy's folder; the caller removes it.
 */
export function freshClone(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fresh-clone-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    const from = path.join(repoRoot, f);
    if (!fs.existsSync(from)) continue; // deleted in the work tree, not yet in a commit
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, f));
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  return dir;
}

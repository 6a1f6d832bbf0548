import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freshClone } from './freshClone';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm run package on a fresh clone', function () {
  this.timeout(180_000);
  let clone: string;
  let run: ReturnType<typeof spawnSync>;

  before(function () {
    clone = freshClone();
    assert.equal(fs.existsSync(path.join(clone, 'out')), false, 'a fresh clone has no out/ folder');
    run = spawnSync(npm, ['run', '--silent', 'package'], { cwd: clone, encoding: 'utf8', stdio: 'pipe' });
  });

  after(function () {
    if (clone) fs.rmSync(clone, { recursive: true, force: true });
  });

  it('writes out/mlflow-model-registry.vsix without asking anything', function () {
    const vsix = path.join(clone, 'out', 'mlflow-model-registry.vsix');
    assert.equal(run.status, 0, `npm run package failed:\n${String(run.stdout)}\n${String(run.stderr)}`);
    assert.ok(fs.existsSync(vsix), `no ${vsix}`);
  });
});

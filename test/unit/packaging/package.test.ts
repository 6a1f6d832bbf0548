import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freshClone } from './freshClone';
import { zipEntries } from './zipEntries';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm run package on a fresh clone', function () {
  this.timeout(180_000);
  let clone: string;
  let run: ReturnType<typeof spawnSync>;
  let manifest: { icon?: string };

  before(function () {
    clone = freshClone();
    assert.equal(fs.existsSync(path.join(clone, 'out')), false, 'a fresh clone has no out/ folder');
    run = spawnSync(npm, ['run', '--silent', 'package'], { cwd: clone, encoding: 'utf8' });
    manifest = JSON.parse(fs.readFileSync(path.join(clone, 'package.json'), 'utf8')) as { icon?: string };
  });

  after(function () {
    if (clone) fs.rmSync(clone, { recursive: true, force: true });
  });

  /** The files a user's VS Code unpacks from the VSIX, relative to the extension's folder. */
  function packaged(): string[] {
    const vsix = path.join(clone, 'out', 'mlflow-model-registry.vsix');
    assert.equal(run.status, 0, `npm run package failed:\n${String(run.stdout)}\n${String(run.stderr)}`);
    assert.ok(fs.existsSync(vsix), `no ${vsix}`);
    return zipEntries(vsix)
      .filter((e) => e.startsWith('extension/'))
      .map((e) => e.slice('extension/'.length));
  }

  it('writes out/mlflow-model-registry.vsix without asking anything', function () {
    assert.ok(packaged().includes('dist/extension.js'));
    // Off a terminal vsce answers its own questions "y" and only warns; at a terminal each of
    // these warnings (no repository, no LICENSE, '*' activation) stops to ask.
    // eslint-disable-next-line no-control-regex
    const output = `${String(run.stdout)}\n${String(run.stderr)}`.replace(/\x1b\[[0-9;]*m/g, '');
    const warnings = output.split('\n').filter((l) => /\bWARNING\b/.test(l));
    assert.deepEqual(warnings, [], 'vsce warned; at a terminal it would stop and ask');
  });

  it('ships the code, the icon and the pages the Marketplace shows', function () {
    const files = packaged();
    assert.ok(manifest.icon, 'package.json names an icon');
    for (const f of [
      'package.json',
      'package.nls.json',
      'dist/extension.js',
      'dist/webview/details.js',
      manifest.icon,
      'media/mlflow-registry.svg',
      'python/server/serve_local.py',
    ])
      assert.ok(files.includes(f), `${f} is missing from the VSIX: ${files.join(', ')}`);
    // vsce renames these three as the Marketplace expects.
    for (const f of [/^readme\.md$/i, /^changelog\.md$/i, /^license(\.txt|\.md)?$/i])
      assert.ok(
        files.some((x) => f.test(x)),
        `${f} is missing from the VSIX: ${files.join(', ')}`,
      );
  });

  it('ships nothing a user does not need: no sources, maps, tests, scripts or environments', function () {
    const files = packaged();
    const unwanted: [string, RegExp][] = [
      ['a source map', /\.map$/],
      ['TypeScript source', /\.ts$/],
      ['src/', /^src\//],
      ['a test', /^test\/|\.test\.js$/],
      ['scripts/', /^scripts\//],
      ['node_modules', /(^|\/)node_modules\//],
      ['.venv', /^\.venv\//],
      ['.testbed', /^\.testbed\//],
      ['out/', /^out\//],
      ['data/', /^data\//],
      ['Python bytecode', /__pycache__|\.pyc$/],
      ['a dotfile', /(^|\/)\.[^/]+$/],
    ];
    for (const [what, re] of unwanted) {
      const found = files.filter((f) => re.test(f));
      assert.deepEqual(found, [], `the VSIX ships ${what}: ${found.join(', ')}`);
    }
  });
});

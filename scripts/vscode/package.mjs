// Packages VSIXes with vsce. `node scripts/vscode/package.mjs` (npm run package) builds the
// production bundle and writes the product's VSIX to out/mlflow-model-registry.vsix.
// vsce does not create the folder of --out: on a fresh clone out/ does not exist yet and vsce
// stopped with ENOENT, so the folder is made here first.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, say, SetupError } from '../lib/setup.mjs';

export const productVsix = path.join(root, 'out', 'mlflow-model-registry.vsix');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

/**
 * vsce's arguments. No dependencies: esbuild bundles them. The project has no public
 * repository URL yet, and without --allow-missing-repository vsce asks a question that CI
 * cannot answer.
 */
export function vscePackageArgs(outFile, extra = []) {
  return ['package', '--no-dependencies', '--allow-missing-repository', ...extra, '--out', outFile];
}

/** Packages the extension in `cwd` (the product by default) into `outFile`, creating its folder. */
export function packageVsix(outFile, { cwd = root, extra = [], what = 'vsce package' } = {}) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const r = spawnSync(process.execPath, [vsce, ...vscePackageArgs(outFile, extra)], { stdio: 'inherit', cwd });
  if (r.status !== 0) throw new SetupError(`${what} failed (exit ${r.status ?? r.error?.message}).`);
}

/** The production bundle (minified, no source maps) that the product's VSIX ships. */
export function buildProduction() {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) throw new SetupError(`esbuild failed (exit ${r.status ?? r.error?.message}).`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    buildProduction();
    packageVsix(productVsix);
    say(`VSIX: ${path.relative(process.cwd(), productVsix)}`);
  } catch (e) {
    process.stderr.write(`${e instanceof SetupError ? e.message : e?.stack}\n`);
    process.exit(1);
  }
}

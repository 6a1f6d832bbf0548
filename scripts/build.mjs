// Bundles the extension (and, as they arrive, the language server and webviews) with esbuild.
// Type-checking is separate: `npm run typecheck`.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** One entry per bundle; later entries: the language server (node) and webviews (browser). */
const entries = [
  { entryPoints: { extension: 'src/extension.ts' }, platform: 'node', format: 'cjs', external: ['vscode'] },
  // The details panel's page: browser code with its own tsconfig (DOM lib), out to dist/webview/details.js.
  {
    entryPoints: { 'webview/details': 'src/webview/details/main.ts' },
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    tsconfig: 'src/webview/tsconfig.json',
  },
];

const common = {
  absWorkingDir: root,
  bundle: true,
  outdir: 'dist',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

if (!watch) fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

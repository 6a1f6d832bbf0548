// Installs what the project needs, idempotently, and says exactly what is missing when it cannot.
// Plain Node with no dependencies: it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const isWin = process.platform === 'win32';
const venvDir = path.join(root, '.venv');
export const venvPython = isWin ? path.join(venvDir, 'Scripts', 'python.exe') : path.join(venvDir, 'bin', 'python');

export function say(line) {
  process.stdout.write(`[setup] ${line}\n`);
}

export class SetupError extends Error {}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...opts });
  return { ok: r.status === 0, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

function runOrFail(what, cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new SetupError(`${what} failed (${cmd} ${args.join(' ')} exited with ${r.status ?? r.error?.message}).`);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = () => !isWin && run('sh', ['-c', 'command -v apt-get']).ok;
let aptUpdated = false;

/** apt-get install as root (CI and these machines); elsewhere the caller says what to install. */
export function aptInstall(packages) {
  if (!isRoot() || !hasAptGet()) return false;
  if (!aptUpdated) {
    say('apt-get update');
    runOrFail('apt-get update', 'apt-get', ['update', '-qq'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    aptUpdated = true;
  }
  say(`apt-get install ${packages.join(' ')}`);
  runOrFail('apt-get install', 'apt-get', ['install', '-y', '-qq', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return true;
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 18)) {
    throw new SetupError(
      `Node ${process.versions.node} is too old: install Node 20.18 or newer (the extension host of VS Code 1.96 runs Node 20.18).`,
    );
  }
}

export function ensureNodeModules() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const stale = !fs.existsSync(marker) || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000);
  if (!stale) return;
  say('Installing npm packages (npm ci)...');
  runOrFail('npm ci', isWin ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund']);
}

function findPython() {
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : isWin ? ['py', 'python'] : ['python3', 'python'];
  for (const cmd of candidates) {
    const args = cmd === 'py' ? ['-3', '-c'] : ['-c'];
    const r = run(cmd, [...args, 'import sys; print("%d.%d" % sys.version_info[:2])']);
    if (!r.ok) continue;
    const [maj, min] = r.stdout.trim().split('.').map(Number);
    if (maj === 3 && min >= 10) return { cmd, pre: cmd === 'py' ? ['-3'] : [], version: r.stdout.trim() };
    say(`${cmd} is Python ${r.stdout.trim()}; 3.10 or newer is needed.`);
  }
  return undefined;
}

/** Python 3.10+ with venv, then .venv with the pinned MLflow test bed. */
export function ensureVenv() {
  const req = path.join(root, 'python', 'requirements-testbed.txt');
  const constraints = path.join(root, 'python', 'constraints-testbed.txt');
  const stampFile = path.join(venvDir, '.testbed-stamp');
  const stamp = createHash('sha256').update(fs.readFileSync(req)).update(fs.readFileSync(constraints)).digest('hex');
  if (fs.existsSync(venvPython) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;

  let py = findPython();
  if (!py && aptInstall(['python3', 'python3-venv'])) py = findPython();
  if (!py) {
    throw new SetupError(
      'Python 3.10 or newer is needed for the MLflow test bed. Install it (Debian/Ubuntu: "sudo apt-get install python3 python3-venv"; elsewhere from python.org), or point the PYTHON variable at one.',
    );
  }
  if (!fs.existsSync(venvPython)) {
    const check = run(py.cmd, [...py.pre, '-c', 'import venv, ensurepip']);
    if (!check.ok) {
      const minor = py.version;
      if (!aptInstall([`python${minor}-venv`]) && !aptInstall(['python3-venv'])) {
        throw new SetupError(
          `Python ${py.version} (${py.cmd}) lacks the venv module with pip. Install it: Debian/Ubuntu "sudo apt-get install python3-venv".`,
        );
      }
    }
    say(`Creating the Python virtual environment in .venv with ${py.cmd} (Python ${py.version})...`);
    fs.rmSync(venvDir, { recursive: true, force: true });
    runOrFail('Creating .venv', py.cmd, [...py.pre, '-m', 'venv', venvDir]);
  }
  say('Installing the pinned MLflow test bed into .venv (a few minutes the first time)...');
  runOrFail('pip install', venvPython, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '-r', req, '-c', constraints]);
  fs.writeFileSync(stampFile, stamp);
}

/** openssl: the TLS tests make their throwaway CA and certificates with it. */
export function ensureOpenssl() {
  if (run('openssl', ['version']).ok || aptInstall(['openssl'])) return;
  throw new SetupError(
    'openssl is needed by the TLS tests to make their test certificates. Install it (Debian/Ubuntu: "sudo apt-get install openssl"; macOS ships it).',
  );
}

/** Data the demo and tests train on: the project's own copy, checked against its published hash. */
export function checkData() {
  const csv = path.join(root, 'data', 'windfarm', 'windfarm_data.csv');
  const expected = '85cb04edcf3a61592511a92b15d0dc95b113f019db8c845c0a231dd9a4bab41b';
  const actual = createHash('sha256').update(fs.readFileSync(csv)).digest('hex');
  if (actual !== expected) throw new SetupError(`${csv} does not match its sha256 (${actual}); restore it from git.`);
}

export function compile() {
  say('Type-checking and compiling (tsc)...');
  // A test deleted from the sources must not keep running from a stale compiled copy.
  for (const dir of ['src', 'test', 'scripts']) fs.rmSync(path.join(root, 'out', dir), { recursive: true, force: true });
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  runOrFail('tsc', process.execPath, [tsc, '-p', 'tsconfig.test.json']);
  runOrFail('tsc (webview)', process.execPath, [tsc, '-p', path.join('src', 'webview', 'tsconfig.json')]);
  runOrFail('esbuild bundle', process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
}

export function setupAll({ python = true } = {}) {
  checkNode();
  checkData();
  ensureNodeModules();
  if (python) ensureVenv();
  ensureOpenssl();
  compile();
}

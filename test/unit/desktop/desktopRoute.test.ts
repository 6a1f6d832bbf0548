import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DesktopUnavailable, downloadVsCode } from '../../../scripts/vscode/desktopDownload';
import {
  DESKTOP_VSCODE_VERSION,
  desktopCachePath,
  desktopVsCodeVersion,
  type DesktopRun,
  desktopTestOptions,
  desktopUserSettings,
  userSettingsFile,
} from '../../../scripts/vscode/desktopOptions';

const root = path.join(__dirname, '..', '..', '..', '..');

const run: DesktopRun = {
  root,
  vscodeExecutablePath: '/opt/vscode/code',
  workspace: '/tmp/exthost-desktop-x/workspace',
  profileDir: '/tmp/exthost-desktop-x/profile',
  resultsFile: '/tmp/exthost-desktop-x/results.json',
  mlflow: { url: 'http://127.0.0.1:5123', dbPath: '/tmp/testbed/mlflow.db' },
  python: '/work/.venv/bin/python',
};

describe('the extension-host suite on a desktop VS Code (@vscode/test-electron options)', function () {
  it('loads the product from the repository and the Python extension stand-in next to it', function () {
    const devPaths = desktopTestOptions(run).extensionDevelopmentPath as string[];
    assert.deepEqual(devPaths, [root, path.join(root, 'test', 'python-extension-standin')]);
    const ids = devPaths.map((p) => {
      const m = JSON.parse(fs.readFileSync(path.join(p, 'package.json'), 'utf8')) as { publisher: string; name: string };
      return `${m.publisher}.${m.name}`;
    });
    // The product asks VS Code for ms-python.python by that id.
    assert.deepEqual(ids, ['mlflow-registry-tools.mlflow-model-registry', 'ms-python.python']);
  });

  it('runs the compiled suite entry, whose run() VS Code calls', async function () {
    const entry = desktopTestOptions(run).extensionTestsPath;
    assert.ok(fs.existsSync(entry), `${entry} does not exist: the desktop route would start VS Code with nothing to run`);
    const mod = (await import(entry)) as { run?: unknown };
    assert.equal(typeof mod.run, 'function');
  });

  it('gives the suite every variable it reads, with the test bed values', function () {
    const env = desktopTestOptions(run).extensionTestsEnv!;
    const suiteDir = path.join(root, 'test', 'exthost');
    const read = new Set(
      fs
        .readdirSync(suiteDir)
        .filter((f) => f.endsWith('.ts'))
        .flatMap((f) =>
          [...fs.readFileSync(path.join(suiteDir, f), 'utf8').matchAll(/process\.env\.(MLFLOW_REGISTRY_EXTHOST_\w+)/g)].map((m) => m[1]),
        ),
    );
    assert.ok(read.size > 0, 'the suite reads its test bed from MLFLOW_REGISTRY_EXTHOST_* variables');
    for (const name of read) assert.ok(env[name], `the suite reads ${name}, the desktop route does not set it`);
    assert.equal(env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_URL, 'http://127.0.0.1:5123');
    assert.equal(env.MLFLOW_REGISTRY_EXTHOST_MLFLOW_DB, '/tmp/testbed/mlflow.db');
    assert.equal(env.MLFLOW_REGISTRY_EXTHOST_PYTHON, '/work/.venv/bin/python');
    assert.equal(env.MLFLOW_REGISTRY_EXTHOST_RESULTS, '/tmp/exthost-desktop-x/results.json');
  });

  it('narrows the suite to a grep only when one is given', function () {
    assert.equal(desktopTestOptions(run).extensionTestsEnv!.MLFLOW_REGISTRY_EXTHOST_GREP, undefined);
    assert.equal(desktopTestOptions({ ...run, grep: 'details' }).extensionTestsEnv!.MLFLOW_REGISTRY_EXTHOST_GREP, 'details');
  });

  it("opens the suite's folder in a throwaway profile, never the user's own VS Code profile", function () {
    const args = desktopTestOptions(run).launchArgs!;
    assert.equal(args[0], run.workspace, 'the first launch argument is the folder VS Code opens');
    assert.ok(args.includes('--user-data-dir=/tmp/exthost-desktop-x/profile/user-data'), args.join(' '));
    assert.ok(args.includes('--extensions-dir=/tmp/exthost-desktop-x/profile/extensions'), args.join(' '));
    assert.equal(userSettingsFile(run.profileDir), '/tmp/exthost-desktop-x/profile/user-data/User/settings.json');
  });

  it("points the extension at the test bed's registry in user settings, with Workspace Trust off", function () {
    const settings = desktopUserSettings(run.mlflow.url);
    assert.equal(settings['mlflowRegistry.trackingUri'], 'http://127.0.0.1:5123');
    assert.equal(settings['security.workspace.trust.enabled'], false);
  });

  it('downloads the pinned VS Code (or VSCODE_TEST_VERSION) into a cache git ignores', async function () {
    assert.equal(desktopVsCodeVersion({}), DESKTOP_VSCODE_VERSION);
    assert.equal(desktopVsCodeVersion({ VSCODE_TEST_VERSION: '1.96.0' }), '1.96.0');
    const cache = desktopCachePath(root);
    // Hundreds of megabytes of VS Code must never show up in git status.
    const ignored = spawnSync('git', ['check-ignore', '-q', path.join(cache, 'VSCode-linux-x64', 'code')], { cwd: root });
    assert.equal(ignored.status, 0, `${cache} is not ignored by git`);
    let asked: { version: string; cachePath: string } | undefined;
    const exe = await downloadVsCode('1.96.0', cache, (o) => {
      asked = o;
      return Promise.resolve('/cache/VSCode-linux-x64/code');
    });
    assert.equal(exe, '/cache/VSCode-linux-x64/code');
    assert.deepEqual([asked?.version, asked?.cachePath], ['1.96.0', cache]);
  });

  it('says in one sentence that this route needs a machine that can download VS Code when the download fails', async function () {
    const offline = () => Promise.reject(new Error('getaddrinfo ENOTFOUND update.code.visualstudio.com'));
    await assert.rejects(downloadVsCode('1.139.1', '/tmp/cache', offline), (e: unknown) => {
      assert.ok(e instanceof DesktopUnavailable);
      assert.equal(
        e.message,
        'the desktop route needs a machine that can download VS Code; here use npm run test:exthost without --desktop ' +
          '(downloading VS Code 1.139.1 failed: getaddrinfo ENOTFOUND update.code.visualstudio.com).',
      );
      return true;
    });
  });
});

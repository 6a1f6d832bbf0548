import * as assert from 'node:assert/strict';
import { choosePython, describePython } from '../../../src/localServer/choosePython';

describe('which Python runs MLflow', () => {
  it('takes the pythonPath setting first, even over the Python extension', () => {
    const p = choosePython({ setting: '/opt/py/bin/python', interpreter: '/env/bin/python', platform: 'linux' });
    assert.deepEqual(p, { command: '/opt/py/bin/python', args: [], source: 'setting' });
  });

  it("then the Python extension's active interpreter", () => {
    const p = choosePython({ setting: '  ', interpreter: '/work/.venv/bin/python', platform: 'linux' });
    assert.deepEqual(p, { command: '/work/.venv/bin/python', args: [], source: 'pythonExtension' });
  });

  it('then python3, or py -3 on Windows', () => {
    assert.deepEqual(choosePython({ platform: 'linux' }), { command: 'python3', args: [], source: 'default' });
    assert.deepEqual(choosePython({ platform: 'darwin' }), { command: 'python3', args: [], source: 'default' });
    assert.deepEqual(choosePython({ platform: 'win32' }), { command: 'py', args: ['-3'], source: 'default' });
  });

  it('reads ${workspaceFolder}, ~ and relative paths in the setting against the folder and home', () => {
    assert.equal(
      choosePython({ setting: '${workspaceFolder}/.venv/bin/python', folder: '/w', platform: 'linux' }).command,
      '/w/.venv/bin/python',
    );
    assert.equal(choosePython({ setting: '.venv/bin/python', folder: '/w', platform: 'linux' }).command, '/w/.venv/bin/python');
    assert.equal(
      choosePython({ setting: '~/miniconda/bin/python', homeDir: '/home/ana', platform: 'linux' }).command,
      '/home/ana/miniconda/bin/python',
    );
    assert.equal(
      choosePython({ setting: '.venv\\Scripts\\python.exe', folder: 'C:\\w', platform: 'win32' }).command,
      'C:\\w\\.venv\\Scripts\\python.exe',
    );
  });

  it('leaves a bare command name to PATH', () => {
    assert.equal(choosePython({ setting: 'python3.12', folder: '/w', platform: 'linux' }).command, 'python3.12');
  });

  it('describes the command as a person would type it', () => {
    assert.equal(describePython({ command: 'py', args: ['-3'], source: 'default' }), 'py -3');
    assert.equal(
      describePython({ command: 'C:\\Program Files\\Python\\python.exe', args: [], source: 'setting' }),
      '"C:\\Program Files\\Python\\python.exe"',
    );
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';

/** The project's root: the nearest folder above this file with a package.json (works from src and from out/). */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'scripts'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No project root above ${__dirname}`);
    dir = parent;
  }
}

export function venvBin(name: string): string {
  const root = projectRoot();
  return process.platform === 'win32' ? path.join(root, '.venv', 'Scripts', `${name}.exe`) : path.join(root, '.venv', 'bin', name);
}

export const windfarmCsv = (): string => path.join(projectRoot(), 'data', 'windfarm', 'windfarm_data.csv');

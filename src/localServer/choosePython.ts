/**
 * Which Python runs the user's MLflow (a local server now, the forecast later), as design.md
 * says: the `pythonPath` setting, else the Python extension's active interpreter, else
 * `python3` (`py -3` on Windows). A setting is taken as given: when it names a Python that
 * does not work, the user is told so rather than silently sent to another one.
 */
import * as path from 'node:path';

export type PythonSource = 'setting' | 'pythonExtension' | 'default';

export interface PythonCommand {
  command: string;
  args: string[];
  source: PythonSource;
}

export interface PythonInputs {
  /** `mlflowRegistry.pythonPath`, as written. */
  setting?: string;
  /** The Python extension's active interpreter for the folder, when it has one. */
  interpreter?: string;
  platform: NodeJS.Platform;
  /** The workspace folder a relative `pythonPath` or `${workspaceFolder}` refers to. */
  folder?: string;
  homeDir?: string;
}

export function choosePython(inputs: PythonInputs): PythonCommand {
  const setting = inputs.setting?.trim();
  if (setting) return { command: expandPath(setting, inputs), args: [], source: 'setting' };
  const interpreter = inputs.interpreter?.trim();
  if (interpreter) return { command: interpreter, args: [], source: 'pythonExtension' };
  return inputs.platform === 'win32'
    ? { command: 'py', args: ['-3'], source: 'default' }
    : { command: 'python3', args: [], source: 'default' };
}

/** `py -3`, `/usr/bin/python3`: how a person would type it. */
export function describePython(python: PythonCommand): string {
  return [python.command, ...python.args].map((p) => (/\s/.test(p) ? `"${p}"` : p)).join(' ');
}

function expandPath(value: string, inputs: PythonInputs): string {
  const api = inputs.platform === 'win32' ? path.win32 : path.posix;
  let v = value.replace(/\$\{workspaceFolder\}/g, inputs.folder ?? '${workspaceFolder}');
  if (inputs.homeDir && (v === '~' || v.startsWith('~/') || v.startsWith('~\\'))) v = api.join(inputs.homeDir, v.slice(1));
  // A bare command (`python3.11`) is looked up on PATH; a relative path is the folder's.
  const looksLikePath = v.includes('/') || (inputs.platform === 'win32' && v.includes('\\'));
  if (looksLikePath && !api.isAbsolute(v) && inputs.folder) v = api.resolve(inputs.folder, v);
  return v;
}

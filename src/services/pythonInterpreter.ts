// Job: which Python runs MLflow for the user: pythonPath, else the Python extension's interpreter, else python3.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { choosePython, type PythonCommand } from '../localServer';
import type { Logger } from '../logging/logger';
import { readSettings } from './settings';

interface EnvironmentPath {
  id: string;
  path: string;
}

/** The parts of the Python extension's API read here (ms-python.python, `environments` and the older `settings`). */
interface PythonExtensionApi {
  ready?: Promise<void>;
  environments?: {
    getActiveEnvironmentPath?(resource?: vscode.Uri): EnvironmentPath | undefined;
    resolveEnvironment?(env: EnvironmentPath): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
  };
  settings?: { getExecutionDetails?(resource?: vscode.Uri): { execCommand?: string[] } };
}

const ASK_TIMEOUT_MS = 10_000;

/** The user's Python: `mlflowRegistry.pythonPath`, else the Python extension's interpreter for the folder, else python3 / py -3. */
export async function resolvePython(folder: vscode.WorkspaceFolder | undefined, log: Logger): Promise<PythonCommand> {
  const setting = readSettings().pythonPath;
  const interpreter = setting ? undefined : await pythonExtensionInterpreter(folder, log);
  return choosePython({ setting, interpreter, platform: process.platform, folder: folder?.uri.fsPath, homeDir: os.homedir() });
}

async function pythonExtensionInterpreter(folder: vscode.WorkspaceFolder | undefined, log: Logger): Promise<string | undefined> {
  const ext = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (!ext) return undefined;
  const ask = async (): Promise<string | undefined> => {
    // An extension's exports are whatever it returned: possibly nothing.
    const api = (ext.isActive ? ext.exports : await ext.activate()) as PythonExtensionApi | undefined;
    await api?.ready;
    const envPath = api?.environments?.getActiveEnvironmentPath?.(folder?.uri);
    if (envPath) {
      const resolved = await api?.environments?.resolveEnvironment?.(envPath);
      return resolved?.executable?.uri?.fsPath ?? envPath.path;
    }
    const exec = api?.settings?.getExecutionDetails?.(folder?.uri).execCommand;
    return exec?.length === 1 ? exec[0] : undefined;
  };
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ASK_TIMEOUT_MS)));
    const found = await Promise.race([ask(), timeout]);
    clearTimeout(timer);
    if (found) log.info(`The Python extension's interpreter for ${folder?.name ?? 'this window'}: ${found}`);
    return found;
  } catch (e) {
    log.warn(`The Python extension did not say which interpreter is active: ${e instanceof Error ? e.message : e}`);
    return undefined;
  }
}

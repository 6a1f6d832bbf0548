import type { ServerCapabilities } from './registry/capabilities';
import type { RequestRecord } from './registry/transport';
import type { TreeState } from './tree/registryTree';

export interface LocalServerInfo {
  url: string;
  /** The supervisor's process id (the server runs in a process group of its own below it). */
  pid: number;
  store: string;
  python: string;
  pythonSource: 'setting' | 'pythonExtension' | 'default';
}

/** A row of the tree as the user sees it. */
export interface TreeRow {
  id: string;
  label: string;
  description?: string;
  contextValue?: string;
  tooltip?: string;
  collapsible: boolean;
}

/**
 * What `activate()` returns: read-only facts for tests, the benchmark and other extensions.
 * The VSIX has no other test hooks.
 */
export interface MlflowRegistryApi {
  readonly version: string;
  /** Resolves once the configured registry (settings, secrets, environment, files) has been read. */
  ready(): Promise<void>;
  /** The registry URL in use, or undefined when none is configured. */
  registryUrl(): string | undefined;
  /** Tries sent to the registry since activation (retries included). */
  requestCount(): number;
  /** The most recent tries (method, path, status, ms), oldest first. */
  requests(): readonly RequestRecord[];
  /**
   * What the connected server supports (its `/version`, whether it has model aliases and,
   * when not, why: `version` below MLflow 2.3, `endpoint` when its alias endpoint is not
   * there). Undefined until the server has answered once after connecting; alias features
   * are shown until then.
   */
  capabilities(): ServerCapabilities | undefined;
  /**
   * The `mlflow server`s this window started for local stores: where each answers, the store it
   * serves, and the Python that runs it with where that choice came from (`setting`:
   * `mlflowRegistry.pythonPath`, `pythonExtension`: the Python extension's interpreter,
   * `default`: python3 / py -3).
   */
  localServers(): Promise<LocalServerInfo[]>;
  tree: {
    state(): TreeState;
    /** The sentence shown above the Models view (an error, a notice such as hidden alias features), if any. */
    message(): string | undefined;
    /** The rows under a row (or the top level), fetched as the view would fetch them. */
    children(id?: string): Promise<TreeRow[]>;
    /** The ids of the rows selected in the Models view (what keybindings act on). */
    selection(): string[];
  };
}

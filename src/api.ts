import type { RequestRecord } from './registry/transport';
import type { TreeState } from './tree/registryTree';

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
  tree: {
    state(): TreeState;
    /** The rows under a row (or the top level), fetched as the view would fetch them. */
    children(id?: string): Promise<TreeRow[]>;
  };
}

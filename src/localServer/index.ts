/** Local MLflow servers the extension starts for a workspace's own store: plain Node, no `vscode`. */
export { choosePython, describePython } from './choosePython';
export type { PythonCommand, PythonInputs, PythonSource } from './choosePython';
export { detectStores, localStoreFromUri } from './store';
export type { DetectedStore, LocalStore } from './store';
export { freeLoopbackPort, LocalServerError, startLocalServer } from './launcher';
export type { LocalServer, LocalServerErrorCode, LocalServerOptions } from './launcher';

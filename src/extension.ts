import * as vscode from 'vscode';

/**
 * The extension's public API, returned by `activate()`: what tests, the benchmark and other
 * extensions may read. It grows with the tree (what it shows, requests made).
 */
export interface MlflowRegistryApi {
  readonly version: string;
}

/** Wiring only: services are built here and handed to the UI through constructors. */
export function activate(context: vscode.ExtensionContext): MlflowRegistryApi {
  const log = vscode.window.createOutputChannel('MLflow Model Registry', { log: true });
  context.subscriptions.push(log);
  return { version: String(context.extension.packageJSON.version) };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

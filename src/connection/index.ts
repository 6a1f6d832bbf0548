/** Which registry, which credentials, TLS and proxy: plain Node, no `vscode`. */
export * from './types';
export * from './sources';
export { parseStoredCredential, serializeStoredCredential } from './storedCredential';
export * from './connectionMessages';
export { resolveConnection } from './resolveConnection';
export { describeConnection, describeSource } from './describe';
export { createDispatcher, defaultCertificates, splitPem, tlsOptionsFor } from './dispatcher';
export type { DispatcherOptions, TlsOptions } from './dispatcher';
export { proxyFor, matchesNoProxy, isLoopback, normalizeProxyUrl } from './proxy';
export type { ProxyChoice } from './proxy';
export { parseIni, iniValue } from './ini';
export type { IniSections } from './ini';
export { registryAuth, transportOptions } from './secrets';

/**
 * A log-safe account of a resolved connection: every value with its source, no password, token
 * or proxy user info (they are not on the object to begin with; see secrets.ts).
 */
import { formatConnectionMessage } from './connectionMessages';
import type { ResolvedConnection, Sourced, ValueSource } from './types';

const KIND_LABEL: Record<ResolvedConnection['kind'], string> = {
  oss: 'MLflow server registry',
  databricks: 'Databricks workspace registry',
  unityCatalog: 'Unity Catalog registry (not served yet)',
  unsupported: 'not an MLflow server',
  unconfigured: 'not configured',
};

export function describeSource(source: ValueSource): string {
  if (source === 'trackingUri') return 'follows the tracking URI';
  if (source === 'default') return 'default';
  if (source === 'loopback') return 'loopback host';
  if (source === 'secretStorage') return 'stored credentials';
  if (source.startsWith('userInfo:')) return `user info in the URI from ${describeSource(source.slice('userInfo:'.length) as ValueSource)}`;
  const [kind, ...rest] = source.split(':');
  const label = { setting: 'setting', env: 'environment', file: 'file', editor: 'editor setting' }[kind];
  return label ? `${label} ${rest.join(':')}` : source;
}

function sourced<T>(value: Sourced<T>): string {
  return `${String(value.value)} (${describeSource(value.source)})`;
}

export function describeConnection(c: ResolvedConnection): string {
  const lines = [`MLflow connection: ${KIND_LABEL[c.kind]}`];
  lines.push(`  tracking URI: ${c.trackingUri ? sourced(c.trackingUri) : 'none'}`);
  if (c.registryUri) {
    const workspace =
      c.kind === 'databricks' && c.registryUri.source === 'trackingUri' ? '; the workspace registry, not Unity Catalog' : '';
    lines.push(`  registry URI: ${c.registryUri.value} (${describeSource(c.registryUri.source)}${workspace})`);
  }
  if (c.registryUrl) lines.push(`  registry URL: ${c.registryUrl}`);
  if (c.databricks) {
    const { profile, host, configFile } = c.databricks;
    lines.push(`  Databricks profile: ${sourced(profile)}, config file ${sourced(configFile)}`);
    lines.push(`  Databricks host: ${host ? sourced(host) : 'none'}`);
  }
  const auth = c.auth;
  const who = auth.kind === 'basic' && auth.username ? ` as ${auth.username}` : '';
  lines.push(`  auth: ${auth.kind === 'none' ? 'none' : `${auth.kind}${who} (${describeSource(auth.source ?? 'default')})`}`);
  const tls = [c.tls.insecure.value ? `certificate verification OFF (${describeSource(c.tls.insecure.source)})` : 'certificates verified'];
  if (c.tls.caFile) tls.push(`extra CA bundle ${sourced(c.tls.caFile)}`);
  if (c.tls.clientCertFile) tls.push(`client certificate ${sourced(c.tls.clientCertFile)}`);
  lines.push(`  TLS: ${tls.join(', ')}`);
  const p = c.proxy;
  const proxy = p.url
    ? `${p.url} (${describeSource(p.source ?? 'default')})${p.strictSSL.value ? '' : `, proxy certificate not verified (${describeSource(p.strictSSL.source)})`}`
    : p.bypassedBy
      ? `direct: ${describeSource(p.source ?? 'default')} bypassed by ${describeSource(p.bypassedBy)}`
      : 'direct';
  lines.push(`  proxy: ${proxy}`);
  if (c.problem) lines.push(`  problem: ${formatConnectionMessage(c.problem)}`);
  for (const w of c.warnings) lines.push(`  warning: ${formatConnectionMessage(w)}`);
  return lines.join('\n');
}

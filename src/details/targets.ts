/**
 * Which model or version a details panel is about, from a tree node or a message, and the
 * key that makes one panel per target. Pure: unit-tested without VS Code.
 */
import type { RegistryNode } from '../tree/nodes';
import type { DetailsTarget, LinkTarget, WebviewToHost } from '../shared/detailsProtocol';

export function targetKey(t: DetailsTarget): string {
  return t.kind === 'model' ? `model:${t.name}` : `version:${t.name}:${t.version}`;
}

/** The target of a tree node the command was run on (model and version rows), else undefined. */
export function targetOfNode(node: unknown): DetailsTarget | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const n = node as Partial<RegistryNode>;
  if (n.kind === 'model' && 'model' in n && typeof n.model?.name === 'string') return { kind: 'model', name: n.model.name };
  if (n.kind === 'version' && 'version' in n && typeof n.version?.name === 'string' && typeof n.version.version === 'string') {
    return { kind: 'version', name: n.version.name, version: n.version.version };
  }
  return undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string';

function parseTarget(v: unknown): DetailsTarget | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const t = v as Record<string, unknown>;
  if (t.kind === 'model' && isString(t.name)) return { kind: 'model', name: t.name };
  if (t.kind === 'version' && isString(t.name) && isString(t.version)) return { kind: 'version', name: t.name, version: t.version };
  return undefined;
}

function parseLink(v: unknown): LinkTarget | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const l = v as Record<string, unknown>;
  if (l.kind === 'url' && isString(l.href)) return { kind: 'url', href: l.href };
  if (l.kind === 'run' && isString(l.experimentId) && isString(l.runId))
    return { kind: 'run', experimentId: l.experimentId, runId: l.runId };
  if (l.kind === 'details') {
    const target = parseTarget(l.target);
    return target && { kind: 'details', target };
  }
  return undefined;
}

/** A message from the webview, checked field by field; anything else is undefined. */
export function parseWebviewMessage(raw: unknown): WebviewToHost | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'load':
      return typeof m.requestId === 'number' && Number.isSafeInteger(m.requestId)
        ? { type: 'load', requestId: m.requestId, fresh: m.fresh === true }
        : undefined;
    case 'open': {
      const link = parseLink(m.link);
      return link && { type: 'open', link };
    }
    default:
      return undefined;
  }
}

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The source tree, read as text: what package.json declares must exist in code, and the reverse. */
const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [fs.readFileSync(p, 'utf8')] : [];
  });
}
const code = sources(path.join(root, 'src')).join('\n');

describe('package.json and the code agree', () => {
  it('every declared command has a handler in a command table, and every handler is declared', () => {
    const declared = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const handled = new Set([...code.matchAll(/^\s*'(mlflowRegistry\.[\w.]+)':\s*(async\s*)?\(/gm)].map((m) => m[1]));
    assert.deepEqual(
      [...declared].filter((c) => !handled.has(c)),
      [],
      'declared without a handler',
    );
    assert.deepEqual(
      [...handled].filter((c) => !declared.has(c)),
      [],
      'handled but not declared',
    );
  });

  it('every declared view is created with createTreeView, and every created view is declared', () => {
    const declared = new Set<string>(
      Object.values(manifest.contributes.views)
        .flat()
        .map((v) => (v as { id: string }).id),
    );
    const created = new Set([...code.matchAll(/createTreeView\(\s*'([\w.]+)'/g)].map((m) => m[1]));
    assert.deepEqual([...declared].sort(), [...created].sort());
  });

  it('every %key% in package.json has an English string in package.nls.json', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    assert.deepEqual(
      keys.filter((k) => !(k in nls)),
      [],
    );
  });

  it('every setting read in code is declared (and under mlflowRegistry.)', () => {
    const props = Object.keys(manifest.contributes.configuration.properties);
    const read = [...code.matchAll(/c\.get<[^>]+>\('([\w.]+)'\)/g)].map((m) => `mlflowRegistry.${m[1]}`);
    assert.ok(read.length >= 5);
    assert.deepEqual(
      read.filter((k) => !props.includes(k)),
      [],
    );
  });
});

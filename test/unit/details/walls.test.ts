import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..', '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}
const imports = (file: string) =>
  [
    ...fs
      .readFileSync(file, 'utf8')
      .matchAll(
        /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
      ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);

describe('details: the walls around the webview', () => {
  it('webview code imports no registry, VS Code, Node or extension-host code', () => {
    const webview = path.join(root, 'src', 'webview');
    for (const f of files(webview)) {
      for (const spec of imports(f)) {
        const resolved = spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(f), spec)) : spec;
        const ok =
          resolved.startsWith(path.join('src', 'webview')) ||
          resolved.startsWith(path.join('src', 'shared')) ||
          ['markdown-it', 'dompurify', '@vscode/l10n'].includes(spec);
        assert.ok(ok, `${path.relative(root, f)} imports ${spec}`);
      }
    }
  });

  it('the shared protocol imports nothing', () => {
    assert.deepEqual(imports(path.join(root, 'src', 'shared', 'detailsProtocol.ts')), []);
  });

  it('the data and view-model parts of the host side do not import vscode (they run in plain Node)', () => {
    for (const name of ['load.ts', 'viewModel.ts', 'html.ts', 'linkPolicy.ts', 'targets.ts']) {
      assert.ok(!imports(path.join(root, 'src', 'details', name)).includes('vscode'), name);
    }
  });
});

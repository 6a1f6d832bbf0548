// The layering walls of design.md as ESLint rules, so they fail a build instead of living in memory.
//   architecture/walls             what each folder of src/ may import (vscode, other folders, packages)
//   architecture/no-folder-cycles  no folder of src/ imports a folder that imports it back, however far round
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinModules } from 'node:module';

const srcRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'src');

const isNodeBuiltin = (spec) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);

/** Folders that render VS Code UI; plain-Node code never imports them. */
const UI = ['tree', 'commands', 'details', 'status', 'forecast', 'descriptions', 'language/client', 'services', 'ui', 'logging'];

/**
 * Each wall: which files it covers (folders relative to src/, a folder covers its subfolders),
 * and what they must not import, as project folders or package names. `only` lists the only
 * project folders and packages allowed.
 */
export const WALLS = [
  {
    folders: ['registry'],
    why: 'src/registry/ is the plain-Node REST client the language server and plain-mocha tests use: it imports no vscode, no UI, no connection code (settings feed the client, never the reverse)',
    deniedPackages: ['vscode'],
    deniedFolders: [...UI, 'connection', 'localServer', 'webview', 'language'],
  },
  {
    folders: ['lifecycle'],
    why: 'src/lifecycle/ holds the registry actions and their undo in plain Node (integration tests run them): no vscode, no UI',
    deniedPackages: ['vscode'],
    deniedFolders: [...UI, 'connection', 'localServer', 'webview', 'language'],
  },
  {
    folders: ['connection', 'localServer'],
    why: 'connection/ and localServer/ run in plain Node (tests, the language server): no vscode, no UI',
    deniedPackages: ['vscode'],
    deniedFolders: [...UI, 'webview', 'language'],
  },
  {
    folders: ['shared'],
    why: 'src/shared/ holds protocol types shared by host, webviews and language server: it imports nothing of the project and no vscode',
    deniedPackages: ['vscode'],
    onlyFolders: ['shared'],
  },
  {
    folders: ['webview'],
    why: 'webview code runs in the browser and gets its data by messages: it imports only src/shared/ and its own folder, never vscode, Node or the registry',
    deniedPackages: ['vscode'],
    denyNodeBuiltins: true,
    onlyFolders: ['webview', 'shared'],
  },
  {
    folders: ['language/server'],
    why: 'the language server is its own Node process: it imports no vscode and no UI code',
    deniedPackages: ['vscode'],
    deniedFolders: [...UI, 'webview'],
  },
  {
    folders: ['tree', 'details', 'forecast', 'status', 'descriptions'],
    why: 'tree nodes and panels do not call command code (commands act on them): what both need lives in ui/ or services/',
    deniedFolders: ['commands'],
  },
];

/** The folder of src/ a file or import target belongs to ('.' for src/ itself), or undefined outside src/. */
export function folderOf(absFile) {
  const rel = path.relative(srcRoot, absFile);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const dir = path.dirname(rel);
  return dir === '' ? '.' : dir.split(path.sep).join('/');
}

/** Where a relative import points: the file (or folder index) it names. */
export function resolveImport(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const candidate of [`${base}.ts`, `${base}.d.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return `${base}.ts`;
}

const within = (folder, prefixes) => prefixes.some((p) => folder === p || folder.startsWith(`${p}/`));

const IMPORT_RE =
  /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mts|cts)$/.test(e.name) ? [p] : [];
  });
}

/** Folder -> folders it imports (with one file that does, for the message), from every file under src/. */
export function folderGraph(root = srcRoot) {
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const from = folderOf(file);
    if (!from) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (!spec.startsWith('.')) continue;
      const to = folderOf(resolveImport(file, spec));
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from).has(to)) graph.get(from).set(to, path.relative(root, file).split(path.sep).join('/'));
    }
  }
  return graph;
}

/** A path of folders from `start` to `goal` in the graph, or undefined. */
export function findPath(graph, start, goal) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length) {
    const at = queue.shift();
    if (at === goal) {
      const route = [];
      for (let n = goal; n !== undefined; n = previous.get(n)) route.unshift(n);
      return route;
    }
    for (const next of graph.get(at)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
    }
  }
  return undefined;
}

let cachedGraph;
let cachedAt = 0;
function currentGraph() {
  // One lint run reads the tree once; an editor session re-reads it when it is older than a few seconds.
  if (!cachedGraph || Date.now() - cachedAt > 5000) {
    cachedGraph = folderGraph();
    cachedAt = Date.now();
  }
  return cachedGraph;
}

/** Calls `check(node, spec)` for every import, export-from, require() and import() of a file. */
function visitImports(check) {
  const literal = (node, source) => {
    if (source?.type === 'Literal' && typeof source.value === 'string') check(node, source.value);
  };
  return {
    ImportDeclaration: (node) => literal(node, node.source),
    ExportNamedDeclaration: (node) => literal(node, node.source),
    ExportAllDeclaration: (node) => literal(node, node.source),
    ImportExpression: (node) => literal(node, node.source),
    TSImportEqualsDeclaration: (node) => literal(node, node.moduleReference?.expression),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') literal(node, node.arguments[0]);
    },
  };
}

const walls = {
  meta: {
    type: 'problem',
    docs: { description: 'What each folder of src/ may import (design.md, "Layers")' },
    schema: [],
    messages: { wall: "{{folder}}/ must not import '{{spec}}': {{why}}." },
  },
  create(context) {
    const file = context.filename;
    const folder = folderOf(file);
    if (!folder) return {};
    const rules = WALLS.filter((w) => within(folder, w.folders));
    if (!rules.length) return {};
    return visitImports((node, spec) => {
      const relative = spec.startsWith('.');
      const target = relative ? folderOf(resolveImport(file, spec)) : undefined;
      for (const w of rules) {
        let broken = false;
        if (!relative) {
          const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
          broken = (w.deniedPackages ?? []).includes(pkg) || (w.denyNodeBuiltins === true && isNodeBuiltin(spec));
        } else if (target === undefined) {
          broken = Boolean(w.onlyFolders); // outside src/ altogether
        } else if (target !== folder) {
          broken = within(target, w.deniedFolders ?? []) || (w.onlyFolders !== undefined && !within(target, w.onlyFolders));
        }
        if (broken) {
          context.report({ node, messageId: 'wall', data: { folder: `src/${folder}`, spec, why: w.why } });
          return;
        }
      }
    });
  },
};

const noFolderCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'No folder of src/ imports a folder that imports it back (directly or through others)' },
    schema: [],
    messages: {
      cycle:
        'src/{{from}}/ imports src/{{to}}/, which imports src/{{from}}/ back ({{route}}): move what both need into a folder below them (ui/, services/, shared/).',
    },
  },
  create(context) {
    const file = context.filename;
    const from = folderOf(file);
    if (!from) return {};
    return visitImports((node, spec) => {
      if (!spec.startsWith('.')) return;
      const to = folderOf(resolveImport(file, spec));
      if (!to || to === from) return;
      const graph = currentGraph();
      const back = findPath(graph, to, from);
      if (!back) return;
      const route = back.map((f, i) => (i + 1 < back.length ? `${f} (${graph.get(f).get(back[i + 1])})` : f)).join(' -> ');
      context.report({ node, messageId: 'cycle', data: { from, to, route } });
    });
  },
};

export default { meta: { name: 'architecture' }, rules: { walls, 'no-folder-cycles': noFolderCycles } };

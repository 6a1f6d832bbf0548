import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.join(__dirname, '..', '..', '..', '..');

/**
 * The project's own ESLint config, run on probe files that break (or keep) a wall of
 * design.md. Only the architecture rules run, without type information: the probes are not
 * files of the TypeScript project.
 */
async function wallErrors(file: string, text: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false, project: null } } }],
    ruleFilter: ({ ruleId }) => ruleId.startsWith('architecture/'),
  });
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('lint: the walls of design.md fail the build', function () {
  this.timeout(60_000);

  const broken: [string, string, string, RegExp][] = [
    [
      'src/registry/ imports vscode',
      'src/registry/probe.ts',
      "import * as vscode from 'vscode';\nexport const v = vscode;\n",
      /src\/registry\/ must not import 'vscode'/,
    ],
    [
      'src/registry/ imports the tree',
      'src/registry/probe.ts',
      "export { renderNode } from '../tree/render';\n",
      /must not import '\.\.\/tree\/render'/,
    ],
    [
      'src/registry/ imports connection code',
      'src/registry/probe.ts',
      "import type { ResolvedConnection } from '../connection';\nexport type R = ResolvedConnection;\n",
      /must not import '\.\.\/connection'/,
    ],
    [
      'src/connection/ requires vscode',
      'src/connection/probe.ts',
      "const vscode = require('vscode');\nexport default vscode;\n",
      /src\/connection\/ must not import 'vscode'/,
    ],
    [
      'src/localServer/ imports vscode lazily',
      'src/localServer/probe.ts',
      "export const load = () => import('vscode');\n",
      /src\/localServer\/ must not import 'vscode'/,
    ],
    [
      'src/shared/ imports registry types',
      'src/shared/probe.ts',
      "import type { Stage } from '../registry/types';\nexport type S = Stage;\n",
      /src\/shared\/ must not import/,
    ],
    [
      'a webview imports the registry',
      'src/webview/details/probe.ts',
      "import type { Stage } from '../../registry/types';\nexport type S = Stage;\n",
      /src\/webview\/details\/ must not import/,
    ],
    [
      'a webview imports Node',
      'src/webview/details/probe.ts',
      "import * as fs from 'node:fs';\nexport const f = fs;\n",
      /must not import 'node:fs'/,
    ],
    [
      'the language server imports the tree',
      'src/language/server/probe.ts',
      "import { renderNode } from '../../tree/render';\nexport const r = renderNode;\n",
      /src\/language\/server\/ must not import/,
    ],
    [
      'a panel calls command code',
      'src/details/probe.ts',
      "import { registerCommands } from '../commands/runCommand';\nexport const r = registerCommands;\n",
      /tree nodes and panels do not call command code/,
    ],
    [
      'a folder imports a folder that imports it back',
      'src/ui/probe.ts',
      "import { ConnectCommand } from '../commands/connect';\nexport const c = ConnectCommand;\n",
      /src\/ui\/ imports src\/commands\/, which imports src\/ui\/ back/,
    ],
  ];
  for (const [what, file, text, expected] of broken) {
    it(`fails when ${what}`, async () => {
      const errors = await wallErrors(file, text);
      assert.ok(
        errors.some((e) => expected.test(e)),
        `expected ${expected} in:\n${errors.join('\n') || '(no errors)'}`,
      );
    });
  }

  const allowed: [string, string, string][] = [
    [
      'src/registry/ imports its own files and Node',
      'src/registry/probe.ts',
      "import * as crypto from 'node:crypto';\nimport type { Stage } from './types';\nexport type S = Stage;\nexport const c = crypto;\n",
    ],
    [
      'a webview imports the shared protocol',
      'src/webview/details/probe.ts',
      "import type { DetailsView } from '../../shared/detailsProtocol';\nexport type V = DetailsView;\n",
    ],
    [
      'a command imports the tree and the registry',
      'src/commands/probe.ts',
      "import { renderNode } from '../tree/render';\nimport type { Stage } from '../registry/types';\nexport type S = Stage;\nexport const r = renderNode;\n",
    ],
  ];
  for (const [what, file, text] of allowed) {
    it(`passes when ${what}`, async () => {
      assert.deepEqual(await wallErrors(file, text), []);
    });
  }
});

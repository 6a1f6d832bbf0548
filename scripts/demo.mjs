// `npm run demo`: installs what is missing, then starts a real, seeded MLflow server and
// VS Code (code-server) with the extension connected to it.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { root, setupAll, SetupError } from './lib/setup.mjs';
import { ensureVsCode, packageVsixes } from './vscode/setup.mjs';

try {
  setupAll({ python: true });
  ensureVsCode();
  packageVsixes();
} catch (e) {
  if (e instanceof SetupError) {
    process.stderr.write(`\n${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
const child = spawn(process.execPath, [path.join(root, 'out', 'scripts', 'testbed', 'demoServer.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
// Ctrl-C reaches both processes (same terminal group); the server script stops its server.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

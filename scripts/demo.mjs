// `npm run demo`: installs what is missing, then starts a real, seeded MLflow server and
// VS Code (code-server) with the extension connected to it.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { root } from './lib/setup.mjs';
import { prepareOrExit } from './vscode/setup.mjs';

prepareOrExit({ python: true, vscode: true });
const child = spawn(process.execPath, [path.join(root, 'out', 'scripts', 'testbed', 'demoServer.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// Ctrl-C reaches both processes (same terminal group); the server script stops its server.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

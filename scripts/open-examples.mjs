// Serves VS Code (code-server) on 127.0.0.1 with examples/ open and Course Review loaded from this
// folder, and prints where to look. Stops with Ctrl+C.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, workbenchUrl } from '../test/vscode/code-server.mjs';
import { defaultCodeServerPath } from '../test/vscode/ui-screenshot.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const portArgument = process.argv.indexOf('--port');
const port = portArgument === -1 ? 8080 : Number(process.argv[portArgument + 1]);
const state = mkdtempSync(join(tmpdir(), 'course-review-demo-'));

const server = await startCodeServer({
  codeServerPath: defaultCodeServerPath(root),
  userDataDir: join(state, 'user-data'),
  extensionsDir: join(state, 'extensions'),
  port,
});
const url = workbenchUrl({ origin: server.origin, folder: join(root, 'examples'), extensionDevelopmentPath: root });

console.log(`
Course Review is running in VS Code: open this address in a browser
(on a remote machine, forward port ${server.port} first, e.g. ssh -L ${server.port}:127.0.0.1:${server.port} …):

  ${url}

Where to look:
  - Open customer-service/01-greeting-callers.md: findings are underlined, and listed in the
    Problems panel (Ctrl+Shift+M), each with a link to its rule page.
  - Put the cursor on "Understand" (line 6) and press Ctrl+. for quick fixes.
  - F1 → "Course Review: Lint Workspace" checks every lesson, open or not.
  - The status bar shows the open lesson's counts; .coursereview.json holds the team's rules.

Press Ctrl+C to stop.`);

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// The web suite: the extension's browser bundle and test/web in code-server's web worker extension
// host (--extensionDevelopmentKind=web), on a copy of the sample course (examples/). Before the
// workbench opens, the CLI writes what it finds (.cli-findings.json, .cli-queue.json) into the
// copy; the suite compares the browser's findings and queue with them. Afterwards, the CLI must
// see the sign-off the suite made in the browser as fresh: the browser's pure-JavaScript
// fingerprint and Node's are the same.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopAll } from './code-server.mjs';
import { captureScreenshot } from './ui-screenshot.mjs';

function cli(repoRoot, workspace, args) {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args, '--format', 'json'], {
    cwd: workspace,
    encoding: 'utf8',
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`course-review ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

export async function webSuite({ repoRoot, tmp, runExtensionTests, say, skipUi = false }) {
  const workspace = path.join(tmp, 'web', 'sample-course');
  fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, '.cli-findings.json'), cli(repoRoot, workspace, ['lint', '.']));
  fs.writeFileSync(path.join(workspace, '.cli-queue.json'), cli(repoRoot, workspace, ['queue']));
  const suite = await runExtensionTests({
    label: 'web suite (web worker extension host)',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'dist', 'test', 'web', 'index.js'),
    workspace,
    userDataDir: path.join(tmp, 'web', 'user-data'),
    extensionsDir: path.join(tmp, 'web', 'extensions'),
    resultFile: path.join(tmp, 'web', 'mocha-result.json'),
    disableExtensions: true,
    extensionDevelopmentKind: 'web',
  });
  const queue = JSON.parse(cli(repoRoot, workspace, ['queue']));
  const signed = fs.readFileSync(path.join(workspace, 'customer-service', '03-closing-calls.md'), 'utf8');
  const fresh =
    /reviewer: Sam Okafor/.test(signed) && !queue.some((item) => item.file.endsWith('03-closing-calls.md') && item.role === 'sme');
  say(`${fresh ? 'PASS' : 'FAIL'} the CLI sees the sign-off made in the browser as ${fresh ? 'fresh' : 'missing or stale'}`);
  const shown = skipUi ? undefined : await browserScreenshot({ repoRoot, tmp, say });
  const passed = suite.passed + (fresh ? 1 : 0) + (shown === true ? 1 : 0);
  return { passed, failed: suite.failed + (fresh ? 0 : 1) + (shown === false ? 1 : 0) };
}

/**
 * A lesson of the sample course open in the workbench with the extension in the web worker
 * extension host, its findings in the Problems panel: media/screenshot-browser.png.
 */
async function browserScreenshot({ repoRoot, tmp, say }) {
  const workspace = path.join(tmp, 'web-ui', 'sample-course');
  fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  try {
    const { result } = await captureScreenshot(
      {
        repoRoot,
        workspace,
        outFile: path.join(repoRoot, 'media', 'screenshot-browser.png'),
        extensionDevelopmentKind: 'web',
        settings: { 'remote.extensionKind': { [`${manifest.publisher}.${manifest.name}`]: ['web'] } },
      },
      async (h) => {
        await h.openFile('customer-service/02-de-escalation.md');
        await h.openProblems();
        const problem = await h.waitForProblem('course-review', 60_000);
        await h.clearNotifications();
        return problem;
      },
    );
    say(`PASS the browser bundle's findings in the workbench: ${result.split(' | ')[0]}`);
    return true;
  } catch (error) {
    say(`FAIL the browser bundle's findings in the workbench: ${error?.message ?? error}`);
    await stopAll();
    return false;
  }
}

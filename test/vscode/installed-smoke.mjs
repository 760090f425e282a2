// The installed-VSIX smoke phase of `npm run test:vscode`: packages the extension as it ships
// (`npm run package`, in a staging copy: see vsix.mjs), installs the VSIX with
// `--install-extension` into a fresh extensions dir, and runs the smoke suite
// (test/smoke, bundled to dist/test/smoke) in a window whose extensionDevelopmentPath is a runner
// extension holding only a package.json, so that the only Course Review there is the installed
// copy. A file the package lacks (left out of .vscodeignore's allow-list) fails a test.

import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_ID, installVsix, megabytes, packageVsix, writeRunnerExtension, writeUserSettings } from './vsix.mjs';

/**
 * @param {object} opts
 * @param {string} opts.repoRoot
 * @param {string} opts.tmp              the run's temp folder; the phase works in <tmp>/installed
 * @param {string} opts.fixtureWorkspace copied to <tmp>/installed/<name> and opened
 * @param {(suite: object) => Promise<{passed:number, failed:number}>} opts.runExtensionTests
 *        run-tests.mjs's runner: runs a mocha suite in VS Code and counts its tests
 * @param {(msg: string) => void} opts.say
 * @returns {Promise<{passed:number, failed:number}>}
 */
export async function installedSmoke({ repoRoot, tmp, fixtureWorkspace, runExtensionTests, say }) {
  const root = path.join(tmp, 'installed');
  const extensionTestsPath = path.join(repoRoot, 'dist', 'test', 'smoke', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    say(`FAIL installed VSIX: ${extensionTestsPath} does not exist. Run \`npm run build\` first.`);
    return { passed: 0, failed: 1 };
  }
  const extensionsDir = path.join(root, 'extensions');
  const userDataDir = path.join(root, 'user-data');
  let vsix;
  try {
    vsix = packageVsix({ repoRoot, tmp: root });
    say(
      `installed VSIX: npm run package made ${path.basename(vsix.vsix)}, ${vsix.bytes} bytes (${megabytes(vsix.bytes)} MB), ` +
        `${vsix.files.length} entries, in ${vsix.seconds.toFixed(1)} s`,
    );
    writeUserSettings(userDataDir);
    const installed = installVsix({ vsix: vsix.vsix, extensionsDir, userDataDir, id: EXTENSION_ID });
    say(`installed VSIX: --install-extension put it in ${installed.extensionPath} in ${installed.seconds.toFixed(1)} s`);
  } catch (err) {
    say(`FAIL installed VSIX: ${err?.message ?? err}`);
    return { passed: 0, failed: 1 };
  }

  const runner = writeRunnerExtension(path.join(root, 'runner'));
  const workspace = path.join(root, path.basename(fixtureWorkspace));
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  return runExtensionTests({
    label: 'installed VSIX smoke suite',
    extensionDevelopmentPath: runner,
    extensionTestsPath,
    workspace,
    userDataDir,
    extensionsDir,
    resultFile: path.join(root, 'mocha-result.json'),
    env: {
      COURSE_REVIEW_SMOKE_EXTENSIONS_DIR: extensionsDir,
      COURSE_REVIEW_SMOKE_REPO: repoRoot,
    },
  });
}

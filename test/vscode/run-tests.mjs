#!/usr/bin/env node
// `npm run test:vscode` (after the build): runs the integration suite in VS Code through
// @vscode/test-electron, then the web suite in the web worker extension host (web-suite.mjs), the
// smoke suite against the VSIX installed with --install-extension (installed-smoke.mjs), then the exported health report in Chromium
// (report-html.mjs), the UI
// screenshot test and the personas' journeys, and prints `N passed, M failed`.
//
// VS Code executable: test/vscode/code-server-electron.mjs (code-server + headless
// Chromium), or a desktop VS Code named by COURSE_REVIEW_VSCODE_EXECUTABLE.
//
// Environment (all optional):
//   COURSE_REVIEW_VSCODE_EXECUTABLE   desktop VS Code executable to use instead of code-server
//   COURSE_REVIEW_EXTENSION_PATH      extension folder (default: repo root)
//   COURSE_REVIEW_TESTS_PATH          extensionTestsPath (default: <repo>/dist/test/integration/index.js)
//   COURSE_REVIEW_FIXTURE_WORKSPACE   workspace to copy and open (default: <repo>/test/fixtures/workspace)
//   COURSE_REVIEW_SCREENSHOT_PATH     UI test screenshot (default: <repo>/media/screenshot-problems.png;
//                                     screenshot-codelens.png and screenshot-queue.png go next to it)
//   COURSE_REVIEW_UI_LESSON           lesson the UI test opens (default: course/01-intro.md)
//   COURSE_REVIEW_SKIP_INTEGRATION=1  skip the integration suite
//   COURSE_REVIEW_SKIP_UI=1           skip the browser phases (report, UI test, journeys)
//   COURSE_REVIEW_SKIP_INSTALLED=1    skip packaging the VSIX and the smoke suite against it
//   COURSE_REVIEW_SKIP_WEB=1          skip the web suite (the browser bundle in the web worker extension host)
//   COURSE_REVIEW_VSCODE_TIMEOUT_MS   per-phase time limit (default 300000)
//   COURSE_REVIEW_KEEP_TMP=1          keep the temp folder (it is always kept when something fails)
// The extension host sees COURSE_REVIEW_TEST_WORKSPACE (the temp copy of the workspace
// that is open) and COURSE_REVIEW_MOCHA_RESULT_FILE.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import testElectron from '@vscode/test-electron';
import { stopAll } from './code-server.mjs';
import { captureProblemsScreenshot } from './ui-screenshot.mjs';
import { runJourneys } from './ui-journeys.mjs';
import { checkReportHtml } from './report-html.mjs';
import { installedSmoke } from './installed-smoke.mjs';
import { webSuite } from './web-suite.mjs';

const { runTests } = testElectron;
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const env = process.env;

const extensionDevelopmentPath = path.resolve(env.COURSE_REVIEW_EXTENSION_PATH || repoRoot);
const extensionTestsPath = path.resolve(env.COURSE_REVIEW_TESTS_PATH || path.join(repoRoot, 'dist', 'test', 'integration', 'index.js'));
const fixtureWorkspace = path.resolve(env.COURSE_REVIEW_FIXTURE_WORKSPACE || path.join(repoRoot, 'test', 'fixtures', 'workspace'));
const screenshotPath = path.resolve(env.COURSE_REVIEW_SCREENSHOT_PATH || path.join(repoRoot, 'media', 'screenshot-problems.png'));
const lesson = env.COURSE_REVIEW_UI_LESSON || 'course/01-intro.md';
const vscodeExecutablePath = env.COURSE_REVIEW_VSCODE_EXECUTABLE
  ? path.resolve(env.COURSE_REVIEW_VSCODE_EXECUTABLE)
  : path.join(here, 'code-server-electron.mjs');
const timeoutMs = Number(env.COURSE_REVIEW_VSCODE_TIMEOUT_MS) || 300_000;

const say = (msg) => console.log(`[test:vscode] ${msg}`);

const RESULT_RE = /__MOCHA_RESULT__ (\{.*\})/;

function parseResult(text) {
  try {
    const r = JSON.parse(text);
    if (Number.isInteger(r.passed) && Number.isInteger(r.failed)) return r;
  } catch {
    /* not a result */
  }
  return undefined;
}

/** Run fn while teeing process.stdout; returns the last __MOCHA_RESULT__ seen in it. */
async function withStdoutResult(fn) {
  const original = process.stdout.write;
  let pending = '';
  let result;
  const scan = (chunk, encoding) => {
    pending += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    if (pending.length > 1 << 20) pending = pending.slice(-(1 << 16));
    for (const line of lines) {
      const m = RESULT_RE.exec(line);
      if (m) result = parseResult(m[1]) ?? result;
    }
    void encoding;
  };
  process.stdout.write = function write(chunk, ...rest) {
    try {
      scan(chunk, rest[0]);
    } catch {
      /* never break output */
    }
    return original.call(process.stdout, chunk, ...rest);
  };
  try {
    const value = await fn();
    return { value, result: result ?? (RESULT_RE.test(pending) ? parseResult(RESULT_RE.exec(pending)[1]) : undefined) };
  } catch (error) {
    return { error, result };
  } finally {
    process.stdout.write = original;
  }
}

async function integrationSuite(tmp) {
  if (!fs.existsSync(extensionTestsPath)) {
    say(`FAIL integration: ${extensionTestsPath} does not exist. Run \`npm run build\` first.`);
    return { passed: 0, failed: 1 };
  }
  // Same folder name as the fixture: it shows in the window title.
  const workspace = path.join(tmp, 'integration', path.basename(fixtureWorkspace));
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  say(`workspace (copy of ${fixtureWorkspace}): ${workspace}`);
  return runExtensionTests({
    label: 'integration suite',
    extensionDevelopmentPath,
    extensionTestsPath,
    workspace,
    userDataDir: path.join(tmp, 'user-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    resultFile: path.join(tmp, 'mocha-result.json'),
    disableExtensions: true,
  });
}

/**
 * Runs a mocha suite (an extensionTestsPath printing `__MOCHA_RESULT__`) in VS Code through
 * @vscode/test-electron and counts its tests; a suite that reports nothing counts as one failure.
 */
async function runExtensionTests({
  label,
  extensionDevelopmentPath: developmentPath,
  extensionTestsPath: testsPath,
  workspace,
  userDataDir,
  extensionsDir,
  resultFile,
  env: testEnv = {},
  disableExtensions = false,
  extensionDevelopmentKind,
}) {
  if (!fs.existsSync(vscodeExecutablePath)) {
    say(`FAIL ${label}: VS Code executable ${vscodeExecutablePath} does not exist.`);
    return { passed: 0, failed: 1 };
  }
  say(`${label}: ${testsPath}`);
  say(`VS Code: ${vscodeExecutablePath}`);
  const started = Date.now();
  const { error, result: fromStdout } = await withStdoutResult(() =>
    runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: developmentPath,
      extensionTestsPath: testsPath,
      launchArgs: [
        workspace,
        ...(disableExtensions ? ['--disable-extensions'] : []),
        ...(extensionDevelopmentKind ? [`--extensionDevelopmentKind=${extensionDevelopmentKind}`] : []),
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${extensionsDir}`,
      ],
      extensionTestsEnv: {
        ...testEnv,
        COURSE_REVIEW_TEST_WORKSPACE: workspace,
        COURSE_REVIEW_MOCHA_RESULT_FILE: resultFile,
        COURSE_REVIEW_VSCODE_TIMEOUT_MS: String(timeoutMs),
      },
    }),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  let result;
  try {
    result = parseResult(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    /* no file */
  }
  result ??= fromStdout;

  if (!result) {
    say(`FAIL ${label}: the suite reported no result after ${seconds} s` + (error ? ` (${error.message})` : '') + '.');
    return { passed: 0, failed: 1 };
  }
  let { passed, failed } = result;
  if (result.error) say(`${label} error: ${result.error.split('\n')[0]}`);
  if (error && failed === 0) {
    say(`FAIL ${label}: VS Code exited with an error although no test failed (${error.message}).`);
    failed = 1;
  } else if (!error && failed > 0) {
    say('warning: tests failed but VS Code exited with code 0.');
  }
  say(`${label}: ${passed} passed, ${failed} failed in ${seconds} s`);
  return { passed, failed };
}

async function uiTest(tmp) {
  // A fresh copy, so edits made by the integration tests cannot change the screenshot.
  const workspace = path.join(tmp, 'ui', path.basename(fixtureWorkspace));
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  say(`UI test: Problems panel screenshot of ${lesson} -> ${screenshotPath}`);
  const started = Date.now();
  let timer;
  try {
    const run = captureProblemsScreenshot({
      repoRoot,
      extensionDevelopmentPath,
      workspace,
      lessonRelativePath: lesson,
      outFile: screenshotPath,
    });
    run.catch(() => {});
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    const { problem, queue } = await Promise.race([run, timeout]);
    say(`PASS UI test in ${((Date.now() - started) / 1000).toFixed(1)} s: ${problem.split(' | ')[0]}`);
    if (queue) say(`UI test: the Course Review view showed ${queue.rows.length} rows -> ${queue.outFile}`);
    return { passed: 1, failed: 0 };
  } catch (err) {
    say(`FAIL UI test: ${err?.message ?? err}`);
    await stopAll();
    return { passed: 0, failed: 1 };
  } finally {
    clearTimeout(timer);
  }
}

/** The exported course health report, opened from disk in Chromium: charts, tables, links, axe-core. */
async function reportHtmlTest(tmp) {
  const workspace = path.join(tmp, 'report', path.basename(fixtureWorkspace));
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  const started = Date.now();
  try {
    const { checks } = await checkReportHtml({ repoRoot, workspace, outDir: path.join(tmp, 'report', 'out'), today: '2026-12-04' });
    say(`PASS report in Chromium in ${((Date.now() - started) / 1000).toFixed(1)} s: ${checks.length} checks, the last: ${checks.at(-1)}`);
    return { passed: 1, failed: 0 };
  } catch (err) {
    say(`FAIL report in Chromium: ${err?.message ?? err}`);
    return { passed: 0, failed: 1 };
  }
}

/** Each persona's journey in a fresh workbench; screenshots next to the README's. */
async function journeysTest(tmp) {
  const workspace = path.join(tmp, 'journeys', path.basename(fixtureWorkspace));
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  const outDir = path.dirname(screenshotPath);
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const started = Date.now();
  try {
    const results = await runJourneys({ repoRoot, extensionDevelopmentPath, workspace, outDir, today });
    for (const result of results)
      say(
        `${result.passed ? 'PASS' : 'FAIL'} UI journey: ${result.name}${result.passed ? '' : `: ${result.error} (screenshot: ${result.screenshot})`}`,
      );
    say(
      `UI journeys: ${results.filter((result) => result.passed).length} of ${results.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return { passed: results.filter((result) => result.passed).length, failed: results.filter((result) => !result.passed).length };
  } catch (err) {
    say(`FAIL UI journeys: ${err?.message ?? err}`);
    await stopAll();
    return { passed: 0, failed: 1 };
  }
}

async function main() {
  if (!fs.existsSync(fixtureWorkspace)) {
    say(`The fixture workspace ${fixtureWorkspace} does not exist.`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-review-vscode-'));
  let passed = 0;
  let failed = 0;

  if (env.COURSE_REVIEW_SKIP_INTEGRATION) {
    say('integration suite skipped (COURSE_REVIEW_SKIP_INTEGRATION).');
  } else {
    const integration = await integrationSuite(tmp);
    passed += integration.passed;
    failed += integration.failed;
  }

  if (env.COURSE_REVIEW_SKIP_WEB) {
    say('web suite skipped (COURSE_REVIEW_SKIP_WEB).');
  } else {
    const web = await webSuite({ repoRoot, tmp, runExtensionTests, say, skipUi: Boolean(env.COURSE_REVIEW_SKIP_UI) });
    passed += web.passed;
    failed += web.failed;
  }

  if (env.COURSE_REVIEW_SKIP_INSTALLED) {
    say('installed VSIX smoke suite skipped (COURSE_REVIEW_SKIP_INSTALLED).');
  } else {
    const installed = await installedSmoke({ repoRoot, tmp, fixtureWorkspace, runExtensionTests, say });
    passed += installed.passed;
    failed += installed.failed;
  }

  if (env.COURSE_REVIEW_SKIP_UI) {
    say('UI test skipped (COURSE_REVIEW_SKIP_UI).');
  } else {
    const onSignal = (code) => () => {
      say('interrupted: stopping code-server and the browser...');
      stopAll().finally(() => {
        try {
          fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
        } catch {
          /* best effort */
        }
        process.exit(code);
      });
    };
    const onInt = onSignal(130);
    const onTerm = onSignal(143);
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    try {
      for (const phase of [reportHtmlTest, uiTest, journeysTest]) {
        const ui = await phase(tmp);
        passed += ui.passed;
        failed += ui.failed;
      }
    } finally {
      process.removeListener('SIGINT', onInt);
      process.removeListener('SIGTERM', onTerm);
    }
  }

  if (failed > 0 || env.COURSE_REVIEW_KEEP_TMP) {
    say(`kept logs and workspaces in ${tmp}`);
  } else {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    console.error(err?.stack ?? err);
    await stopAll().catch(() => {});
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);

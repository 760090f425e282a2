// UI tests: drive the VS Code web workbench (code-server + headless Chromium) like
// a user and take screenshots.
//
//   withWorkbench({ repoRoot, workspace }, async ({ page, runCommand, openFile, ... }) => { ... })
//   captureScreenshot({ repoRoot, workspace, outFile }, async (helpers) => { ...steps... })
//   captureProblemsScreenshot({ repoRoot, workspace, lessonRelativePath, outFile })
//     (also saves screenshot-codelens.png next to outFile: the review CodeLens of review/escalation.md,
//     and screenshot-queue.png: the Course Review view listing the workspace's reviews by role)
//
// The extension under test is loaded through extensionDevelopmentPath only (no tests).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionProblems, openWorkbench, startCodeServer, waitForWorkbench } from './code-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultRepoRoot = path.resolve(here, '..', '..');

export function defaultCodeServerPath(repoRoot = defaultRepoRoot) {
  return process.env.CODE_SERVER_PATH || path.join(repoRoot, '.vscode-test', 'code-server-4.100.3', 'node_modules', '.bin', 'code-server');
}

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_INPUT_ROWS = `${QUICK_INPUT} .monaco-list-row`;

/** Helpers bound to one workbench page. Every wait has a timeout and a clear message. */
export function workbenchHelpers(page, { stepTimeoutMs = 30_000 } = {}) {
  const step = async (what, fn) => {
    try {
      return await fn();
    } catch (err) {
      const first = String(err?.message ?? err).split('\n')[0];
      throw new Error(`UI step failed: ${what}: ${first}`);
    }
  };

  const rowLabels = () => page.$$eval(QUICK_INPUT_ROWS, (rows) => rows.map((r) => r.getAttribute('aria-label') || r.textContent || ''));

  /**
   * Type into the open quick input, wait until `choose(labels)` returns the index (>= 0)
   * of a row, move the selection to that row and press Enter. Returns the row's label.
   */
  async function pickInQuickInput(text, choose, what) {
    const input = page.locator(QUICK_INPUT_BOX);
    await input.waitFor({ state: 'visible', timeout: stepTimeoutMs });
    await input.fill(text);
    const deadline = Date.now() + stepTimeoutMs;
    let labels = [];
    for (;;) {
      labels = await rowLabels();
      const index = choose(labels);
      if (index >= 0) {
        // Move the selection to the matching row, then accept it with Enter.
        const focused = await page.$$eval(QUICK_INPUT_ROWS, (rows) => rows.findIndex((r) => r.classList.contains('focused')));
        const from = focused >= 0 ? focused : 0;
        for (let i = from; i < index; i++) await page.keyboard.press('ArrowDown');
        for (let i = from; i > index; i--) await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Enter');
        return labels[index];
      }
      if (Date.now() > deadline) {
        await page.keyboard.press('Escape').catch(() => {});
        throw new Error(`no entry for ${what} after ${stepTimeoutMs} ms; entries shown: ${JSON.stringify(labels.slice(0, 10))}`);
      }
      await page.waitForTimeout(100);
    }
  }

  /** F1, type the command's title, Enter (on the entry whose label starts with the title). */
  async function runCommand(title) {
    return step(`run command "${title}"`, async () => {
      await page.keyboard.press('F1');
      const wanted = title.toLowerCase();
      // Prefer the exact title; otherwise the first entry starting with it.
      const choose = (labels) => {
        const lower = labels.map((l) => l.toLowerCase());
        const exact = lower.findIndex((l) => l === wanted || l.startsWith(`${wanted},`));
        return exact >= 0 ? exact : lower.findIndex((l) => l.startsWith(wanted));
      };
      await pickInQuickInput(`>${title}`, choose, `command "${title}"`);
    });
  }

  /** Ctrl+P, type the workspace-relative path, Enter; waits for the editor tab. */
  async function openFile(relativePath) {
    const base = path.posix.basename(relativePath.replace(/\\/g, '/'));
    return step(`open file "${relativePath}"`, async () => {
      const dir = path.posix.dirname(relativePath.replace(/\\/g, '/'));
      const choose = (labels) => {
        // Prefer the entry that shows the folder too (several files may share a name).
        const exact = labels.findIndex((l) => l.includes(base) && (dir === '.' || l.includes(dir)));
        return exact >= 0 ? exact : labels.findIndex((l) => l.includes(base));
      };
      await page.keyboard.press('Control+P');
      await pickInQuickInput(relativePath, choose, `file "${relativePath}"`);
      await page.locator(`.tabs-container .tab.active`, { hasText: base }).waitFor({ state: 'visible', timeout: stepTimeoutMs });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: stepTimeoutMs });
      // Best effort: give the grammar a moment to colour the text (nicer screenshots).
      await page.waitForSelector('.editor-instance .view-lines span[class*="mtk"]:not(.mtk1)', { timeout: 5_000 }).catch(() => {});
    });
  }

  /** Ctrl+Shift+M, falling back to the command palette; waits for the Problems panel. */
  async function openProblems() {
    return step('open the Problems panel', async () => {
      const panel = page.locator('.markers-panel');
      await page.keyboard.press('Control+Shift+M');
      try {
        await panel.waitFor({ state: 'visible', timeout: 5_000 });
      } catch {
        await runCommand('View: Focus Problems');
        await panel.waitFor({ state: 'visible', timeout: stepTimeoutMs });
      }
    });
  }

  /** Texts of the rows currently shown in the Problems panel. */
  function problemRows() {
    return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
      rows.map((r) => (r.getAttribute('aria-label') || '') + ' | ' + (r.textContent || '')),
    );
  }

  /** Poll until a Problems row contains `text` (e.g. a diagnostic source). Returns that row's text. */
  async function waitForProblem(text, timeoutMs = stepTimeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let rows = [];
    for (;;) {
      rows = await problemRows().catch(() => []);
      const hit = rows.find((r) => r.includes(text));
      if (hit) return hit;
      if (Date.now() > deadline) {
        throw new Error(
          `UI step failed: the Problems panel showed no item containing "${text}" within ${timeoutMs} ms; ` +
            `rows shown: ${JSON.stringify(rows.slice(0, 10))}`,
        );
      }
      await page.waitForTimeout(250);
    }
  }

  /** Wait until `selector` is visible. */
  async function waitForSelector(selector, { timeoutMs = stepTimeoutMs, what = selector } = {}) {
    return step(`wait for ${what}`, () => page.waitForSelector(selector, { state: 'visible', timeout: timeoutMs }));
  }

  /** Poll until the editor shows a CodeLens containing `text`. Returns every lens title shown. */
  async function waitForCodeLens(text, timeoutMs = stepTimeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let lenses = [];
    for (;;) {
      lenses = await page
        .$$eval('.editor-instance .monaco-editor .codelens-decoration a', (links) => links.map((a) => (a.textContent || '').trim()))
        .catch(() => []);
      if (lenses.some((title) => title.includes(text))) return lenses;
      if (Date.now() > deadline) {
        throw new Error(
          `UI step failed: the editor showed no CodeLens containing "${text}" within ${timeoutMs} ms; ` +
            `lenses shown: ${JSON.stringify(lenses)}`,
        );
      }
      await page.waitForTimeout(250);
    }
  }

  /** Rows of the tree in the side bar's visible view: "label description" each. */
  function sideBarRows() {
    return page.$$eval('.part.sidebar .monaco-list-row', (rows) =>
      rows.map((r) => (r.getAttribute('aria-label') || r.textContent || '').trim()),
    );
  }

  /**
   * Click the activity bar icon whose title starts with `title` (e.g. "Course Review"), then poll
   * until each of `texts` is in a row of the side bar. Returns the rows shown.
   */
  async function openActivityView(title, texts, timeoutMs = stepTimeoutMs) {
    // A click on the icon of the view already shown would hide the side bar.
    const shown = await page
      .locator('.part.sidebar .composite.title')
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => '');
    if (!(shown ?? '').toLowerCase().includes(title.toLowerCase())) {
      await step(`click "${title}" in the activity bar`, () =>
        page.locator(`.part.activitybar .action-item .action-label[aria-label^="${title}"]`).first().click({ timeout: stepTimeoutMs }),
      );
    }
    const deadline = Date.now() + timeoutMs;
    let rows = [];
    for (;;) {
      rows = await sideBarRows().catch(() => []);
      if (texts.every((text) => rows.some((row) => row.includes(text)))) return rows;
      if (Date.now() > deadline) {
        throw new Error(
          `UI step failed: the "${title}" view did not show rows containing ${JSON.stringify(texts)} within ${timeoutMs} ms; ` +
            `rows shown: ${JSON.stringify(rows.slice(0, 10))}`,
        );
      }
      await page.waitForTimeout(250);
    }
  }

  /** Drag the side bar's edge `by` pixels to the right. */
  async function widenSideBar(by) {
    return step('widen the side bar', async () => {
      const box = await page.locator('.part.sidebar').boundingBox();
      if (!box) throw new Error('no side bar');
      const [x, y] = [box.x + box.width, box.y + box.height / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + by, y, { steps: 8 });
      await page.mouse.up();
    });
  }

  /** Close every editor (F1, View: Close All Editors) and wait until no tab is left. */
  async function closeAllEditors() {
    await runCommand('View: Close All Editors');
    await step('close all editors', () =>
      page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: stepTimeoutMs }),
    );
  }

  /** Dismiss notification toasts so they do not cover a screenshot. */
  async function clearNotifications() {
    const toasts = await page.$$('.notifications-toasts .notification-toast');
    if (toasts.length > 0) await runCommand('Notifications: Clear All Notifications').catch(() => {});
  }

  async function screenshot(file) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await page.screenshot({ path: file });
    return file;
  }

  return {
    runCommand,
    openFile,
    openProblems,
    problemRows,
    waitForProblem,
    waitForSelector,
    waitForCodeLens,
    closeAllEditors,
    clearNotifications,
    screenshot,
    pickInQuickInput,
    sideBarRows,
    openActivityView,
    widenSideBar,
  };
}

/**
 * Start code-server with the extension (extensionDevelopmentPath only), open the
 * workbench on `workspace`, wait until it has rendered, run `fn` with the page and
 * helpers, and always clean up (browser, server process group, temp dirs).
 *
 * @param {object} opts
 * @param {string} [opts.repoRoot]                 default: two folders up from this file
 * @param {string} opts.workspace                  folder to open
 * @param {string|string[]} [opts.extensionDevelopmentPath]  default: repoRoot
 * @param {string} [opts.codeServerPath]           default: $CODE_SERVER_PATH or <repo>/.vscode-test/...
 * @param {Record<string,string|undefined>} [opts.env]  code-server (and extension host) environment
 * @param {object} [opts.settings]                 extra user settings
 * @param {number} [opts.startTimeoutMs=60000]
 * @param {number} [opts.stepTimeoutMs=30000]
 * @param {string} [opts.failureScreenshot]        where to save a screenshot if `fn` throws
 * @param {(page:any, helpers:object) => Promise<any>} fn  receives { page, context, server, ...helpers }
 */
export async function withWorkbench(opts, fn) {
  const repoRoot = path.resolve(opts.repoRoot ?? defaultRepoRoot);
  const workspace = path.resolve(opts.workspace);
  const extensionDevelopmentPath = opts.extensionDevelopmentPath ?? repoRoot;
  const codeServerPath = opts.codeServerPath ?? defaultCodeServerPath(repoRoot);
  const startTimeoutMs = opts.startTimeoutMs ?? 60_000;
  const stepTimeoutMs = opts.stepTimeoutMs ?? 30_000;
  if (!fs.existsSync(codeServerPath)) {
    throw new Error(`code-server is not installed (looked for ${codeServerPath}). Run \`npm run setup\`.`);
  }
  if (!fs.existsSync(workspace)) throw new Error(`Workspace folder ${workspace} does not exist.`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-ui-'));
  let server;
  let workbench;
  try {
    server = await startCodeServer({
      codeServerPath,
      userDataDir: path.join(tmp, 'user-data'),
      extensionsDir: path.join(tmp, 'extensions'),
      env: opts.env ?? process.env,
      settings: opts.settings,
      startTimeoutMs,
    });
    workbench = await openWorkbench({
      origin: server.origin,
      folder: workspace,
      extensionDevelopmentPath,
      extensionDevelopmentKind: opts.extensionDevelopmentKind,
      profileDir: path.join(tmp, 'chromium-profile'),
      navigationTimeoutMs: startTimeoutMs,
    });
    const { page, context } = workbench;
    await waitForWorkbench(page, startTimeoutMs);
    const helpers = workbenchHelpers(page, { stepTimeoutMs });
    try {
      return await fn({ page, context, server, ...helpers });
    } catch (err) {
      if (opts.failureScreenshot) {
        try {
          await helpers.screenshot(opts.failureScreenshot);
          err.message += `\n(screenshot of the failure: ${opts.failureScreenshot})`;
        } catch {
          /* the page may be gone */
        }
      }
      throw err;
    }
  } catch (err) {
    if (server) {
      // The temp folder goes away: keep the server log next to the failure screenshot.
      let log = server.logFile;
      if (opts.failureScreenshot) {
        const keep = opts.failureScreenshot.replace(/\.png$/i, '') + '-code-server.log';
        try {
          fs.copyFileSync(server.logFile, keep);
          log = keep;
        } catch {
          /* best effort */
        }
      }
      for (const problem of extensionProblems(server)) err.message += `\nextension problem: ${problem}`;
      err.message += `\n(code-server log: ${log})`;
    }
    throw err;
  } finally {
    if (workbench) await workbench.close().catch(() => {});
    if (server) await server.stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

function failurePath(outFile) {
  return outFile.replace(/\.png$/i, '') + '-failure.png';
}

/**
 * Run `steps` in a fresh workbench, then save a 1400x900 screenshot to `outFile`, then run `after`
 * (which may take screenshots of its own without changing the first one).
 * If a step fails, a screenshot is saved next to it as *-failure.png and the error is rethrown.
 */
export async function captureScreenshot(opts, steps = async () => {}, after = async () => undefined) {
  const outFile = path.resolve(opts.outFile);
  fs.rmSync(failurePath(outFile), { force: true });
  fs.rmSync(failurePath(outFile).replace(/\.png$/, '-code-server.log'), { force: true });
  return withWorkbench({ ...opts, failureScreenshot: failurePath(outFile) }, async (helpers) => {
    const result = await steps(helpers);
    await helpers.page.mouse.move(0, 0);
    await helpers.page.waitForTimeout(300); // let hovers and animations settle
    await helpers.screenshot(outFile);
    return { outFile, result, after: await after(helpers) };
  });
}

/**
 * Open a lesson with a review block like a user (Ctrl+P), wait for its review CodeLens over the
 * front matter, and save a screenshot to `outFile`. Returns the lens titles shown.
 *
 * @param {object} h                         the workbench helpers
 * @param {object} opts
 * @param {string} opts.lessonRelativePath   e.g. 'review/escalation.md'
 * @param {string} opts.outFile              PNG path
 * @param {string} [opts.expect='SME']       text one lens must contain
 */
export async function screenshotCodeLens(h, { lessonRelativePath, outFile, expect = 'SME' }) {
  await h.openFile(lessonRelativePath);
  const lenses = await h.waitForCodeLens(expect);
  await h.clearNotifications();
  await h.page.mouse.move(0, 0);
  await h.page.waitForTimeout(300);
  await h.screenshot(outFile);
  return lenses;
}

/**
 * Open the Course Review view from the activity bar like a user, wait until its tree lists
 * reviews (grouped by role, the default), widen the side bar so the descriptions show, select an
 * item (which opens its lesson), and save a screenshot to `outFile`. Returns the tree rows shown.
 *
 * @param {object} h                      the workbench helpers
 * @param {object} opts
 * @param {string} opts.outFile           PNG path
 * @param {string[]} [opts.expect]       texts rows must contain: by default the role groups, Marketing
 *                                        last (it shows once the trigger check has run)
 * @param {string} [opts.open]            an item to select, which opens its lesson (default: an overdue one)
 */
export async function screenshotQueue(h, { outFile, expect = ['Legal', 'SME', 'Marketing'], open = 'Quoting a delivery date' }) {
  await h.runCommand('View: Hide Panel');
  await h.openActivityView('Course Review', expect);
  if (open) {
    // Selecting an item opens its lesson at the front matter, where the review CodeLens is.
    await h.page.locator('.part.sidebar .monaco-list-row', { hasText: open }).first().click();
    await h.waitForCodeLens('Legal');
  }
  await h.widenSideBar(220);
  await h.clearNotifications();
  await h.page.mouse.move(0, 0);
  await h.page.waitForTimeout(300);
  await h.screenshot(outFile);
  return h.sideBarRows();
}

/**
 * Open the lesson like a user (Ctrl+P), open the Problems panel, wait for an item
 * from source "course-review", and save a screenshot to `outFile`.
 *
 * First, when the workspace has `codeLens.lessonRelativePath` (default review/escalation.md), saves
 * the review CodeLens over that lesson's front matter to `codeLens.outFile` (default
 * screenshot-codelens.png next to `outFile`), then closes it; `codeLens: false` skips this.
 * Last, after the Problems screenshot, saves the Course Review view to `queue.outFile` (default
 * screenshot-queue.png next to `outFile`); `queue: false` skips this. (Reading the workspace for
 * the queue reports the fixture's broken config in Problems, so it comes after that screenshot.)
 *
 * @param {object} opts
 * @param {string} opts.repoRoot
 * @param {string} opts.workspace
 * @param {string} opts.lessonRelativePath  e.g. 'course/01-intro.md'
 * @param {string} opts.outFile             PNG path
 * @param {string} [opts.extensionDevelopmentPath]  default repoRoot
 * @param {number} [opts.problemTimeoutMs=60000]
 * @param {{lessonRelativePath?:string, outFile?:string}|false} [opts.codeLens]
 * @param {{outFile?:string}|false} [opts.queue]
 * @returns {Promise<{outFile:string, problem:string, codeLens?:{outFile:string, lenses:string[]}, queue?:{outFile:string, rows:string[]}}>}
 */
export async function captureProblemsScreenshot(opts) {
  const { lessonRelativePath, problemTimeoutMs = 60_000 } = opts;
  const codeLens =
    opts.codeLens === false
      ? undefined
      : {
          lessonRelativePath: opts.codeLens?.lessonRelativePath ?? 'review/escalation.md',
          outFile: path.resolve(opts.codeLens?.outFile ?? path.join(path.dirname(path.resolve(opts.outFile)), 'screenshot-codelens.png')),
        };
  const withLens = codeLens && fs.existsSync(path.join(opts.workspace, codeLens.lessonRelativePath)) ? codeLens : undefined;
  const queue =
    opts.queue === false
      ? undefined
      : {
          outFile: path.resolve(opts.queue?.outFile ?? path.join(path.dirname(path.resolve(opts.outFile)), 'screenshot-queue.png')),
        };
  const settings = { 'editor.codeLens': true, ...opts.settings };
  const {
    outFile,
    result,
    after: rows,
  } = await captureScreenshot(
    { ...opts, settings },
    async (h) => {
      let lenses;
      if (withLens) {
        lenses = await screenshotCodeLens(h, withLens);
        await h.closeAllEditors();
      }
      await h.openFile(lessonRelativePath);
      // The lesson's review CodeLens appears a moment after the text: wait for it, so that every
      // screenshot shows the same lines.
      if (withLens) await h.waitForCodeLens('SME', 10_000).catch(() => {});
      await h.openProblems();
      const problem = await h.waitForProblem('course-review', problemTimeoutMs);
      await h.clearNotifications();
      return { problem, lenses };
    },
    (h) => (queue ? screenshotQueue(h, queue) : undefined),
  );
  return {
    outFile,
    problem: result.problem,
    ...(withLens && { codeLens: { outFile: withLens.outFile, lenses: result.lenses } }),
    ...(queue && { queue: { outFile: queue.outFile, rows } }),
  };
}

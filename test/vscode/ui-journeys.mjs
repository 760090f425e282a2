// UI journeys: what each persona does in the real workbench (code-server + headless Chromium),
// checked where a user looks (the Problems panel, notifications, the status bar, quick inputs, the
// side bar), with a screenshot of each step's result in `outDir`.
//
//   runJourneys({ repoRoot, extensionDevelopmentPath, workspace, outDir, today })
//     → [{ name, passed, error?, screenshot? }]

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withWorkbench } from './ui-screenshot.mjs';

const STEP_TIMEOUT_MS = 30_000;

/** Polls `read` until `accept(value)` holds; fails naming `what` and the last value seen. */
async function until(page, what, read, accept, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await read().catch((error) => `(unreadable: ${error.message})`);
    if (accept(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`${what}: not seen within ${timeoutMs} ms; last seen: ${JSON.stringify(last)?.slice(0, 600)}`);
    await page.waitForTimeout(200);
  }
}

const tabs = (page) =>
  page.$$eval('.tabs-container .tab', (nodes) => nodes.map((tab) => tab.getAttribute('aria-label') || tab.textContent || ''));
const toasts = (page) => page.$$eval('.notifications-toasts .notification-toast', (nodes) => nodes.map((toast) => toast.textContent || ''));
const statusItems = (page) =>
  page.$$eval('.part.statusbar .statusbar-item', (nodes) =>
    nodes.map((item) => ({
      text: (item.textContent || '').trim(),
      label: item.querySelector('a')?.getAttribute('aria-label') || item.getAttribute('aria-label') || '',
      icons: [...item.querySelectorAll('.codicon')].map(
        (icon) => [...icon.classList].find((name) => name.startsWith('codicon-') && name !== 'codicon') || '',
      ),
    })),
  );

/**
 * Runs one of a queue row's actions from its context menu (the same commands as its inline
 * buttons). The tree re-renders rows as the queue finishes reading the workspace, so a row can go
 * stale under the pointer: try again on a fresh one.
 */
/**
 * Runs a queue row's context-menu action. `acted` says whether it ran: the queue refreshes when a
 * lesson changes, and a refresh closes an open menu as surely as a click on its item does, so a
 * closed menu alone proves nothing.
 */
async function runRowAction(page, rowText, action, acted) {
  let lastError;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await page.locator('.part.sidebar .monaco-list-row', { hasText: rowText }).first().click({ button: 'right', timeout: 5_000 });
      // The menu belongs to the row the tree focused: if the rows moved under the pointer, it is another one.
      const focused = await page.locator('.part.sidebar .monaco-list-row.focused').first().textContent({ timeout: 5_000 });
      if (!focused?.includes(rowText)) throw new Error(`the menu opened on another row: "${focused}"`);
      // The menu ignores a click that comes too soon after it opened (the right button's own
      // release must not pick an item): click until the menu closes, which is when it acted.
      const item = page.locator('.context-view .monaco-menu .action-item', { hasText: action }).first();
      for (let click = 0; click < 5; click++) {
        await item.click({ timeout: 5_000 });
        const closed = await page
          .locator('.context-view .monaco-menu')
          .first()
          .waitFor({ state: 'hidden', timeout: 2_000 })
          .then(
            () => true,
            () => false,
          );
        if (!closed) continue;
        if (await acted()) return;
        throw new Error(`the menu closed but "${action}" did not run (the queue refreshed under it?)`);
      }
      throw new Error(`the menu stayed open after five clicks on "${action}"`);
    } catch (error) {
      lastError = error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
  }
  throw new Error(`could not run "${action}" on the "${rowText}" row: ${String(lastError?.message ?? lastError).split('\n')[0]}`);
}

/** A newcomer opens Get Started: the walkthrough's steps, one done from its own button and checked off. */
async function newcomer(h, { outDir }) {
  const { page } = h;
  await h.closeAllEditors();
  await h.runCommand('Welcome: Open Walkthrough...');
  await h.pickInQuickInput(
    'Course Review',
    (labels) => labels.findIndex((label) => label.includes('Get Started with Course Review')),
    'the Course Review walkthrough',
  );
  const titles = ['Check a lesson as you write', 'Fix a finding', 'Set up your team', 'Ask for a review', 'Follow the review queue'];
  const steps = () =>
    page.$$eval('button.getting-started-step', (nodes) =>
      nodes.map((node) => ({
        id: node.getAttribute('data-step-id') ?? '',
        text: node.textContent ?? '',
        checked: node.getAttribute('aria-checked'),
      })),
    );
  await until(page, "the walkthrough's five steps", steps, (shown) =>
    titles.every((title) => shown.some((step) => step.text.includes(title))),
  );
  const setUp = page.locator('button.getting-started-step', { hasText: 'Set up your team' }).first();
  await setUp.click();
  await page
    .locator('.getting-started-step .button-container .monaco-button, .getting-started-step a', { hasText: 'Create .coursereview.json' })
    .first()
    .click({ timeout: 10_000 });
  await until(
    page,
    'the team configuration open',
    () => tabs(page),
    (labels) => labels.some((label) => label.includes('.coursereview.json')),
  );
  await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).first().click();
  const done = await until(page, 'the step checked off', steps, (shown) =>
    shown.some((step) => step.id.endsWith('createConfig') && step.checked === 'true'),
  );
  if (
    done
      .filter((step) => step.checked === 'true')
      .some((step) => !/createConfig|openLesson|fixFinding|openQueue|requestReview/.test(step.id))
  )
    throw new Error(`unexpected steps: ${JSON.stringify(done)}`);
  await h.clearNotifications();
  await page.mouse.move(0, 0);
  // The step's page beside it is a webview of its own, rendered a moment later.
  await page
    .locator('.getting-started-media iframe, .getting-started-media .webview')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(2_000);
  await h.screenshot(path.join(outDir, 'journey-get-started.png'));
  await h.closeAllEditors();
}

/** A designer fixes a lesson: opens a rule page from the Problems panel, reads the counts, runs Fix All. */
async function designer(h, { outDir }) {
  const { page } = h;
  await h.openFile('course/01-intro.md');
  await h.openProblems();
  await h.waitForProblem('objectives-measurable');
  await page.locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: 'objectives-measurable' }).first().click();
  const open = await until(
    page,
    'the rule page rendered in a preview',
    () => tabs(page),
    (labels) => labels.some((label) => /Preview objectives-measurable/.test(label)),
  );
  if (open.some((label) => /^objectives-measurable\.md/.test(label)))
    throw new Error(`the rule page also opened as an editable file: ${JSON.stringify(open)}`);
  await h.screenshot(path.join(outDir, 'journey-rule-page.png'));
  // Keys typed while the preview (a webview) has focus stay in it: give the focus back to the editor first.
  await page.locator('.tabs-container .tab', { hasText: '01-intro.md' }).first().click();
  await h.closeAllEditors();

  await h.openFile('course/03-prose.md');
  const status = await until(
    page,
    'the findings in the status bar',
    () => statusItems(page),
    (items) => items.some((item) => /in this lesson/.test(item.label)),
  );
  const counts = status.find((item) => /in this lesson/.test(item.label));
  if (!/, and \d+ hints? \(shown in the editor only/.test(counts.label))
    throw new Error(`the status bar should name the hint apart: ${counts.label}`);
  await h.runCommand('Course Review: Fix All');
  await until(
    page,
    'Fix All saying what it changed',
    () => toasts(page),
    (shown) => shown.some((text) => text.includes('2 fixes: utilize → use, in order to → to')),
  );
  await h.screenshot(path.join(outDir, 'journey-fix-all.png'));
  await h.runCommand('Undo');
  await h.clearNotifications();
}

/** A reviewer asks for changes (and sees the state's own icon), then requests a review with a due date. */
async function reviewer(h, { outDir, today, workspace }) {
  const { page } = h;
  await h.openFile('review/refunds.md');
  await h.runCommand('Course Review: Request Changes…');
  await h.pickInQuickInput('Legal', (labels) => labels.findIndex((label) => label.startsWith('Legal')), 'the Legal role');
  const note = page.locator('.quick-input-widget .quick-input-box input');
  await note.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await note.fill('Say "usually" for refund times');
  await page.keyboard.press('Enter');
  const confirmed = await until(
    page,
    'the change request confirmed in the status bar',
    () => statusItems(page),
    (items) => items.some((item) => /Legal changes requested/.test(item.text)),
  );
  const item = confirmed.find((candidate) => /Legal changes requested/.test(candidate.text));
  if (!item.icons.includes('codicon-comment-discussion') || item.icons.includes('codicon-check'))
    throw new Error(`a change request should show its own icon, not a check mark: ${JSON.stringify(item)}`);
  await h.screenshot(path.join(outDir, 'journey-request-changes.png'));

  await h.runCommand('Course Review: Request Review…');
  await h.pickInQuickInput('SME', (labels) => labels.findIndex((label) => label.startsWith('SME')), 'the SME role');
  await h.pickInQuickInput('', (labels) => (labels.length > 0 ? 0 : -1), 'a reviewer');
  const due = page.locator('.quick-input-widget .quick-input-box input');
  await due.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const suggested = await until(
    page,
    'the due date filled in',
    () => due.inputValue(),
    (value) => /^\d{4}-\d{2}-\d{2}$/.test(value),
  );
  if (suggested < today) throw new Error(`the suggested due date ${suggested} is before today ${today}`);
  await due.fill('2020-01-01');
  const message = await until(
    page,
    'the due date refused with an example',
    () => page.locator('.quick-input-widget .quick-input-message').textContent(),
    (text) => /e\.g\. \d{4}-\d{2}-\d{2}/.test(text ?? ''),
  );
  const example = /e\.g\. (\d{4}-\d{2}-\d{2})/.exec(message)[1];
  if (example < today) throw new Error(`the example due date ${example} is before today ${today}: "${message}"`);
  await h.screenshot(path.join(outDir, 'journey-due-date.png'));
  await page.keyboard.press('Escape');
  await h.closeAllEditors();

  // From the queue, on a review assigned to someone else: asked first, the lesson opens, and Undo takes it back.
  const lesson = path.join(workspace, 'queue', 'returns.md');
  const original = fs.readFileSync(lesson, 'utf8');
  await h.openActivityView('Course Review', ['Accepting a return']);
  await runRowAction(page, 'Accepting a return', 'Approve…', () =>
    page
      .locator('.quick-input-widget')
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(
        () => true,
        () => false,
      ),
  );
  const question = await until(
    page,
    'the question before signing for someone else',
    async () =>
      `${await page.locator('.quick-input-widget .quick-input-title').textContent()} | ${await page.locator('.quick-input-widget .quick-input-box input').getAttribute('placeholder')}`,
    (text) => /assigned to Sam Lee/.test(text ?? ''),
  );
  if (!/Approve it as Lee Chan instead\?/.test(question)) throw new Error(`the question should name the signer: ${question}`);
  await h.screenshot(path.join(outDir, 'journey-reassign.png'));
  await h.pickInQuickInput('', (labels) => labels.findIndex((label) => /Approve as Lee Chan/.test(label)), 'Approve as Lee Chan');
  await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await until(
    page,
    'the approval saved',
    async () => fs.readFileSync(lesson, 'utf8'),
    (text) => /status: approved\n\s+reviewer: Lee Chan/.test(text),
  );
  const opened = await tabs(page);
  if (!opened.some((label) => label.startsWith('returns.md'))) throw new Error(`the lesson should be open: ${JSON.stringify(opened)}`);
  await page.locator('.notifications-toasts .notification-toast .monaco-button', { hasText: 'Undo' }).first().click();
  await until(
    page,
    'Undo to restore the lesson on disk',
    async () => fs.readFileSync(lesson, 'utf8'),
    (text) => text === original,
  );
}

/**
 * A reviewer asked to re-approve a lesson that changed since their approval: from the queue's stale
 * item, sees what changed (the diff editor, review block left out), then the lesson's review
 * history with each sign-off judged as `course-review verify` judges it. The lesson lives in a git
 * repository of its own, made here and removed afterwards so the other journeys see the fixture.
 */
async function reviewerSeesChanges(h, { outDir, workspace, repoRoot }) {
  const { page } = h;
  const folder = path.join(workspace, 'signoffs');
  const lesson = path.join(folder, 'escalation.md');
  const people = { sam: ['Sam Author', 'sam@example.com'], priya: ['Priya Patel', 'priya@example.com'] };
  const as = (who) => ({
    ...process.env,
    GIT_AUTHOR_NAME: people[who][0],
    GIT_AUTHOR_EMAIL: people[who][1],
    GIT_COMMITTER_NAME: people[who][0],
    GIT_COMMITTER_EMAIL: people[who][1],
  });
  const git = (who, ...args) => execFileSync('git', args, { cwd: folder, env: as(who), stdio: 'pipe' });
  fs.mkdirSync(folder, { recursive: true });
  try {
    fs.writeFileSync(
      lesson,
      '---\ntitle: Escalating a complaint\n---\n\n# Escalating a complaint\n\nBy the end of this lesson you can pass a complaint to a team lead.\n\nWhen a caller asks for a manager, offer a call back from a team lead within one working day.\n',
    );
    git('sam', 'init', '-q');
    git('sam', 'add', '.');
    git('sam', 'commit', '-q', '-m', 'Draft');
    execFileSync(
      process.execPath,
      [
        path.join(repoRoot, 'dist', 'cli.js'),
        'review',
        'approve',
        '--role',
        'sme',
        '--as',
        'Priya Patel <priya@example.com>',
        'escalation.md',
      ],
      { cwd: folder, stdio: 'pipe' },
    );
    git('priya', 'commit', '-q', '-am', 'SME approval');
    fs.writeFileSync(
      lesson,
      fs.readFileSync(lesson, 'utf8').replace('within one working day.', 'within two hours, and log the complaint in the case system.'),
    );
    git('sam', 'commit', '-q', '-am', 'Promise a faster call back');

    await h.closeAllEditors();
    await h.runCommand('View: Hide Panel');
    await h.openActivityView('Course Review', ['Escalating a complaint'], 60_000);
    await runRowAction(page, 'Escalating a complaint', 'Show Changes Since Approval', () =>
      until(
        page,
        'the diff editor',
        () => tabs(page),
        (labels) => labels.some((label) => label.includes('↔ now')),
        10_000,
      ).then(
        () => true,
        () => false,
      ),
    );
    const label = (await tabs(page)).find((text) => text.includes('↔ now'));
    if (!/^escalation\.md: as SME approved \([0-9a-f]{7}, \d{4}-\d{2}-\d{2}\) ↔ now/.test(label))
      throw new Error(`the diff should say whose approval it compares with: ${label}`);
    const inserted = await until(
      page,
      'the changed line marked in the diff',
      () =>
        page.$$eval('.editor-container .monaco-diff-editor .modified .view-line', (lines) =>
          lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')),
        ),
      (lines) => lines.some((line) => line.includes('within two hours')),
    );
    if (inserted.some((line) => /fingerprint|review:/.test(line)))
      throw new Error(`the review block should be left out of the diff: ${JSON.stringify(inserted)}`);
    await h.clearNotifications();
    await page.mouse.move(0, 0);
    await h.screenshot(path.join(outDir, 'journey-changes-since-approval.png'));
    await h.runCommand('View: Toggle Panel Visibility');

    await h.closeAllEditors();
    await h.openFile('signoffs/escalation.md');
    await h.runCommand('Course Review: Show Review History');
    const rows = await until(
      page,
      'the review history',
      () => page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (nodes) => nodes.map((node) => node.textContent ?? '')),
      (shown) => shown.some((row) => row.includes('SME approved by Priya Patel')),
    );
    const approval = rows.find((row) => row.includes('SME approved by Priya Patel'));
    if (!/accepted · committed by Priya Patel <priya@example\.com>/.test(approval))
      throw new Error(`the approval should be accepted, as committed by its reviewer: ${approval}`);
    await h.screenshot(path.join(outDir, 'journey-review-history.png'));
    await page.keyboard.press('Escape');
    await h.closeAllEditors();
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** A lead reads the queue grouped by due date at the side bar's default width. */
async function lead(h, { outDir }) {
  const { page } = h;
  await h.closeAllEditors();
  await h.openActivityView('Course Review', ['Legal', 'SME']);
  await h.runCommand('Course Review: Group Reviews By…');
  await h.pickInQuickInput('Due date', (labels) => labels.findIndex((label) => label.startsWith('Due date')), 'Due date');
  const rows = await until(
    page,
    'the queue grouped by due date',
    () => h.sideBarRows(),
    (shown) => shown.some((row) => row.startsWith('Overdue')),
  );
  const overdue = rows.find((row) => row.includes('Quoting a delivery date') && row.includes('Legal'));
  if (!overdue || !/overdue \d+ days · legal@example\.com/.test(overdue))
    throw new Error(`an overdue review should say who and how late: ${JSON.stringify(rows)}`);
  await h.screenshot(path.join(outDir, 'journey-queue-by-due-date.png'));
}

/** The webview's document: VS Code nests it in two iframes; the inner one has the report. */
async function reportFrame(page) {
  return until(
    page,
    'the course health report in its webview',
    async () => {
      for (const frame of page.frames()) {
        const title = await frame
          .locator('h1')
          .first()
          .textContent({ timeout: 500 })
          .catch(() => '');
        if (title?.startsWith('Course health')) return frame;
      }
      return undefined;
    },
    (frame) => frame !== undefined,
    60_000,
  );
}

/**
 * A lead asks which modules have no practice or quiz, and which reviews are oldest: reads the
 * Course Outline beside the queue, opens a module's parts, then the health report, and follows
 * its link to the oldest review's lesson.
 */
async function leadOutline(h, { outDir }) {
  const { page } = h;
  await h.closeAllEditors();
  await h.runCommand('View: Hide Panel');
  await h.openActivityView('Course Review', ['Legal']);
  // The queue's pane folds away, so the outline has the side bar.
  await page.locator('.part.sidebar .pane-header', { hasText: 'Review Queue' }).first().click();
  const rows = await until(
    page,
    "the outline's modules",
    () => h.sideBarRows(),
    (shown) => ['Module course', 'Module queue', 'Module review'].every((text) => shown.some((row) => row.startsWith(text))),
    90_000,
  );
  const gaps = rows.filter((row) => row.startsWith('Module ') && /no knowledge check/.test(row));
  if (gaps.length === 0) throw new Error(`a module without a quiz should say so: ${JSON.stringify(rows)}`);
  await page.locator('.part.sidebar .monaco-list-row', { hasText: 'course' }).filter({ hasText: 'pages' }).first().click();
  await until(
    page,
    "the module's parts and pages",
    () => h.sideBarRows(),
    (shown) => shown.some((row) => row.startsWith('Parts')) && shown.some((row) => row.includes('Greeting a caller')),
  );
  await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Parts' }).first().click();
  await until(
    page,
    "each part's coverage",
    () => h.sideBarRows(),
    (shown) => shown.some((row) => row.startsWith('Knowledge check')),
  );
  await h.widenSideBar(260);
  await h.clearNotifications();
  await page.mouse.move(0, 0);
  await h.screenshot(path.join(outDir, 'screenshot-outline.png'));

  await h.runCommand('Course Review: Open Course Health Report');
  const frame = await reportFrame(page);
  const oldest = await frame.locator('#oldest p').first().textContent();
  if (!/^The review waiting longest: .+, \d+ days\.$/.test(oldest ?? ''))
    throw new Error(`the report should name the oldest review: ${oldest}`);
  const charts = await frame.locator('figure svg').count();
  if (charts !== 5) throw new Error(`the report should draw 5 charts, drew ${charts}`);
  await h.clearNotifications();
  await h.screenshot(path.join(outDir, 'screenshot-report.png'));
  const link = frame.locator('#oldest table a').first();
  const linked = (await link.getAttribute('data-path')) ?? '';
  await link.click();
  await until(
    page,
    `the link to open ${linked}`,
    () => tabs(page),
    (labels) => labels.some((label) => label.startsWith(path.basename(linked))),
  );
}

export const JOURNEYS = [
  ['newcomer opens Get Started and sets up the team', newcomer],
  ['designer fixes a lesson', designer],
  ['reviewer asks for changes and requests a review', reviewer],
  ['reviewer sees what changed since their approval, and the review history', reviewerSeesChanges],
  ['lead reads the queue by due date', lead],
  ['lead finds the modules with gaps and the oldest reviews', leadOutline],
];

/** Runs every journey in one workbench; one failing does not stop the others. */
export async function runJourneys({ repoRoot, extensionDevelopmentPath, workspace, outDir, today }) {
  const results = [];
  await withWorkbench(
    {
      repoRoot,
      extensionDevelopmentPath,
      workspace,
      settings: { 'editor.codeLens': true, 'courseReview.reviewer': 'Lee Chan <legal@example.com>' },
      stepTimeoutMs: STEP_TIMEOUT_MS,
    },
    async (h) => {
      for (const [name, journey] of JOURNEYS) {
        try {
          await journey(h, { outDir, today, workspace, repoRoot });
          results.push({ name, passed: true });
        } catch (error) {
          const screenshot = path.join(outDir, `journey-failure-${name.split(' ')[0]}.png`);
          await h.screenshot(screenshot).catch(() => {});
          const shown = await toasts(h.page).catch(() => []);
          const status = await statusItems(h.page)
            .then((items) => items.map((item) => item.text).filter(Boolean))
            .catch(() => []);
          const seen = `; notifications: ${JSON.stringify(shown)}; status bar: ${JSON.stringify(status)}`;
          results.push({ name, passed: false, error: String(error?.message ?? error) + seen, screenshot });
          await h.page.keyboard.press('Escape').catch(() => {});
        }
      }
    },
  );
  return results;
}

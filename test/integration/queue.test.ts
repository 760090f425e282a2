import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { addDays, daysBetween } from '../../src/core/review/dates';
import { lessonFingerprint } from '../../src/core/review/fingerprint';
import type { CourseReviewApi } from '../../src/extension/extension';
import type { QueueNode, ReviewNode } from '../../src/extension/queue/tree';
import { TriggerStore } from '../../src/extension/queue/triggerStore';
import { localToday } from '../../src/extension/review/today';
import { acceptingEveryPrompt, closeAllEditors, closingEveryPrompt, EXTENSION_ID, waitFor, waitForEqual, workspaceUri } from './helpers';

type Row = [path: string, role: string, status: string];

/** Today as the extension reads it, taken again for each test: a run may cross midnight. */
let today = localToday();
const encode = (text: string) => new TextEncoder().encode(text);

function lesson(title: string, review = ''): string {
  return `---\ntitle: ${title}\n${review}---\n\n# ${title}\n\nImagine a caller who needs help. What do you do first?\n`;
}

describe('the review queue in VS Code', function () {
  this.timeout(60000);
  let api: CourseReviewApi;
  beforeEach(() => {
    today = localToday();
  });
  const settings = () => vscode.workspace.getConfiguration('courseReview');
  const provider = () => api.queue.provider;

  function groups(): Array<{ node: QueueNode; item: vscode.TreeItem; children: QueueNode[] }> {
    return provider()
      .getChildren()
      .map((node) => ({ node, item: provider().getTreeItem(node), children: provider().getChildren(node) }));
  }

  function reviews(): ReviewNode[] {
    return groups().flatMap(({ children }) => children.filter((child): child is ReviewNode => child.kind === 'review'));
  }

  /** The reviews of lessons under `folder`, in tree order, as (path, role, status). */
  function rows(folder = 'queue/'): Row[] {
    return reviews()
      .filter((node) => node.item.file.startsWith(folder))
      .map((node) => [node.item.file, node.role, node.item.status]);
  }

  function review(path: string, role: string): ReviewNode | undefined {
    return reviews().find((node) => node.item.file === path && node.role === role);
  }

  /** Polls the tree until the rows under `folder` are `expected`; fails with what it last showed. */
  function waitForRows(expected: Row[], folder = 'queue/', timeoutMs = 15000): Promise<void> {
    return waitForEqual(() => rows(folder), expected, timeoutMs);
  }

  const QUEUE_ROWS: Row[] = [
    ['queue/quoting-delivery.md', 'legal', 'requested'],
    ['queue/promises.md', 'legal', 'missing'],
    ['queue/returns.md', 'sme', 'requested'],
    ['queue/promises.md', 'sme', 'missing'],
    ['queue/quoting-delivery.md', 'sme', 'stale'],
    ['queue/worked-examples.md', 'sme', 'changes-requested'],
    ['queue/promises.md', 'marketing', 'missing'],
  ];

  before(async () => {
    const extension = vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    api = await extension.activate();
    await api.queue.ready();
    await vscode.commands.executeCommand('courseReview.queue.groupBy', 'role');
  });
  afterEach(async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('courseReview.queue.groupBy', 'role');
  });

  it('lists every outstanding review, grouped by role, with a badge and the unreadable lessons apart', async () => {
    await waitForRows(QUEUE_ROWS);
    assert.deepEqual(
      groups().map(({ item }) => [item.label, item.description]),
      [
        ['Legal', String(groups()[0].children.length)],
        ['SME', String(groups()[1].children.length)],
        ['Marketing', String(groups()[2].children.length)],
        ['Unreadable front matter', '1'],
      ],
    );
    const unreadable = groups()[3].children[0];
    assert.equal(unreadable.kind === 'problem' && unreadable.path, 'review/broken-front-matter.md');
    assert.ok(!reviews().some((node) => node.item.file.startsWith('broken-config/')), 'a lesson under an invalid config is skipped');
    assert.ok(!reviews().some((node) => node.item.file === 'queue/signed-off.md'), 'a fresh approval is not outstanding');
    assert.ok(!reviews().some((node) => node.item.file === 'README.md'), 'READMEs are not lessons');

    const count = reviews().length;
    assert.deepEqual(api.queue.view.badge, { value: count, tooltip: `${count} outstanding reviews` });
    assert.equal(api.queue.view.description, 'by role');

    const overdue = provider().getTreeItem(review('queue/quoting-delivery.md', 'legal')!);
    assert.equal(overdue.label, 'Quoting a delivery date');
    assert.equal(overdue.description, `overdue ${daysBetween('2026-01-12', today)} days · legal@example.com`);
    assert.equal(overdue.contextValue, 'reviewItem.requested');
    assert.deepEqual(
      [(overdue.iconPath as vscode.ThemeIcon).id, (overdue.iconPath as vscode.ThemeIcon).color?.id],
      ['warning', 'list.errorForeground'],
    );
    const tooltip = plain(overdue.tooltip as vscode.MarkdownString);
    for (const fact of [
      'Reviewer: legal@example.com',
      'Requested: 2026-01-05',
      'Due: 2026-01-12',
      `Waiting: ${daysBetween('2026-01-05', today)} days`,
    ])
      assert.ok(tooltip.includes(fact), `${fact} in ${tooltip}`);

    const stale = provider().getTreeItem(review('queue/quoting-delivery.md', 'sme')!);
    assert.equal(stale.description, 'stale approval · Priya Patel');
    assert.equal(stale.contextValue, 'reviewItem.stale');
    assert.equal(provider().getTreeItem(review('queue/returns.md', 'sme')!).description, 'due 2099-01-15 · Sam Lee');
    const changes = provider().getTreeItem(review('queue/worked-examples.md', 'sme')!);
    assert.equal(changes.description, 'changes requested · waiting on author', 'the author acts next, not the reviewer who asked');
    assert.match(plain(changes.tooltip as vscode.MarkdownString), /Waiting on: author/);
    const triggered = provider().getTreeItem(review('queue/promises.md', 'legal')!);
    assert.equal(triggered.description, 'not requested');
    assert.match(plain(triggered.tooltip as vscode.MarkdownString), /Required by: claim-absolute/);

    const open = overdue.command;
    assert.equal(open?.command, 'courseReview.queue.open');
    await vscode.commands.executeCommand(open.command, ...(open.arguments ?? []));
    const editor = await waitFor(
      'the lesson to open',
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith('queue/quoting-delivery.md') && vscode.window.activeTextEditor,
    );
    assert.equal(editor.selection.active.line, 0, 'opens at the front matter');
  });

  it('keeps the claims it checked for the next session, in the workspace storage', async () => {
    await waitForRows(QUEUE_ROWS);
    await api.queue.indexer.storeTriggers();
    const file = api.queue.indexer.triggerStoreFile;
    assert.ok(file, 'an open folder has storage');
    const promises = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('queue/promises.md')));
    const fingerprint = lessonFingerprint(promises);
    // What the next session reads before its first check: promises.md's claim, without linting it again.
    const stored = await new TriggerStore(vscode.Uri.joinPath(file, '..')).load();
    const entry = [...stored].find(([key]) => key.endsWith(`:${fingerprint}`));
    assert.ok(entry, `promises.md is among ${stored.size} stored lessons`);
    assert.ok((entry[1].get('claim-absolute') ?? 0) > 0, 'with its absolute claim');
    assert.ok(stored.size < 50, `${stored.size} lessons: those of this workspace`);
  });

  it('Approve from an item signs that role, saves the lesson, and the item leaves the queue', async () => {
    const uri = workspaceUri('queue/returns.md');
    const original = await vscode.workspace.fs.readFile(uri);
    await settings().update('reviewer', 'Sam Lee <sam@example.com>', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the reviewer setting', () => settings().get('reviewer') === 'Sam Lee <sam@example.com>');
      const node = review('queue/returns.md', 'sme');
      assert.ok(node);
      // As the inline action calls it: with the tree node, then the optional note is asked for.
      assert.equal(await acceptingEveryPrompt(vscode.commands.executeCommand('courseReview.queue.approve', node)), true);
      await waitForRows(QUEUE_ROWS.filter(([path]) => path !== 'queue/returns.md'));
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(saved, /sme:\n {4}status: approved\n {4}reviewer: Sam Lee\n/);
      assert.equal(vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())?.isDirty, false, 'saved');
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
      await settings().update('reviewer', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForRows(QUEUE_ROWS);
  });

  it('Approve on a review assigned to someone else opens the lesson and asks first; Escape writes nothing', async () => {
    const uri = workspaceUri('queue/quoting-delivery.md');
    const original = await vscode.workspace.fs.readFile(uri);
    await settings().update('reviewer', 'Sam Lee <sam@example.com>', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the reviewer setting', () => settings().get('reviewer') === 'Sam Lee <sam@example.com>');
      const node = review('queue/quoting-delivery.md', 'legal');
      assert.equal(node?.item.reviewer, 'legal@example.com');
      const declined = vscode.commands.executeCommand<boolean>('courseReview.queue.approve', node);
      await waitFor('the lesson to open', () =>
        vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === uri.toString()),
      );
      await closingEveryPrompt(declined);
      assert.equal(await declined, false);
      assert.deepEqual(await vscode.workspace.fs.readFile(uri), original, 'nothing written without a confirmation');

      assert.equal(await acceptingEveryPrompt(vscode.commands.executeCommand('courseReview.queue.approve', node)), true);
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(saved, /legal:\n {4}status: approved\n {4}reviewer: Sam Lee\n/, 'confirmed: the signer becomes the reviewer');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.writeFile(uri, original);
      await settings().update('reviewer', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForRows(QUEUE_ROWS);
  });

  it('Request Changes with its arguments settled asks nothing; Copy Reminder puts a ready message on the clipboard', async () => {
    const uri = workspaceUri('queue/quoting-delivery.md');
    const original = await vscode.workspace.fs.readFile(uri);
    const node = review('queue/quoting-delivery.md', 'legal');
    assert.ok(node);
    const late = daysBetween('2026-01-12', today);
    const reminder = `Reminder: the Legal review of "Quoting a delivery date" (queue/quoting-delivery.md) was due 2026-01-12 (${late} days ago).`;
    const copied = await vscode.commands.executeCommand<string>('courseReview.queue.copyReminder', node);
    assert.equal(copied, reminder, 'no git remote: the workspace path and no local file link');
    const clipboard = await vscode.env.clipboard.readText();
    if (clipboard !== '') assert.equal(clipboard, copied);
    const git = vscode.Uri.joinPath(workspaceUri('.'), '.git');
    try {
      const root = workspaceUri('.').fsPath;
      for (const args of [
        ['init', '-q', '-b', 'main'],
        ['remote', 'add', 'origin', 'git@github.com:acme/courses.git'],
      ]) {
        const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
        assert.equal(result.status, 0, result.stderr);
      }
      const linked = await vscode.commands.executeCommand<string>('courseReview.queue.copyReminder', node);
      assert.equal(linked, `${reminder} Link: https://github.com/acme/courses/blob/main/queue/quoting-delivery.md`);
    } finally {
      await vscode.workspace.fs.delete(git, { recursive: true });
    }
    try {
      const applied = await vscode.commands.executeCommand('courseReview.queue.requestChanges', {
        uri,
        role: 'legal',
        note: 'Say "usually" for courier times',
        as: 'legal@example.com',
      });
      assert.equal(applied, true);
      await waitFor(
        'the Legal item to show the change request',
        () => review('queue/quoting-delivery.md', 'legal')?.item.status === 'changes-requested',
      );
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
    }
    await waitForRows(QUEUE_ROWS);
  });

  it('follows the files: a new lesson adds its SME item, unsaved edits show, renames and deletes (of folders too) leave nothing behind', async () => {
    const created = workspaceUri('queue/new-lesson.md');
    const renamed = workspaceUri('queue/renamed-lesson.md');
    const folder = workspaceUri('queue-drafts');
    try {
      await vscode.workspace.fs.writeFile(created, encode(lesson('A brand-new lesson')));
      await waitForRows([...QUEUE_ROWS, ['queue/new-lesson.md', 'sme', 'missing'] as Row].sort(byRole));
      assert.equal(review('queue/new-lesson.md', 'sme')?.item.title, 'A brand-new lesson');

      const editor = await vscode.window.showTextDocument(created);
      assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(1, 7, 1, 25), 'An edited lesson')));
      await waitFor('the unsaved title', () => review('queue/new-lesson.md', 'sme')?.item.title === 'An edited lesson');
      await closeAllEditors();
      await waitFor(
        'the title on disk after the editor closed',
        () => review('queue/new-lesson.md', 'sme')?.item.title === 'A brand-new lesson',
      );

      await vscode.workspace.fs.rename(created, renamed);
      await waitForRows([...QUEUE_ROWS, ['queue/renamed-lesson.md', 'sme', 'missing'] as Row].sort(byRole));
      await vscode.workspace.fs.delete(renamed);
      await waitForRows(QUEUE_ROWS);

      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'one.md'), encode(lesson('Draft one')));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'two', 'two.md'), encode(lesson('Draft two')));
      await waitForRows(
        [
          ['queue-drafts/one.md', 'sme', 'missing'],
          ['queue-drafts/two/two.md', 'sme', 'missing'],
        ],
        'queue-drafts/',
      );
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await waitForRows([], 'queue-drafts/');
    } finally {
      for (const uri of [created, renamed, folder])
        await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    }
    await waitForRows(QUEUE_ROWS);
  });

  it('groups by due date in order of urgency, and filters to the reviews assigned to me', async () => {
    const soon = workspaceUri('queue/due-soon.md');
    const due = addDays(today, 3);
    try {
      await vscode.workspace.fs.writeFile(
        soon,
        encode(lesson('Due soon', `review:\n  sme:\n    status: requested\n    reviewer: legal@example.com\n    due: ${due}\n`)),
      );
      await waitFor('the new lesson', () => review('queue/due-soon.md', 'sme'));
      assert.equal(await vscode.commands.executeCommand('courseReview.queue.groupBy', 'due'), 'due');
      assert.deepEqual(
        groups().flatMap(({ node }) => (node.kind === 'group' ? [node.label] : [])),
        ['Overdue', 'This week', 'Later', 'No date'],
      );
      assert.equal(provider().getTreeItem(review('queue/due-soon.md', 'sme')!).description, 'due in 3 days · legal@example.com · SME');
      const overdue = provider().getTreeItem(review('queue/quoting-delivery.md', 'legal')!);
      assert.equal(
        overdue.description,
        `overdue ${daysBetween('2026-01-12', today)} days · legal@example.com · Legal`,
        'who and how late, in the due date grouping too',
      );
      assert.equal(await vscode.commands.executeCommand('courseReview.queue.groupBy', 'reviewer'), 'reviewer');
      const authors = groups().find(({ node }) => node.kind === 'group' && node.label === 'Waiting on author (changes requested)');
      assert.deepEqual(
        authors?.children.map((child) => child.kind === 'review' && child.item.file),
        ['queue/worked-examples.md'],
      );
      assert.equal(await vscode.commands.executeCommand('courseReview.queue.groupBy', 'due'), 'due');
      assert.equal(api.queue.view.description, 'by due date');

      await settings().update('reviewer', 'legal@example.com', vscode.ConfigurationTarget.Workspace);
      await waitFor('the reviewer setting', () => settings().get('reviewer') === 'legal@example.com');
      assert.equal(await vscode.commands.executeCommand('courseReview.queue.assignedToMe'), true);
      assert.equal(api.queue.view.description, 'by due date · assigned to me');
      assert.equal(api.queue.view.message, 'Reviews assigned to legal@example.com.');
      assert.ok(reviews().length > 0);
      assert.ok(
        reviews().every((node) => node.item.reviewer === 'legal@example.com'),
        JSON.stringify(reviews().map((node) => node.item.reviewer)),
      );
      assert.deepEqual(rows(), [
        ['queue/quoting-delivery.md', 'legal', 'requested'],
        ['queue/due-soon.md', 'sme', 'requested'],
      ]);
      assert.equal(api.queue.view.badge?.value, reviews().length);
    } finally {
      await vscode.commands.executeCommand('courseReview.queue.showAll');
      await settings().update('reviewer', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(soon).then(undefined, () => undefined);
    }
    assert.equal(api.queue.view.description, 'by due date');
    assert.equal(api.queue.view.message, undefined);
    await waitForRows(QUEUE_ROWS.slice().sort(byDue));
  });

  it('Export Review Report from the title bar, with a queue item selected, never writes over that lesson', async () => {
    const node = review('queue/returns.md', 'sme');
    assert.ok(node);
    const lesson = await vscode.workspace.fs.readFile(node.uri);
    const expected = workspaceUri(`review-report-${today}.md`);
    try {
      // The title bar passes the selected item first; the format and the place are still asked.
      const written = await acceptingEveryPrompt(
        vscode.commands.executeCommand<vscode.Uri | undefined>('courseReview.exportReviewReport', node),
      );
      assert.equal(written?.toString(), expected.toString());
      assert.deepEqual(await vscode.workspace.fs.readFile(node.uri), lesson, 'the selected lesson is untouched');
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(expected)), /^# Review report, /);

      const refused = await vscode.commands.executeCommand<vscode.Uri | undefined>('courseReview.exportReviewReport', {
        format: 'csv',
        uri: node.uri,
      });
      assert.equal(refused, undefined, "a lesson is never a report's target");
      assert.deepEqual(await vscode.workspace.fs.readFile(node.uri), lesson);
    } finally {
      await vscode.workspace.fs.delete(expected).then(undefined, () => undefined);
    }
  });

  it('Export Review Report writes the counts per role and status, and the overdue reviews', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'course-review-report-'));
    try {
      const all = api.queue.reviews(today).map((node) => node.item);
      const md = await vscode.commands.executeCommand<vscode.Uri>('courseReview.exportReviewReport', {
        format: 'md',
        uri: vscode.Uri.file(join(folder, 'report.md')),
      });
      assert.equal(md?.fsPath, join(folder, 'report.md'));
      const report = readFileSync(md.fsPath, 'utf8');
      const lessons = new Set(all.map((item) => item.file)).size;
      const overdue = all.filter((item) => item.overdue).length;
      assert.ok(
        report.startsWith(
          `# Review report, ${today}\n\n${all.length} outstanding reviews in ${lessons} lessons: ${overdue} overdue, 1 stale approval`,
        ),
        report,
      );
      const count = (role: string, status: string) => all.filter((item) => item.label === role && item.status === status).length;
      assert.ok(report.includes(`| Marketing | ${count('Marketing', 'missing')} | 0 | 0 | 0 | 0 |`), report);
      assert.ok(
        report.includes(
          `| Quoting a delivery date (queue/quoting-delivery.md) | Legal | legal@example.com | 2026-01-12 | ${daysBetween('2026-01-12', today)} |`,
        ),
        report,
      );

      const csv = await vscode.commands.executeCommand<vscode.Uri>('courseReview.exportReviewReport', {
        format: 'csv',
        uri: vscode.Uri.file(join(folder, 'report.csv')),
      });
      const lines = readFileSync(csv.fsPath, 'utf8').split('\r\n');
      assert.deepEqual(lines.slice(0, 3), [
        `Review report,${today}`,
        '',
        'Role,Not requested,Requested,Changes requested,Stale approval,Overdue',
      ]);
      assert.ok(
        lines.includes(`SME,${count('SME', 'missing')},${count('SME', 'requested')},${count('SME', 'changes-requested')},1,0`),
        lines.join('\n'),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** A tooltip's text without Markdown escapes. */
function plain(markdown: vscode.MarkdownString): string {
  return markdown.value.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
}

const ROLE_ORDER = ['legal', 'sme', 'marketing'];

/** The tree's order within the queue fixtures when grouped by role: by role, then overdue, due date, path. */
function byRole(a: Row, b: Row): number {
  return ROLE_ORDER.indexOf(a[1]) - ROLE_ORDER.indexOf(b[1]) || dueOf(a).localeCompare(dueOf(b)) || a[0].localeCompare(b[0]);
}

/** Grouped by due date: Overdue, Later, No date (the queue fixtures have nothing due this week). */
function byDue(a: Row, b: Row): number {
  return dueOf(a).localeCompare(dueOf(b)) || a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]);
}

function dueOf([path, role]: Row): string {
  if (path === 'queue/quoting-delivery.md' && role === 'legal') return '2026-01-12';
  if (path === 'queue/returns.md') return '2099-01-15';
  return '9999';
}

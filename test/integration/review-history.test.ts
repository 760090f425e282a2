import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { lessonFingerprint } from '../../src/core';
import type { CourseReviewApi } from '../../src/extension/extension';
import type { ReviewEvent } from '../../src/git/reviewEvents';
import { closeAllEditors, EXTENSION_ID, workspaceUri } from './helpers';

const BODY = `
# Holding a call

Ask before you put a caller on hold, and say how long it will take.
`;

function approved(signed: string): string {
  const draft = `---\ntitle: Holding a call\n---\n${BODY}`;
  return `---\ntitle: Holding a call\nreview:\n  sme:\n    status: approved\n    reviewer: Priya Patel\n    signed: ${signed}\n    fingerprint: ${lessonFingerprint(draft)}\n---\n${BODY}`;
}

describe('Show Review History in VS Code', function () {
  this.timeout(60000);
  const folder = () => workspaceUri('git-history');
  const lesson = () => vscode.Uri.joinPath(folder(), 'holding.md');
  const PEOPLE = { sam: ['Sam Author', 'sam@example.com'], priya: ['Priya Patel', 'priya@example.com'] } as const;
  const git = (who: keyof typeof PEOPLE, ...args: string[]) => {
    const [name, email] = PEOPLE[who];
    execFileSync('git', args, {
      cwd: folder().fsPath,
      env: { ...process.env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email },
    });
  };
  const write = (text: string) => vscode.workspace.fs.writeFile(lesson(), new TextEncoder().encode(text));

  before(async () => {
    await vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID)!.activate();
    await write(`---\ntitle: Holding a call\n---\n${BODY}`);
    git('sam', 'init', '-q');
    git('sam', 'add', '.');
    git('sam', 'commit', '-q', '-m', 'Draft');
    await write(approved('2026-11-20'));
    git('priya', 'commit', '-q', '-am', 'SME approval');
    await write(approved('2026-11-21'));
    git('sam', 'commit', '-q', '-am', 'Approval typed by the author');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder(), { recursive: true });
  });

  it('lists the review events newest first, each sign-off judged as verify judges it, and opens the lesson as a commit stored it beside the lesson now', async () => {
    await vscode.window.showTextDocument(lesson());
    const events = await vscode.commands.executeCommand<ReviewEvent[] | undefined>('courseReview.showReviewHistory', { uri: lesson() });
    assert.ok(events, 'the history is shown');
    assert.deepEqual(
      events.map((event) => [event.status, event.reviewer, event.author, event.accepted]),
      [
        ['approved', 'Priya Patel', 'Sam Author <sam@example.com>', false],
        ['approved', 'Priya Patel', 'Priya Patel <priya@example.com>', true],
      ],
    );
    assert.match(events[0].reason ?? '', /^committed by Sam Author <sam@example\.com> in [0-9a-f]{10}, not by Priya Patel$/);

    await new Promise((resolve) => setTimeout(resolve, 300));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    let label = '';
    for (let attempt = 0; attempt < 20 && !label.includes('↔'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      label = vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '';
    }
    assert.match(label, /^holding\.md: at [0-9a-f]{7} \(SME approved, \d{4}-\d{2}-\d{2}\) ↔ now$/);
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputTextDiff);
    assert.equal(input.original.scheme, 'course-review-history');
    assert.match((await vscode.workspace.openTextDocument(input.original)).getText(), /signed: 2026-11-21/);
  });

  it('says so for a lesson with no review in its history', async () => {
    const other = vscode.Uri.joinPath(folder(), 'other.md');
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode('# Other\n'));
    git('sam', 'add', '.');
    git('sam', 'commit', '-q', '-m', 'Another lesson');
    assert.equal(await vscode.commands.executeCommand('courseReview.showReviewHistory', { uri: other }), undefined);
  });
});

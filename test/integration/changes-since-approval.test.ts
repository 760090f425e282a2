import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { lessonFingerprint } from '../../src/core';
import type { CourseReviewApi } from '../../src/extension/extension';
import { closeAllEditors, EXTENSION_ID, workspaceUri } from './helpers';

const DRAFT = `---
title: Holding a call
review:
  sme:
    status: approved
    reviewer: Priya Patel
    signed: 2026-11-20
    fingerprint: FINGERPRINT
---

# Holding a call

Ask before you put a caller on hold, and say how long it will take.
`;

describe('Show Changes Since Approval in VS Code', function () {
  this.timeout(60000);
  const folder = () => workspaceUri('git-lesson');
  const lesson = () => vscode.Uri.joinPath(folder(), 'holding.md');
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: folder().fsPath,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Priya Patel',
        GIT_AUTHOR_EMAIL: 'priya@example.com',
        GIT_COMMITTER_NAME: 'Priya Patel',
        GIT_COMMITTER_EMAIL: 'priya@example.com',
      },
    });

  before(async () => {
    await vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID)!.activate();
    const approved = DRAFT.replace('FINGERPRINT', lessonFingerprint(DRAFT.replace('FINGERPRINT', 'x'))!);
    await vscode.workspace.fs.writeFile(lesson(), new TextEncoder().encode(approved));
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'SME approval');
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder(), { recursive: true });
  });

  it('says an approval is current, then, once the lesson changed, opens the diff of the approved lesson and the lesson now, review blocks left out', async () => {
    const editor = await vscode.window.showTextDocument(lesson());
    assert.equal(
      await vscode.commands.executeCommand('courseReview.showChangesSinceApproval', { uri: lesson(), role: 'sme' }),
      false,
      'a current approval has nothing to show',
    );

    const end = editor.document.positionAt(editor.document.getText().length);
    assert.ok(await editor.edit((edit) => edit.insert(end, '\nIf the wait is longer, offer a call back.\n')));
    await editor.document.save();
    let shown = false;
    for (let attempt = 0; attempt < 20 && !shown; attempt++) {
      shown =
        (await vscode.commands.executeCommand<boolean>('courseReview.showChangesSinceApproval', { uri: lesson(), role: 'sme' })) === true;
      if (!shown) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(shown, true, 'the approval went stale and the diff opened');
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputTextDiff, 'a diff editor is open');
    assert.equal(input.original.scheme, 'course-review-approved');
    const before = (await vscode.workspace.openTextDocument(input.original)).getText();
    const now = (await vscode.workspace.openTextDocument(input.modified)).getText();
    assert.doesNotMatch(before, /review:|fingerprint/);
    assert.doesNotMatch(now, /review:|fingerprint/);
    assert.doesNotMatch(before, /offer a call back/);
    assert.match(now, /If the wait is longer, offer a call back\./);
    assert.match(
      vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '',
      /^holding\.md: as SME approved \([0-9a-f]{7}, \d{4}-\d{2}-\d{2}\) ↔ now$/,
    );
  });
});

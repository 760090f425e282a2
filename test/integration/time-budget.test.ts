import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CourseReviewApi } from '../../src/extension/extension';
import { closeAllEditors, courseReviewDiagnostics, EXTENSION_ID, ruleOf, saveUntilSaved, waitFor, workspaceUri } from './helpers';

/** A lesson of ordinary prose, long enough that checking it takes far longer than a tenth of a second. */
const LONG_LESSON = `---\ntitle: A very long lesson\n---\n\n# A very long lesson\n\n${'Open the ticket in the CRM and write down what the caller asked for, in their words. '.repeat(9000)}\n`;

describe("checks off the editor's thread, within a time budget", function () {
  this.timeout(60000);
  const settings = () => vscode.workspace.getConfiguration('courseReview');
  let api: CourseReviewApi;
  const uri = () => workspaceUri('course/very-long-lesson.md');

  before(async () => {
    api = await vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID)!.activate();
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(LONG_LESSON));
  });
  after(async () => {
    await settings().update('checkTimeout', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
    await vscode.workspace.fs.delete(uri());
  });

  it('a lesson over budget gets one lesson-skipped finding saying why, while the extension host stays free; saving checks it again', async () => {
    await settings().update('checkTimeout', 0.1, vscode.ConfigurationTarget.Workspace);
    await waitFor('the setting', () => settings().get('checkTimeout') === 0.1);
    // This test runs in the extension host too: a timer that keeps firing while the check runs shows the host is free.
    // Counted from the open on: the budget alone keeps the check running for at least 0.1 s of that time.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const startedAt = Date.now();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri()));
    const [skipped] = await waitFor('the lesson-skipped finding', () => {
      const found = courseReviewDiagnostics(uri());
      return found.length > 0 && found;
    });
    clearInterval(ticker);
    assert.ok(ticks >= 3, `the extension host ran timers while the lesson was checked (${ticks} ticks in ${Date.now() - startedAt} ms)`);
    assert.equal(courseReviewDiagnostics(uri()).length, 1);
    assert.equal(ruleOf(skipped), 'lesson-skipped');
    assert.match(skipped.message, /check time over 0\.1 s/);
    assert.match(skipped.message, /checked again when you save it/);

    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(5, 0), 'TODO ')));
    await waitFor('the linter to hear of the edit', () => api.linter.seenVersion(uri()) === editor.document.version);
    assert.notEqual(api.linter.requestedVersion(uri()), editor.document.version, 'typing in a lesson over budget starts no new check');

    await settings().update('checkTimeout', 60, vscode.ConfigurationTarget.Workspace);
    await waitFor('the setting', () => settings().get('checkTimeout') === 60);
    await saveUntilSaved(editor.document);
    await waitFor('a full check after the save', () =>
      courseReviewDiagnostics(uri()).some((diagnostic) => ruleOf(diagnostic) === 'placeholder-text'),
    );
    assert.ok(!courseReviewDiagnostics(uri()).some((diagnostic) => ruleOf(diagnostic) === 'lesson-skipped'));
  });
});

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, courseReviewDiagnostics, openLesson, ruleOf, waitFor } from './helpers';

describe('prose fixes in VS Code', function () {
  this.timeout(60000);
  afterEach(closeAllEditors);

  it('offers the simpler word as the preferred quick fix, and applying it clears the finding', async () => {
    const { document } = await openLesson('course/03-prose.md');
    const finding = await waitFor('a simpler-words finding', () =>
      courseReviewDiagnostics(document.uri).find(
        (diagnostic) => ruleOf(diagnostic) === 'simpler-words' && document.getText(diagnostic.range) === 'utilize',
      ),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const preferred = actions.filter((action) => action.isPreferred);
    assert.equal(preferred.length, 1, actions.map((action) => action.title).join(' | '));
    assert.ok(preferred[0].edit);
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit));
    assert.equal(document.lineAt(12).text, 'You can use the CRM in order to log calls.');
    await waitFor(
      'the finding to clear',
      () =>
        !courseReviewDiagnostics(document.uri).some(
          (diagnostic) => ruleOf(diagnostic) === 'simpler-words' && document.getText(diagnostic.range) === 'use',
        ),
    );
  });

  it('Fix All applies every safe fix as one undoable edit, and says what it changed', async () => {
    const editor = await openLesson('course/03-prose.md');
    const { document } = editor;
    await waitFor('findings', () => courseReviewDiagnostics(document.uri).some((diagnostic) => ruleOf(diagnostic) === 'simpler-words'));
    const original = document.getText();
    const said = await vscode.commands.executeCommand<string>('courseReview.fixAll');
    assert.equal(said, 'Course Review: 2 fixes: utilize → use, in order to → to. Undo (Ctrl+Z) takes them all back.');
    assert.equal(document.lineAt(12).text, 'You can use the CRM to log calls.');
    await waitFor(
      'simpler-words to clear',
      () => !courseReviewDiagnostics(document.uri).some((diagnostic) => ruleOf(diagnostic) === 'simpler-words'),
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
  });

  it('provides source.fixAll.courseReview for editor.codeActionsOnSave', async () => {
    const { document } = await openLesson('course/03-prose.md');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(0, 0, 0, 0),
      vscode.CodeActionKind.SourceFixAll.append('courseReview').value,
    );
    const fixAll = actions.find((action) => action.kind?.value === 'source.fixAll.courseReview');
    assert.ok(fixAll?.edit, actions.map((action) => action.title).join(' | '));
  });
});

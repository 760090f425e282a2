import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, courseReviewDiagnostics, openLesson, ruleOf, waitFor } from './helpers';

describe('courseReview.run = onSave', function () {
  this.timeout(60000);
  const settings = () => vscode.workspace.getConfiguration('courseReview');

  before(async () => {
    await settings().update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    await waitFor('the setting to apply', () => settings().get('run') === 'onSave');
  });
  after(() => settings().update('run', undefined, vscode.ConfigurationTarget.Workspace));
  afterEach(closeAllEditors);

  it('waits for a save before checking what was typed', async () => {
    const editor = await openLesson('course/02-unopened.md');
    const { document } = editor;
    await waitFor('first lint on open', () => courseReviewDiagnostics(document.uri).length > 0);
    const placeholders = () => courseReviewDiagnostics(document.uri).filter((diagnostic) => ruleOf(diagnostic) === 'placeholder-text');
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), 'FIXME ')), 'the edit applies');
    assert.ok(document.isDirty, 'the lesson has unsaved changes');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(placeholders().length, 0, 'nothing is checked before the save');
    const saved = await document.save();
    assert.ok(saved, `save of ${document.uri.toString()} (dirty: ${document.isDirty}, closed: ${document.isClosed})`);
    const [found] = await waitFor('a finding after the save', () => placeholders().length > 0 && placeholders());
    assert.equal(document.getText(found.range), 'FIXME');
  });
});

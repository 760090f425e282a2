import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CourseReviewApi } from '../../src/extension/extension';
import { closeAllEditors, courseReviewDiagnostics, EXTENSION_ID, ruleOf, saveUntilSaved, waitFor, workspaceUri } from './helpers';

describe('courseReview.run = onSave', function () {
  this.timeout(60000);
  const settings = () => vscode.workspace.getConfiguration('courseReview');
  let api: CourseReviewApi;

  before(async () => {
    api = await vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID)!.activate();
    await settings().update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    await waitFor('the setting to apply', () => settings().get('run') === 'onSave');
  });
  after(() => settings().update('run', undefined, vscode.ConfigurationTarget.Workspace));
  afterEach(closeAllEditors);

  it('waits for a save before checking what was typed', async () => {
    // A lesson of its own: no other test has it open, changed or saved.
    const uri = workspaceUri(`course/on-save-${Date.now()}.md`);
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('---\ntitle: Saving a note\n---\n\n# Saving a note\n\nSave each note before you close the ticket.\n'),
    );
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const { document } = editor;
    await waitFor('the first check, on open', () => api.linter.snapshot(uri)?.version === document.version);
    const placeholders = () => courseReviewDiagnostics(uri).filter((diagnostic) => ruleOf(diagnostic) === 'placeholder-text');
    assert.equal(placeholders().length, 0);

    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(6, 0), 'FIXME ')), 'the edit applies');
    await waitFor('the linter to hear of the edit', () => api.linter.seenVersion(uri) === document.version);
    assert.notEqual(api.linter.requestedVersion(uri), document.version, 'no check of the typed text was asked for');
    assert.equal(api.linter.isPending(uri), false, 'none is scheduled either');
    assert.notEqual(api.linter.snapshot(uri)?.version, document.version, 'the unsaved text was not checked');
    assert.equal(placeholders().length, 0, 'nothing is reported before the save');

    await saveUntilSaved(document);
    const [found] = await waitFor('a finding after the save', () => placeholders().length > 0 && placeholders());
    assert.equal(document.getText(found.range), 'FIXME');
    await closeAllEditors();
    await vscode.workspace.fs.delete(uri);
  });
});

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseConfig } from '../../src/core';
import type { CourseReviewApi } from '../../src/extension/extension';
import { closeAllEditors, EXTENSION_ID, waitFor, workspaceUri } from './helpers';

/** The walkthrough's "Set up your team" step. */
describe('Create Team Configuration', function () {
  this.timeout(60000);
  const config = workspaceUri('.coursereview.json');
  const kept = workspaceUri('.coursereview.json.kept');

  before(async () => {
    await vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID)!.activate();
    await vscode.workspace.fs.rename(config, kept);
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
    await vscode.workspace.fs.rename(kept, config);
  });

  it('writes a starter .coursereview.json that the configuration reads without a problem, and opens it', async () => {
    await vscode.commands.executeCommand('courseReview.createConfig');
    const editor = await waitFor(
      'the new configuration open',
      () => vscode.window.activeTextEditor?.document.uri.path === config.path && vscode.window.activeTextEditor,
    );
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
    assert.equal(editor.document.getText(), text);
    const parsed = parseConfig(text, config.fsPath, workspaceUri('').fsPath);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    assert.deepEqual(
      parsed.config.roles.map((role) => role.name),
      ['sme', 'legal', 'marketing'],
    );
  });

  it('opens the one already there and changes nothing in it', async () => {
    const mine = '{ "extends": "strict" }\n';
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(mine));
    await closeAllEditors();
    await vscode.commands.executeCommand('courseReview.createConfig');
    await waitFor('the existing configuration open', () => vscode.window.activeTextEditor?.document.uri.path === config.path);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(config)), mine);
  });
});

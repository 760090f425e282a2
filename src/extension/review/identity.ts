import * as vscode from 'vscode';
import { parseIdentity, type Identity } from '../../core';

const REMEMBERED = 'courseReview.reviewer';

/**
 * Who runs a review command: the `courseReview.reviewer` setting, else git's user.name and
 * user.email (on the desktop), else the name typed the first time it was needed (remembered
 * across workspaces).
 */
export class IdentityResolver {
  constructor(
    private readonly memory: vscode.Memento,
    /** git's user.name and user.email for a local folder, where git can run (not in the browser). */
    private readonly gitIdentity?: (folder: string | undefined) => Promise<Identity | undefined>,
  ) {}

  async resolve(uri: vscode.Uri, options: { ask: boolean }): Promise<Identity | undefined> {
    const setting = parseIdentity(vscode.workspace.getConfiguration('courseReview', uri).get<string>('reviewer', ''));
    if (setting) return setting;
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    const git = await this.gitIdentity?.(folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined);
    if (git) return git;
    const remembered = parseIdentity(this.memory.get<string>(REMEMBERED, ''));
    if (remembered || !options.ask) return remembered;
    const typed = await vscode.window.showInputBox({
      title: 'Course Review: who is signing?',
      prompt:
        'Your name or email address, as the review record should show it. It is remembered; ' +
        'the setting courseReview.reviewer overrides it.',
      placeHolder: 'Priya Patel <priya@example.com>',
      ignoreFocusOut: true,
      validateInput: (value) => (parseIdentity(value) ? undefined : 'Enter a name or an email address.'),
    });
    const identity = typed === undefined ? undefined : parseIdentity(typed);
    if (identity) await this.memory.update(REMEMBERED, typed?.trim());
    return identity;
  }
}

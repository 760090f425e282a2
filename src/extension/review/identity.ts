import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { parseIdentity, type Identity } from '../../core';

const REMEMBERED = 'courseReview.reviewer';
const GIT_TIMEOUT_MS = 3000;

/**
 * Who runs a review command: the `courseReview.reviewer` setting, else git's user.name and
 * user.email, else the name typed the first time it was needed (remembered across workspaces).
 */
export class IdentityResolver {
  constructor(private readonly memory: vscode.Memento) {}

  async resolve(uri: vscode.Uri, options: { ask: boolean }): Promise<Identity | undefined> {
    const setting = parseIdentity(vscode.workspace.getConfiguration('courseReview', uri).get<string>('reviewer', ''));
    if (setting) return setting;
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    const git = await gitIdentity(folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined);
    if (git) return git;
    const remembered = parseIdentity(this.memory.get<string>(REMEMBERED, ''));
    if (remembered || !options.ask) return remembered;
    const typed = await vscode.window.showInputBox({
      title: 'Course Review: who is signing?',
      prompt: 'Your name or email address, as the review record should show it. It is remembered; the setting courseReview.reviewer overrides it.',
      placeHolder: 'Priya Patel <priya@example.com>',
      ignoreFocusOut: true,
      validateInput: (value) => (parseIdentity(value) ? undefined : 'Enter a name or an email address.'),
    });
    const identity = typed === undefined ? undefined : parseIdentity(typed);
    if (identity) await this.memory.update(REMEMBERED, typed?.trim());
    return identity;
  }
}

async function gitIdentity(cwd: string | undefined): Promise<Identity | undefined> {
  const [name, email] = await Promise.all([gitConfig('user.name', cwd), gitConfig('user.email', cwd)]);
  if (!name && !email) return undefined;
  return { ...(name && { name }), ...(email && { email }) };
}

function gitConfig(key: string, cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined));
  });
}

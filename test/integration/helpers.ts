import assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'course-review.course-review';

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Polls until `check` returns a value (not undefined/false), or fails with what was last seen. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function courseReviewDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'course-review');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : undefined;
}

export async function openLesson(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Polls `read` until it gives `expected` (compared as JSON); fails with what it last gave. */
export async function waitForEqual<T>(read: () => T | Promise<T>, expected: T, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await read();
    if (JSON.stringify(seen) === JSON.stringify(expected) || Date.now() > deadline) {
      assert.deepEqual(seen, expected);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs a command that asks questions, accepting each prompt's suggestion as it appears. */
export async function acceptingEveryPrompt<T>(run: Thenable<T>, timeoutMs = 15000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(run).finally(() => (settled = true));
  const deadline = Date.now() + timeoutMs;
  while (!settled && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

/**
 * Saves a document, trying again while it stays dirty: under load the workbench can turn a save
 * down (a save participant that ran out of time), which a user would answer by saving again.
 */
export async function saveUntilSaved(document: vscode.TextDocument, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const attempts: string[] = [];
  while (document.isDirty) {
    const saved = await document.save();
    attempts.push(`save → ${saved} (dirty: ${document.isDirty}, closed: ${document.isClosed})`);
    if (Date.now() > deadline) assert.fail(`could not save ${document.uri.toString()}: ${attempts.join('; ')}`);
    if (!saved) await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs alongside a command that asks questions, dismissing each prompt (Escape) as it appears. */
export async function closingEveryPrompt<T>(run: Thenable<T>, timeoutMs = 15000): Promise<void> {
  let settled = false;
  void Promise.resolve(run).finally(() => (settled = true));
  const deadline = Date.now() + timeoutMs;
  while (!settled && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (!settled) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  }
}

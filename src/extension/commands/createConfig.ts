import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, starterConfig } from '../../core';
import { COMMANDS } from './ids';

/** *Create Team Configuration*: a starter `.coursereview.json` at the root of a workspace folder, or the one already there. */
export function registerCreateConfig(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.createConfig.id, () => createConfig());
}

/** The file it opened, or undefined when there is no folder to create it in or the choice was dismissed. */
export async function createConfig(): Promise<vscode.Uri | undefined> {
  const folder = await chooseFolder();
  if (!folder) return undefined;
  const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  const exists = await Promise.resolve(vscode.workspace.fs.stat(file)).then(
    () => true,
    () => false,
  );
  if (!exists) await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(starterConfig()));
  await vscode.window.showTextDocument(file);
  if (exists)
    void vscode.window.showInformationMessage(`Course Review: ${folder.name} already has a ${CONFIG_FILE_NAME}; it is open to edit.`);
  return file;
}

async function chooseFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(`Course Review: open the folder of your course first; ${CONFIG_FILE_NAME} goes at its root.`);
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: `The folder whose lessons ${CONFIG_FILE_NAME} configures` });
}

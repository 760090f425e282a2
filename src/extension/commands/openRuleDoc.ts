import * as vscode from 'vscode';
import { RULES } from '../../core';
import { COMMANDS } from './ids';

/** Opens a rule's page in the Markdown preview; asks which rule when called from the palette. */
export async function openRuleDoc(docUri: (ruleId: string) => vscode.Uri, ruleId?: string): Promise<void> {
  const id =
    ruleId ??
    (
      await vscode.window.showQuickPick(
        RULES.map((rule) => ({ label: rule.id, description: rule.category, detail: rule.description })),
        { placeHolder: 'Which rule?', matchOnDescription: true, matchOnDetail: true },
      )
    )?.label;
  if (!id) return;
  await vscode.commands.executeCommand('markdown.showPreview', docUri(id));
}

/** Open Rule Documentation…, on the pages shipped in the extension's docs/rules. */
export function registerOpenRuleDoc(extensionUri: vscode.Uri): vscode.Disposable {
  const docUri = (ruleId: string) => vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
  return vscode.commands.registerCommand(COMMANDS.openRuleDoc.id, (ruleId?: string) => openRuleDoc(docUri, ruleId));
}

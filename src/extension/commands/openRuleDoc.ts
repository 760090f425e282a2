import * as vscode from 'vscode';
import { RULES } from '../../core';

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

import * as vscode from 'vscode';
import type { CheckedFinding, Finding, Fix, Insertion } from '../core';
import { COMMANDS } from './commands/ids';
import { ruleIdOf } from './diagnostics';
import { LESSON_SELECTOR } from './lessonFiles';
import type { LessonLinter } from './linter';

export const OPEN_RULE_DOC_COMMAND = COMMANDS.openRuleDoc.id;

/** Quick fixes and suggestions from the rules, "disable" comments, and a link to the rule's page. */
export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly linter: LessonLinter) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const snapshot = this.linter.snapshot(document.uri);
    if (!snapshot || snapshot.version !== document.version) return [];
    const actions: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      const finding = snapshot.findings.find(
        (candidate) => candidate.ruleId === ruleId && candidate.message === diagnostic.message && sameStart(candidate, diagnostic),
      );
      if (finding?.fix) actions.push(fixAction(document, finding.fix, diagnostic, true));
      for (const suggestion of finding?.suggestions ?? []) actions.push(fixAction(document, suggestion, diagnostic, false));
      if (seenRules.has(ruleId)) continue;
      seenRules.add(ruleId);
      if (finding) actions.push(...suppressActions(document, finding, diagnostic));
      const open = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
      open.command = { command: OPEN_RULE_DOC_COMMAND, title: open.title, arguments: [ruleId] };
      open.diagnostics = [diagnostic];
      actions.push(open);
    }
    return actions;
  }
}

function fixAction(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  for (const edit of fix.edits)
    action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

function suppressActions(document: vscode.TextDocument, finding: CheckedFinding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const insert = (title: string, at: Insertion) => {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, document.positionAt(at.start), at.text);
    action.diagnostics = [diagnostic];
    return action;
  };
  return [
    ...(finding.disableLine ? [insert(`Disable ${finding.ruleId} for this line`, finding.disableLine)] : []),
    ...(finding.disableFile ? [insert(`Disable ${finding.ruleId} for this file`, finding.disableFile)] : []),
  ];
}

function sameStart(finding: Finding, diagnostic: vscode.Diagnostic): boolean {
  return finding.range.start.line === diagnostic.range.start.line && finding.range.start.character === diagnostic.range.start.character;
}

/** Quick fixes, suggestions and "disable" actions for each finding. */
export function registerCodeActions(linter: LessonLinter): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(LESSON_SELECTOR, new CodeActionProvider(linter), CodeActionProvider.metadata);
}

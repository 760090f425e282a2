import * as vscode from 'vscode';
import type { Finding, Severity } from '../core';
import { COMMANDS } from './commands/ids';

export const DIAGNOSTIC_SOURCE = 'course-review';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * The link behind a finding's code: a command that shows the rule's page in the Markdown preview.
 * A link to the page's file would open it as an editable text file (VS Code opens file links in an
 * editor), which the author did not ask for.
 */
export function ruleDocLink(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: COMMANDS.openRuleDoc.id, query: JSON.stringify([ruleId]) });
}

/** The one place findings become diagnostics. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const { start, end } = finding.range;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(start.line, start.character, end.line, end.character),
    finding.message,
    SEVERITY[finding.severity],
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: ruleDocLink(finding.ruleId) };
  return diagnostic;
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

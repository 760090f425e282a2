import * as vscode from 'vscode';
import type { Finding } from '../../core';
import type { ConfigService } from '../config';
import { COMMANDS } from './ids';
import { LESSON_GLOB } from '../lessonFiles';
import type { LessonLinter } from '../linter';

/** Lints every lesson in the workspace, open or not, with a cancellable progress notification. */
export async function lintWorkspace(
  linter: LessonLinter,
  configs: ConfigService,
): Promise<{ lessons: number; findings: number } | undefined> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Course Review: linting lessons', cancellable: true },
    async (progress, token) => {
      const candidates = await vscode.workspace.findFiles(LESSON_GLOB, undefined, undefined, token);
      const lessons = candidates.filter((uri) => configs.isLessonFile(uri)).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
      const findings: Finding[] = [];
      for (const [index, uri] of lessons.entries()) {
        if (token.isCancellationRequested) return undefined;
        findings.push(...((await linter.lintFile(uri))?.findings ?? []));
        progress.report({ increment: 100 / lessons.length, message: `${index + 1} of ${lessons.length}` });
        if (index % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
      }
      return { lessons: lessons.length, findings };
    },
  );
  if (!result) return undefined;
  const count = (severity: Finding['severity']) => result.findings.filter((finding) => finding.severity === severity).length;
  const summary =
    `Course Review: ${result.lessons} lessons, ${count('error')} errors, ${count('warning')} warnings, ` +
    `${count('info') + count('hint')} info.`;
  void vscode.window
    .showInformationMessage(summary, 'Show Problems')
    .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return { lessons: result.lessons, findings: result.findings.length };
}

/** The Lint Workspace command. */
export function registerLintWorkspace(linter: LessonLinter, configs: ConfigService): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.lintWorkspace.id, () => lintWorkspace(linter, configs));
}

import * as vscode from 'vscode';
import { PAGE_TYPE_NOUNS, type Finding } from '../core';
import { Disposable } from './disposable';
import type { LessonLinter } from './linter';

/**
 * The active lesson's finding counts as the Problems panel shows them (errors, warnings, info);
 * hints, which the panel leaves out, are named apart. A click opens the Problems panel.
 */
export class FindingsStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('courseReview.findings', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly linter: LessonLinter) {
    super();
    this.item.name = 'Course Review';
    this.item.command = 'workbench.actions.view.problems';
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(
      linter.onDidLint(({ uri }) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.update()),
    );
    this.update();
  }

  private update() {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const snapshot = uri && this.linter.snapshot(uri);
    if (!snapshot) {
      this.item.hide();
      return;
    }
    const count = (severity: Finding['severity']) => snapshot.findings.filter((finding) => finding.severity === severity).length;
    const [errors, warnings, infos, hints] = [count('error'), count('warning'), count('info'), count('hint')];
    const grade = snapshot.grade;
    const type = snapshot.page?.type;
    const counts = errors + warnings + infos === 0 ? '$(pass)' : `$(error) ${errors} $(warning) ${warnings} $(info) ${infos}`;
    this.item.text = `$(mortar-board) ${counts}${grade === undefined ? '' : `  Grade ${grade.toFixed(1)}`}`;
    const hintClause = hints === 0 ? '' : `, and ${plural(hints, 'hint')} (shown in the editor only, as dotted underlines)`;
    this.item.tooltip = [
      `Course Review: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info in this lesson${hintClause}.`,
      ...(grade === undefined ? [] : [`Reading grade (Flesch-Kincaid): ${grade.toFixed(1)}.`]),
      ...(type ? [`Page type: ${PAGE_TYPE_NOUNS[type.type]} (${type.reason}).`] : []),
      'Click to open Problems.',
    ].join('\n');
    this.item.accessibilityInformation = { label: this.item.tooltip };
    this.item.show();
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

import * as vscode from 'vscode';
import type { Finding } from '../core';
import { Disposable } from './disposable';
import type { LessonLinter } from './linter';

/** The active lesson's finding counts; a click opens the Problems panel. */
export class FindingsStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('courseReview.findings', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly linter: LessonLinter) {
    super();
    this.item.name = 'Course Review';
    this.item.command = 'workbench.actions.view.problems';
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(linter.onDidLint(({ uri }) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.update()));
    this.update();
  }

  private update() {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const snapshot = uri && this.linter.snapshot(uri);
    if (!snapshot) {
      this.item.hide();
      return;
    }
    const count = (...severities: Array<Finding['severity']>) => snapshot.findings.filter((finding) => severities.includes(finding.severity)).length;
    const [errors, warnings, infos] = [count('error'), count('warning'), count('info', 'hint')];
    this.item.text = errors + warnings + infos === 0 ? '$(mortar-board) $(pass)' : `$(mortar-board) $(error) ${errors} $(warning) ${warnings} $(info) ${infos}`;
    this.item.tooltip = `Course Review: ${errors} errors, ${warnings} warnings, ${infos} info in this lesson. Click to open Problems.`;
    this.item.accessibilityInformation = { label: this.item.tooltip };
    this.item.show();
  }
}

// The browser entry (package.json "browser"): VS Code's web worker extension host (vscode.dev,
// github.dev, code-server's web worker host). No Node: the checks run on the host's own thread,
// files are read through workspace.fs, and the reviewer's identity comes from the
// courseReview.reviewer setting (or is asked once). What needs git or Node says so when run.
import * as vscode from 'vscode';
import { registerFeatures, type CourseReviewApi } from './activate';
import { COMMANDS } from './commands/ids';
import { InProcessLintRunner } from './lint/inProcess';

export type { CourseReviewApi } from './activate';

/** Commands of the desktop extension that need git or Node. */
const DESKTOP_ONLY = [
  COMMANDS.showChangesSinceApproval,
  COMMANDS.showReviewHistory,
  COMMANDS.openHealthReport,
  COMMANDS.exportHealthReport,
];

export async function activate(context: vscode.ExtensionContext): Promise<CourseReviewApi> {
  const features = registerFeatures(context, { lint: new InProcessLintRunner() });
  context.subscriptions.push(
    ...DESKTOP_ONLY.map(({ id, title }) =>
      vscode.commands.registerCommand(id, () =>
        vscode.window.showInformationMessage(
          `Course Review: "${title}" needs the desktop VS Code (it runs git or Node), not VS Code in the browser.`,
        ),
      ),
    ),
  );
  // The configuration is read before the API is handed out; loading it checks the open lessons.
  await features.configs.load();
  const { linter, queue, outline, findingsStatusBar } = features;
  return { linter, queue, outline, findingsStatusBar };
}

export function deactivate(): void {}

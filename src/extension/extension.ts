// The desktop entry (package.json "main"): the Node extension host, with a lint worker thread,
// Node's file system for local files, and git for the reviewer's identity and a lesson's history.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { registerFeatures, type CourseReviewApi } from './activate';
import { LintClient } from './lint/client';
import { registerHealthReport } from './outline/healthReport';
import { readLocalLesson } from './queue/readLocal';
import { registerChangesSinceApproval } from './review/changesSinceApproval';
import { gitIdentity } from './review/gitIdentity';
import { registerReviewHistory } from './review/reviewHistory';

export type { CourseReviewApi } from './activate';

/** The lint worker's heap: far above any lesson up to `maxLessonSize`, far below what would hurt the machine. */
const WORKER_MEMORY_MB = 512;

export function activate(context: vscode.ExtensionContext): CourseReviewApi {
  const lint = new LintClient({
    script: vscode.Uri.joinPath(context.extensionUri, 'dist', 'lintWorker.js').fsPath,
    budgetMs: () => 1000 * vscode.workspace.getConfiguration('courseReview').get<number>('checkTimeout', 5),
    memoryMb: WORKER_MEMORY_MB,
  });
  const features = registerFeatures(context, {
    lint,
    local: { readConfig: readTextOrUndefined, readLesson: readLocalLesson },
    gitIdentity,
  });
  context.subscriptions.push(
    registerChangesSinceApproval(features.reviews),
    registerReviewHistory(features.reviews),
    registerHealthReport(features.outline.indexer),
  );
  void vscode.commands.executeCommand('setContext', 'courseReview.nodeHost', true);
  // Folders that are not local (a repository opened remotely) have their configuration read ahead;
  // loading it checks the open lessons again.
  if (vscode.workspace.workspaceFolders?.some((folder) => folder.uri.scheme !== 'file')) void features.configs.load();
  features.linter.lintOpenDocuments();
  const { linter, queue, outline, findingsStatusBar } = features;
  return { linter, queue, outline, findingsStatusBar };
}

export function deactivate(): void {}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

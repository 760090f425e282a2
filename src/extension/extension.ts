import * as vscode from 'vscode';
import { CodeActionProvider } from './codeActions';
import { COMMANDS } from './commands/ids';
import { lintWorkspace } from './commands/lintWorkspace';
import { openRuleDoc } from './commands/openRuleDoc';
import { registerCreateConfig } from './commands/createConfig';
import { ConfigService } from './config';
import { FixAllProvider, fixAllInActiveEditor } from './fixAll';
import { CourseModel } from './course/courseModel';
import { ModuleFindings } from './course/moduleFindings';
import { LESSON_SELECTOR } from './lessonFiles';
import { LintClient } from './lint/client';
import { LessonLinter } from './linter';
import { CourseOutline } from './outline/view';
import { ReviewQueue } from './queue/view';
import { ReviewCodeLensProvider } from './review/codeLens';
import { registerChangesSinceApproval } from './review/changesSinceApproval';
import { registerReviewHistory } from './review/reviewHistory';
import { registerReviewCommands } from './review/commands';
import { IdentityResolver } from './review/identity';
import { ReviewStates } from './review/states';
import { ReviewStatusBar } from './review/statusBar';
import { FindingsStatusBar } from './statusBar';

/** What the extension hands to other extensions and to its integration tests. */
export interface CourseReviewApi {
  linter: LessonLinter;
  queue: ReviewQueue;
  outline: CourseOutline;
  findingsStatusBar: FindingsStatusBar;
}

/** The lint worker's heap: far above any lesson up to `maxLessonSize`, far below what would hurt the machine. */
const WORKER_MEMORY_MB = 512;

/** Wiring only: no workspace scan here; open lessons are linted as they are seen, the queue and the outline read the workspace when first shown. */
export function activate(context: vscode.ExtensionContext): CourseReviewApi {
  const docUri = (ruleId: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  const configs = new ConfigService();
  const client = new LintClient({
    script: vscode.Uri.joinPath(context.extensionUri, 'dist', 'lintWorker.js').fsPath,
    budgetMs: () => 1000 * vscode.workspace.getConfiguration('courseReview').get<number>('checkTimeout', 5),
    memoryMb: WORKER_MEMORY_MB,
  });
  const course = new CourseModel(configs);
  const modules = new ModuleFindings(course, client, configs);
  const linter = new LessonLinter(configs, client, course, modules);
  const reviews = new ReviewStates(linter, configs);
  const identity = new IdentityResolver(context.globalState);
  const queue = new ReviewQueue(configs, identity, context.workspaceState, client);
  const outline = new CourseOutline(course, client, configs, modules, linter);
  const findingsStatusBar = new FindingsStatusBar(linter);
  context.subscriptions.push(
    { dispose: () => client.dispose() },
    configs,
    course,
    modules,
    linter,
    reviews,
    findingsStatusBar,
    new ReviewStatusBar(reviews),
    new ReviewCodeLensProvider(reviews),
    registerReviewCommands({ reviews, identity }),
    registerChangesSinceApproval(reviews),
    registerReviewHistory(reviews),
    registerCreateConfig(),
    queue,
    outline,
    vscode.languages.registerCodeActionsProvider(LESSON_SELECTOR, new CodeActionProvider(linter), CodeActionProvider.metadata),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace.id, () => lintWorkspace(linter, configs)),
    vscode.languages.registerCodeActionsProvider(LESSON_SELECTOR, new FixAllProvider(configs, client), FixAllProvider.metadata),
    vscode.commands.registerCommand(COMMANDS.fixAll.id, () => fixAllInActiveEditor(configs, client)),
    vscode.commands.registerCommand(COMMANDS.openRuleDoc.id, (ruleId?: string) => openRuleDoc(docUri, ruleId)),
  );
  linter.lintOpenDocuments();
  return { linter, queue, outline, findingsStatusBar };
}

export function deactivate(): void {}

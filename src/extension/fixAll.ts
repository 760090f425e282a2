import * as vscode from 'vscode';
import { fixSummary, type FixChange } from '../core';
import { COMMANDS } from './commands/ids';
import type { ConfigService } from './config';
import { LESSON_SELECTOR } from './lessonFiles';
import type { LintRunner } from './lint/runner';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('courseReview');

interface FixAllEdit {
  edit: vscode.WorkspaceEdit;
  fixed: number;
  changes: FixChange[];
}

/**
 * The edit that turns the document into its fixed text (one replacement of the part that changed),
 * computed on the lint worker; undefined when there is nothing to fix, the document changed
 * meanwhile, or the check was stopped.
 */
export async function fixAllEdit(
  document: vscode.TextDocument,
  configs: ConfigService,
  client: LintRunner,
): Promise<FixAllEdit | undefined> {
  if (!configs.isLesson(document)) return undefined;
  const config = configs.forDocument(document.uri);
  if (!config.ok) return undefined;
  const before = document.getText();
  const version = document.version;
  const outcome = await client.request({ method: 'fixAll', text: before }, config.config);
  if (outcome.kind !== 'answered' || outcome.response.method !== 'fixAll' || document.version !== version) return undefined;
  const { text: after, changes } = outcome.response;
  if (changes.length === 0 || after === before) return undefined;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(
    document.uri,
    new vscode.Range(document.positionAt(prefix), document.positionAt(before.length - suffix)),
    after.slice(prefix, after.length - suffix),
  );
  return { edit, fixed: changes.length, changes };
}

/** `source.fixAll.courseReview`, for `editor.codeActionsOnSave` (opt-in). */
export class FixAllProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [FIX_ALL_KIND] };

  constructor(
    private readonly configs: ConfigService,
    private readonly client: LintRunner,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !FIX_ALL_KIND.intersects(context.only)) return [];
    const result = await fixAllEdit(document, this.configs, this.client);
    if (!result) return [];
    const action = new vscode.CodeAction(`Course Review: fix ${result.fixed} ${result.fixed === 1 ? 'finding' : 'findings'}`, FIX_ALL_KIND);
    action.edit = result.edit;
    return [action];
  }
}

/**
 * The Fix All command: applies every safe fix to the active lesson as one undoable edit, and says
 * what it changed ("2 fixes: utilize → use, in order to → to"). Resolves to that message.
 */
export async function fixAllInActiveEditor(configs: ConfigService, client: LintRunner): Promise<string | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  const result = await fixAllEdit(document, configs, client);
  if (!result) {
    const message = 'Course Review: nothing to fix safely in this lesson.';
    void vscode.window.showInformationMessage(message);
    return message;
  }
  if (!(await vscode.workspace.applyEdit(result.edit))) return undefined;
  const message = `Course Review: ${fixSummary(result.changes)}. Undo (Ctrl+Z) takes them all back.`;
  void vscode.window.showInformationMessage(message);
  return message;
}

/** Fix All: the command, and `source.fixAll.courseReview` for `editor.codeActionsOnSave`. */
export function registerFixAll(configs: ConfigService, client: LintRunner): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(LESSON_SELECTOR, new FixAllProvider(configs, client), FixAllProvider.metadata),
    vscode.commands.registerCommand(COMMANDS.fixAll.id, () => fixAllInActiveEditor(configs, client)),
  );
}

import { basename } from 'node:path';
import * as vscode from 'vscode';
import { withoutReviewBlock, type RoleState } from '../../core';
import { approvedVersion } from '../../git/approvedVersion';
import { COMMANDS } from '../commands/ids';
import type { ReviewStates } from './states';

/** Read-only documents of the two sides: the lesson as approved, and as it is now, each without its review block. */
export const APPROVED_SCHEME = 'course-review-approved';

interface Args {
  uri?: vscode.Uri | string;
  role?: string;
}

/**
 * Show Changes Since Approval: for a stale approval, VS Code's diff editor between the lesson at
 * the commit whose content was approved and the lesson now, review blocks left out. Reads git
 * history only in a trusted workspace, with every repository-configured program turned off.
 */
export function registerChangesSinceApproval(reviews: ReviewStates): vscode.Disposable {
  const contents = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = { provideTextDocumentContent: (uri) => contents.get(uri.toString()) ?? '' };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(APPROVED_SCHEME, provider),
    vscode.commands.registerCommand(COMMANDS.showChangesSinceApproval.id, (args?: unknown) => showChanges(argsOf(args), reviews, contents)),
  );
}

async function showChanges(args: Args, reviews: ReviewStates, contents: Map<string, string>): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      "Course Review: Show Changes Since Approval reads the lesson's git history, which it does only in a trusted workspace. " +
        'Trust this workspace to use it.',
    );
    return false;
  }
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : (args.uri ?? vscode.window.activeTextEditor?.document.uri);
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Course Review: open a lesson saved in a git repository to see what changed since its approval.');
    return false;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const stale = reviews.forDocument(document)?.states.filter((state) => state.status === 'stale') ?? [];
  const state =
    args.role === undefined
      ? stale.length === 1
        ? stale[0]
        : await pickRole(stale)
      : stale.find((candidate) => candidate.role.name === args.role);
  if (!state?.record?.fingerprint) {
    if (args.role !== undefined || stale.length === 0)
      void vscode.window.showInformationMessage(
        `Course Review: ` +
          `${args.role ? `the ${args.role} approval of this lesson is not stale` : 'no approval of this lesson is stale'}, so ` +
          `nothing has changed since.`,
      );
    return false;
  }
  const approved = approvedVersion(uri.fsPath, state.record.fingerprint);
  if (approved.kind === 'refused') {
    void vscode.window.showWarningMessage(`Course Review: ${approved.message}`);
    return false;
  }
  const commit = approved.version.commit.slice(0, 7);
  const before = uri.with({
    scheme: APPROVED_SCHEME,
    query: `approved=${approved.version.commit}&role=${encodeURIComponent(state.role.name)}`,
  });
  const after = uri.with({ scheme: APPROVED_SCHEME, query: `now=${document.version}&role=${encodeURIComponent(state.role.name)}` });
  contents.set(before.toString(), withoutReviewBlock(approved.text));
  contents.set(after.toString(), withoutReviewBlock(document.getText()));
  await vscode.commands.executeCommand(
    'vscode.diff',
    before,
    after,
    `${basename(uri.fsPath)}: as ${state.role.label} approved (${commit}, ${approved.version.date.slice(0, 10)}) ↔ now`,
  );
  return true;
}

async function pickRole(stale: readonly RoleState[]): Promise<RoleState | undefined> {
  if (stale.length === 0) return undefined;
  const picked = await vscode.window.showQuickPick(
    stale.map((state) => ({ label: state.role.label, state })),
    { title: 'Course Review: changes since whose approval?' },
  );
  return picked?.state;
}

function argsOf(args: unknown): Args {
  if (args instanceof vscode.Uri) return { uri: args };
  return typeof args === 'object' && args !== null ? (args as Args) : {};
}

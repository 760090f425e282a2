import * as vscode from 'vscode';
import type { ReviewActionKind } from '../../core';
import { COMMANDS } from '../commands/ids';
import { ACTION_TITLES, runReviewAction, type ReviewCommandArgs, type ReviewServices } from './actions';
import { stateSummary } from './labels';

const ACTION_COMMANDS: Record<ReviewActionKind, string> = {
  approve: COMMANDS.approve.id,
  'request-changes': COMMANDS.requestChanges.id,
  request: COMMANDS.requestReview.id,
  waive: COMMANDS.waive.id,
  withdraw: COMMANDS.withdraw.id,
};

const ACTION_ICONS: Record<ReviewActionKind, string> = {
  approve: 'check',
  'request-changes': 'comment-discussion',
  request: 'person-add',
  waive: 'debug-step-over',
  withdraw: 'discard',
};

/** Approve…, Request Changes…, Request Review…, Waive Review…, Withdraw Sign-off… and Review Actions…. */
export function registerReviewCommands(services: ReviewServices): vscode.Disposable {
  const kinds = Object.keys(ACTION_COMMANDS) as ReviewActionKind[];
  return vscode.Disposable.from(
    ...kinds.map((kind) =>
      vscode.commands.registerCommand(ACTION_COMMANDS[kind], (args?: unknown) => runReviewAction(kind, commandArgs(args), services)),
    ),
    vscode.commands.registerCommand(COMMANDS.reviewActions.id, (args?: unknown) => pickAction(commandArgs(args), services)),
  );
}

/** The quick pick behind the CodeLens and the status bar: every action, for one role or any. */
async function pickAction(args: ReviewCommandArgs, services: ReviewServices): Promise<boolean> {
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : (args.uri ?? vscode.window.activeTextEditor?.document.uri);
  if (!uri) {
    void vscode.window.showWarningMessage('Course Review: open a lesson to review it.');
    return false;
  }
  const review = services.reviews.forDocument(await vscode.workspace.openTextDocument(uri));
  const state = args.role === undefined ? undefined : review?.states.find((candidate) => candidate.role.name === args.role);
  const kinds = (Object.keys(ACTION_TITLES) as ReviewActionKind[]).filter((kind) => kind !== 'withdraw' || !state || state.record);
  const items: Array<{ label: string; action: ReviewActionKind | 'diff' | 'history' }> = kinds.map((kind) => ({
    label: `$(${ACTION_ICONS[kind]}) ${ACTION_TITLES[kind]}`,
    action: kind,
  }));
  // A stale approval: what changed since comes first, before signing again.
  if (state?.status === 'stale') items.unshift({ label: `$(diff) ${COMMANDS.showChangesSinceApproval.title}`, action: 'diff' });
  items.push({ label: `$(history) ${COMMANDS.showReviewHistory.title}`, action: 'history' });
  const picked = await vscode.window.showQuickPick(items, {
    title: state ? `${state.role.label} review — ${stateSummary(state)}` : 'Course Review: review this lesson',
    placeHolder: 'What would you like to do?',
  });
  if (picked?.action === 'diff')
    return vscode.commands.executeCommand<boolean>(COMMANDS.showChangesSinceApproval.id, { uri, role: args.role });
  if (picked?.action === 'history')
    return (await vscode.commands.executeCommand<unknown[] | undefined>(COMMANDS.showReviewHistory.id, { uri })) !== undefined;
  return picked ? runReviewAction(picked.action, { ...args, uri }, services) : false;
}

/** A command's argument: `{ uri?, role?, … }`, a lesson's Uri (from a menu), or nothing (the palette). */
function commandArgs(args: unknown): ReviewCommandArgs {
  if (args instanceof vscode.Uri) return { uri: args };
  return typeof args === 'object' && args !== null ? (args as ReviewCommandArgs) : {};
}

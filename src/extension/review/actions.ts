import * as vscode from 'vscode';
import {
  basename,
  displayIdentity,
  otherAssignee,
  parseIdentity,
  writeReview,
  type Identity,
  type ReviewAction,
  type ReviewActionKind,
  type ReviewWrite,
  type RoleState,
} from '../../core';
import type { IdentityResolver } from './identity';
import { askDue, askNote, pickReviewer, pickRole } from './prompts';
import type { ReviewStates } from './states';
import { localToday } from './today';

/** What a caller (CodeLens, status bar, a test) may settle in advance; anything missing is asked for. */
export interface ReviewCommandArgs {
  uri?: vscode.Uri | string;
  role?: string;
  note?: string;
  /** For Request Review: who should review ('' for no particular reviewer). */
  reviewer?: string;
  /** For Request Review: YYYY-MM-DD ('' for the role's default). */
  due?: string;
  /** Who signs, like the CLI's --as; else the setting, git, or a prompt. */
  as?: string;
  /** Sign a review assigned to someone else without asking first (like the CLI's --reassign). */
  reassign?: boolean;
}

/** What a review action did: the signer and the confirmation shown, or why nothing was written. */
export type ReviewOutcome = { kind: 'applied'; document: vscode.TextDocument; message: string } | { kind: 'not-applied' };

export interface ReviewServices {
  reviews: ReviewStates;
  identity: IdentityResolver;
}

export const ACTION_TITLES: Record<ReviewActionKind, string> = {
  approve: 'Approve',
  'request-changes': 'Request Changes',
  request: 'Request Review',
  waive: 'Waive Review',
  withdraw: 'Withdraw Sign-off',
};

/** The confirmation in the status bar, with the icon of the state the review is now in (as the queue shows it). */
export const CONFIRMATIONS: Record<ReviewActionKind, { icon: string; done: string }> = {
  approve: { icon: '$(check)', done: 'approved' },
  'request-changes': { icon: '$(comment-discussion)', done: 'changes requested' },
  request: { icon: '$(clock)', done: 'review requested' },
  waive: { icon: '$(debug-step-over)', done: 'review waived' },
  withdraw: { icon: '$(discard)', done: 'review withdrawn' },
};

/**
 * Runs one review action on a lesson: asks for the role and what the action needs, writes the
 * record through the core, and applies it as one undoable edit. Resolves to true when applied.
 */
export async function runReviewAction(kind: ReviewActionKind, args: ReviewCommandArgs, services: ReviewServices): Promise<boolean> {
  return (await reviewAction(kind, args, services)).kind === 'applied';
}

/** As `runReviewAction`, saying what was applied: the queue offers to undo it. */
export async function reviewAction(kind: ReviewActionKind, args: ReviewCommandArgs, services: ReviewServices): Promise<ReviewOutcome> {
  const notApplied: ReviewOutcome = { kind: 'not-applied' };
  const document = await targetDocument(args.uri);
  if (!document) {
    void vscode.window.showWarningMessage('Course Review: open a lesson to review it.');
    return notApplied;
  }
  const review = services.reviews.forDocument(document);
  if (!review) {
    void vscode.window.showWarningMessage(
      `Course Review: ${basename(document.uri.path)} is not a lesson (see "lessons" in .coursereview.json), ` +
        `or its .coursereview.json has errors.`,
    );
    return notApplied;
  }
  const title = `${ACTION_TITLES[kind]} — ${basename(document.uri.path)}`;
  const state =
    args.role === undefined
      ? await askRole(kind, review.states, title)
      : review.states.find((candidate) => candidate.role.name === args.role);
  if (!state) {
    if (args.role !== undefined)
      void vscode.window.showErrorMessage(
        `Course Review: unknown review role "${args.role}", expected one of ${review.states.map((known) => known.role.name).join(', ')}.`,
      );
    return notApplied;
  }
  const identity = await whoSigns(kind, state, args, document, services.identity);
  if (identity === 'cancelled') return notApplied;
  const signer = identity && displayIdentity(identity);
  if (identity && SIGN_OFFS.has(kind) && !args.reassign && !(await confirmReassign(kind, state, identity, title))) return notApplied;
  const today = localToday();
  const action = await askAction(kind, state, args, signer ? `${title} as ${signer}` : title, today);
  if (!action) return notApplied;
  const written = writeReview(document.getText(), action, { identity, today, roles: review.config.roles });
  if (written.kind === 'refused') {
    showRefusal(document, written);
    return notApplied;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of written.edits)
    edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text);
  if (!(await vscode.workspace.applyEdit(edit))) return notApplied;
  services.reviews.refresh(document.uri);
  const { icon, done } = CONFIRMATIONS[kind];
  const message = `Course Review: ${state.role.label} ${done}${signer ? ` by ${signer}` : ''}`;
  vscode.window.setStatusBarMessage(`${icon} ${message}`, 4000);
  return { kind: 'applied', document, message };
}

const SIGN_OFFS: ReadonlySet<ReviewActionKind> = new Set(['approve', 'request-changes', 'waive']);

/**
 * Signing a review assigned to someone else makes you its reviewer in their place: asked first,
 * in a quick pick (Escape keeps theirs). True when there is nobody else or the signer confirms.
 */
async function confirmReassign(kind: ReviewActionKind, state: RoleState, identity: Identity, title: string): Promise<boolean> {
  const assignee = otherAssignee(state.record?.reviewer, identity);
  if (!assignee) return true;
  const signer = displayIdentity(identity);
  const verb = ACTION_TITLES[kind];
  const picked = await vscode.window.showQuickPick(
    [
      { label: `$(person) ${verb} as ${signer}`, description: `you become the ${state.role.label} reviewer`, confirmed: true },
      { label: '$(close) Cancel', description: `leave it to ${assignee}`, confirmed: false },
    ],
    {
      title: `${title}: this ${state.role.label} review is assigned to ${assignee}`,
      placeHolder: `${verb} it as ${signer} instead?`,
      ignoreFocusOut: true,
    },
  );
  return picked?.confirmed === true;
}

async function targetDocument(uri: vscode.Uri | string | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri === undefined) return vscode.window.activeTextEditor?.document;
  return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
}

async function askRole(kind: ReviewActionKind, states: readonly RoleState[], title: string): Promise<RoleState | undefined> {
  const candidates = kind === 'withdraw' ? states.filter((state) => state.record) : states;
  if (candidates.length > 0) return pickRole(candidates, title);
  void vscode.window.showInformationMessage('Course Review: this lesson has no review to withdraw.');
  return undefined;
}

async function askAction(
  kind: ReviewActionKind,
  state: RoleState,
  args: ReviewCommandArgs,
  title: string,
  today: string,
): Promise<ReviewAction | undefined> {
  const role = state.role.name;
  const label = state.role.label;
  switch (kind) {
    case 'approve': {
      const note = args.note ?? (await askNote(title, `Approve the ${label} review. Add a note if you like, then press Enter.`, false));
      return note === undefined ? undefined : { kind, role, note: note.trim() || undefined };
    }
    case 'request-changes': {
      const note = args.note ?? (await askNote(title, `What should change before ${label} can approve?`, true));
      return note === undefined ? undefined : { kind, role, note };
    }
    case 'waive': {
      const note = args.note ?? (await askNote(title, `Why is a ${label} review not needed for this lesson?`, true));
      return note === undefined ? undefined : { kind, role, note };
    }
    case 'request': {
      const reviewer = args.reviewer ?? (await pickReviewer(state, `${title}: who should review?`));
      if (reviewer === undefined) return undefined;
      const due = args.due ?? (await askDue(state, today, `${title}: due when?`));
      if (due === undefined) return undefined;
      return { kind, role, reviewer: reviewer.trim() || undefined, due: due.trim() || undefined, note: args.note?.trim() || undefined };
    }
    case 'withdraw':
      return { kind, role };
  }
}

/** The signer, when the action needs one; 'cancelled' when the author dismissed the prompt. */
async function whoSigns(
  kind: ReviewActionKind,
  state: RoleState,
  args: ReviewCommandArgs,
  document: vscode.TextDocument,
  resolver: IdentityResolver,
): Promise<Identity | undefined | 'cancelled'> {
  if (args.as !== undefined) return parseIdentity(args.as);
  const signOff = kind === 'approve' || kind === 'request-changes' || kind === 'waive';
  const signedBefore = state.record?.status !== undefined && state.record.status !== 'requested';
  const guardedWithdraw = kind === 'withdraw' && state.role.reviewers.length > 0 && signedBefore;
  if (!signOff && !guardedWithdraw) return undefined;
  return (await resolver.resolve(document.uri, { ask: true })) ?? 'cancelled';
}

function showRefusal(document: vscode.TextDocument, refusal: Extract<ReviewWrite, { kind: 'refused' }>) {
  const message = `Course Review: ${refusal.message}`;
  if (!refusal.range) {
    void vscode.window.showErrorMessage(message);
    return;
  }
  const selection = new vscode.Range(document.positionAt(refusal.range.start), document.positionAt(refusal.range.end));
  void vscode.window
    .showErrorMessage(message, 'Go to Problem')
    .then((choice) => choice && vscode.window.showTextDocument(document, { selection }));
}

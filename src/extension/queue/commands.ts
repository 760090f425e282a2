import * as vscode from 'vscode';
import { GROUP_BYS, type GroupBy } from '../../core';
import { COMMANDS } from '../commands/ids';
import type { ReviewCommandArgs } from '../review/actions';
import { localToday } from '../review/today';
import { GROUPINGS } from './labels';
import { lessonWebUrl } from './gitWebLink';
import { reminderText } from './reminder';
import type { QueueNode, ReviewNode } from './tree';

/** Group By…: a quick pick of the groupings, the current one first and marked. */
export async function pickGrouping(current: GroupBy): Promise<GroupBy | undefined> {
  const items = GROUP_BYS.map((by) => ({
    label: GROUPINGS[by].label,
    description: by === current ? `${GROUPINGS[by].description} (current)` : GROUPINGS[by].description,
    by,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Course Review: group the review queue by', placeHolder: 'Group by…' });
  return picked?.by;
}

export function isGrouping(value: unknown): value is GroupBy {
  return typeof value === 'string' && Object.hasOwn(GROUPINGS, value);
}

/**
 * Opens the lesson at its front matter, where the review records are. A lesson opened afresh is
 * already there; moving the selection only when needed keeps the review CodeLens above line 1 in view.
 */
export async function openLesson(node: QueueNode | vscode.Uri | undefined): Promise<void> {
  const uri = node instanceof vscode.Uri ? node : node && 'uri' in node ? node.uri : undefined;
  if (!uri) return;
  const editor = await vscode.window.showTextDocument(uri, { preview: true });
  if (editor.selection.active.line === 0 && (editor.visibleRanges[0]?.start.line ?? 0) === 0) return;
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
}

/**
 * Copy Reminder: the reminder message for a review, on the clipboard. The lesson is named by its
 * workspace-relative path, and linked by its page on the repository's web host when the git remote
 * gives one (a local file link would mean nothing in a chat). Resolves to the text copied.
 */
export async function copyReminder(node: ReviewNode | undefined): Promise<string | undefined> {
  if (node?.kind !== 'review') return undefined;
  const text = reminderText(node.item, node.item.file, await lessonWebUrl(node.uri), localToday());
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) Course Review: reminder for the ${node.item.label} review copied`, 4000);
  return text;
}

/** The review commands an item in the queue offers, run for that item's lesson and role. */
export const QUEUE_REVIEW_COMMANDS: ReadonlyArray<{ id: string; runs: string }> = [
  { id: COMMANDS.queueApprove.id, runs: COMMANDS.approve.id },
  { id: COMMANDS.queueRequestChanges.id, runs: COMMANDS.requestChanges.id },
  { id: COMMANDS.queueRequestReview.id, runs: COMMANDS.requestReview.id },
  { id: COMMANDS.queueWaive.id, runs: COMMANDS.waive.id },
];

/**
 * Runs a review command for a queue item (or `{ uri, role, note?, as?, … }` from a caller). The
 * lesson opens first, so that the reviewer sees what they sign. A sign-off made from the queue is
 * saved at once (the lesson may have been closed), unless the lesson already had unsaved changes
 * (then it stays an unsaved edit, like one made in the editor); the confirmation offers Undo.
 */
export async function reviewFromQueue(command: string, args: (ReviewNode | ReviewCommandArgs) | undefined): Promise<boolean> {
  if (!args?.uri || !args.role) return false;
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
  const { note, reviewer, due, as, reassign } = 'kind' in args ? ({} as ReviewCommandArgs) : args;
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true });
  const dirtyBefore = document.isDirty;
  const before = document.getText();
  const forwarded = Object.fromEntries(
    Object.entries({ uri, role: args.role, note, reviewer, due, as, reassign }).filter(([, value]) => value !== undefined),
  );
  const applied = await vscode.commands.executeCommand<boolean>(command, forwarded);
  if (applied !== true) return false;
  if (!dirtyBefore) await document.save();
  const name = vscode.workspace.asRelativePath(uri);
  void vscode.window
    .showInformationMessage(
      `Course Review: ${COMMAND_DONE[command] ?? 'review recorded'} in ` +
        `${name}${dirtyBefore ? ' (unsaved, like your other changes)' : ', saved'}.`,
      'Undo',
    )
    .then((choice) => {
      if (choice === 'Undo') void undoQueueReview(document, before, !dirtyBefore);
    });
  return true;
}

const COMMAND_DONE: Record<string, string> = {
  [COMMANDS.approve.id]: 'approval recorded',
  [COMMANDS.requestChanges.id]: 'change request recorded',
  [COMMANDS.requestReview.id]: 'review request recorded',
  [COMMANDS.waive.id]: 'waiver recorded',
};

/** Takes back a sign-off made from the queue, with the editor's own Undo, if nothing was typed since. */
async function undoQueueReview(document: vscode.TextDocument, before: string, save: boolean): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('undo');
  if (document.getText() !== before) {
    void vscode.window.showWarningMessage(
      'Course Review: the lesson changed after the sign-off, so Undo took back only the latest edit. Use Edit › Undo to go further.',
    );
    return;
  }
  if (save) await document.save();
}

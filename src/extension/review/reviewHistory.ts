import { basename } from 'node:path';
import * as vscode from 'vscode';
import { lessonAt, lessonHistory } from '../../git/lessonHistory';
import type { ReviewEvent } from '../../git/reviewEvents';
import { COMMANDS } from '../commands/ids';
import type { ReviewStates } from './states';

/** Read-only documents of a lesson as a commit stored it. */
export const HISTORY_SCHEME = 'course-review-history';

const STATUS_ICONS: Record<string, string> = {
  approved: 'pass',
  waived: 'circle-slash',
  'changes-requested': 'request-changes',
  requested: 'mail',
  withdrawn: 'trash',
};

interface EventItem extends vscode.QuickPickItem {
  event: ReviewEvent;
}

/**
 * Show Review History: every review event of the lesson from git, newest first, each sign-off
 * marked as verify judges it; choosing one opens the lesson as that commit stored it beside the
 * lesson now. Reads git history only in a trusted workspace, with repository programs turned off.
 */
export function registerReviewHistory(reviews: ReviewStates): vscode.Disposable {
  const contents = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = { provideTextDocumentContent: (uri) => contents.get(uri.toString()) ?? '' };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(HISTORY_SCHEME, provider),
    vscode.commands.registerCommand(COMMANDS.showReviewHistory.id, (args?: unknown) => showHistory(uriOf(args), reviews, contents)),
  );
}

/** Shows the pick and returns the events it lists (newest first), or undefined when there is nothing to show. */
async function showHistory(
  given: vscode.Uri | undefined,
  reviews: ReviewStates,
  contents: Map<string, string>,
): Promise<ReviewEvent[] | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      "Course Review: Show Review History reads the lesson's git history, which it does only in a trusted workspace. " +
        'Trust this workspace to use it.',
    );
    return undefined;
  }
  const uri = given ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Course Review: open a lesson saved in a git repository to see its review history.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const states = reviews.forDocument(document)?.states;
  const history = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Reading review history…' },
    async () =>
      lessonHistory(
        uri.fsPath,
        states?.map((state) => state.role),
      ),
  );
  if (history.kind === 'refused') {
    void vscode.window.showWarningMessage(`Course Review: ${history.message}`);
    return undefined;
  }
  const name = basename(uri.fsPath);
  if (history.events.length === 0) {
    void vscode.window.showInformationMessage(`Course Review: no review of ${name} is in its git history yet.`);
    return undefined;
  }
  const labels = new Map(states?.map((state) => [state.role.name, state.role.label]));
  const events = [...history.events].reverse();
  const pick = vscode.window.createQuickPick<EventItem>();
  pick.title = `Review history of ${name}`;
  pick.placeholder = 'Choose an event to compare the lesson as that commit stored it with the lesson now';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = events.map((event) => item(event, labels.get(event.role) ?? event.role));
  pick.onDidAccept(async () => {
    const chosen = pick.selectedItems[0]?.event;
    pick.hide();
    if (!chosen) return;
    const text = lessonAt(history.root, chosen.commit, chosen.path);
    if (text === undefined) return;
    const before = uri.with({ scheme: HISTORY_SCHEME, path: `${uri.path}`, query: `commit=${chosen.commit}` });
    contents.set(before.toString(), text);
    await vscode.commands.executeCommand(
      'vscode.diff',
      before,
      uri,
      `${name}: at ${chosen.commit.slice(0, 7)} (${labels.get(chosen.role) ?? chosen.role} ${chosen.status}, ` +
        `${chosen.date.slice(0, 10)}) ↔ now`,
    );
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return events;
}

function item(event: ReviewEvent, label: string): EventItem {
  const verdict =
    event.accepted === undefined ? '' : event.accepted ? '$(verified) accepted · ' : `$(warning) not accepted: ${event.reason} · `;
  return {
    label:
      `$(${STATUS_ICONS[event.status] ?? 'circle'}) ${label} ` +
      `${event.status.replace('-', ' ')}${event.reviewer ? ` by ${event.reviewer}` : ''}`,
    description: `${event.date.slice(0, 10)} · ${event.commit.slice(0, 7)}`,
    detail: `${verdict}committed by ${event.author}${event.path ? ` · ${event.path}` : ''}`,
    event,
  };
}

function uriOf(args: unknown): vscode.Uri | undefined {
  if (args instanceof vscode.Uri) return args;
  if (typeof args === 'object' && args !== null && 'uri' in args) {
    const value = (args as { uri: unknown }).uri;
    if (value instanceof vscode.Uri) return value;
    if (typeof value === 'string') return vscode.Uri.parse(value);
  }
  return undefined;
}

import * as vscode from 'vscode';
import { dueDateProblem, exampleDue, suggestedDue, type RoleState } from '../../core';
import { stateDetail, stateSummary } from './labels';

/** Which role: each shown with its review as the lesson stands ("Legal — requested, due in 3 days"). */
export async function pickRole(states: readonly RoleState[], title: string): Promise<RoleState | undefined> {
  const items = states.map((state) => ({ label: state.role.label, description: stateSummary(state), detail: stateDetail(state), state }));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Which review?', matchOnDescription: true });
  return picked?.state;
}

/**
 * Who should review: the role's reviewers list and the current reviewer, or any name typed in.
 * Resolves to '' for no particular reviewer, undefined when cancelled.
 */
export function pickReviewer(state: RoleState, title: string): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { value: string };
  const current = state.record?.reviewer;
  const known = [...new Set([...(current ? [current] : []), ...state.role.reviewers])];
  const listed: Item[] = [
    ...known.map((reviewer) => ({
      label: reviewer,
      value: reviewer,
      description: reviewer === current ? 'current reviewer' : `on the ${state.role.label} reviewers list`,
    })),
    ...(state.role.reviewers.length === 0
      ? [
          {
            label: current ? 'Keep the current reviewer' : 'No particular reviewer',
            value: '',
            description: current ? '' : 'anyone may review',
          },
        ]
      : []),
  ];
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = title;
  pick.placeholder =
    known.length > 0
      ? 'Pick a reviewer, or type a name or email address'
      : 'Type a name or email address, or press Enter for no particular reviewer';
  pick.ignoreFocusOut = true;
  pick.items = listed;
  return new Promise((resolve) => {
    let chosen: string | undefined;
    pick.onDidChangeValue((value) => {
      const typed = value.trim();
      const isListed = known.some((reviewer) => reviewer.toLowerCase() === typed.toLowerCase());
      pick.items = typed && !isListed ? [{ label: typed, value: typed, description: 'as typed', alwaysShow: true }, ...listed] : listed;
    });
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.value ?? pick.value.trim();
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}

/**
 * The due date, filled in with the role's default (today + `dueInDays`), so that Enter accepts a
 * valid date. Resolves to '' for no due date, undefined when cancelled.
 */
export function askDue(state: RoleState, today: string, title: string): Thenable<string | undefined> {
  const suggested = suggestedDue(today, state.role.dueInDays);
  const example = exampleDue(today, state.role.dueInDays);
  return vscode.window.showInputBox({
    title,
    prompt: suggested
      ? `Due date, YYYY-MM-DD (${state.role.label} reviews are due in ${state.role.dueInDays} days by default).`
      : `Due date, YYYY-MM-DD (e.g. ${example}), or leave empty for none.`,
    value: suggested ?? '',
    ignoreFocusOut: true,
    validateInput: (value) => dueDateProblem(value, today, example),
  });
}

/** A note: required for a change request or a waiver, optional for an approval. Undefined when cancelled. */
export function askNote(title: string, prompt: string, required: boolean): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt,
    ignoreFocusOut: true,
    validateInput: (value) => (required && value.trim() === '' ? 'A note is needed here.' : undefined),
  });
}

import { readEntry, reviewRecordLines, reviewStates, sameSignOff, signOffsOf, triggerCounts, type ResolvedConfig, type RoleState, type SignOff } from '../core';
import { FETCH_FULL_HISTORY, ReviewHistory } from './reviewHistory';
import type { LineageStep } from './treeLog';

/** Why a lesson's reviews do not pass. */
export type VerifyKind = 'unverified' | 'uncommitted' | 'stale' | 'required' | 'unreadable';

export interface VerifyFinding {
  /** As shown to the user (relative to the working directory). */
  file: string;
  /** 1-based: the role's record in the front matter, or 1. */
  line: number;
  role: string | undefined;
  kind: VerifyKind;
  message: string;
  /** The commit that wrote the sign-off, when one did. */
  commit?: string;
}

export interface LessonToVerify {
  /** Relative to the repository's root, with `/`. */
  path: string;
  file: string;
  text: string;
  config: ResolvedConfig;
  /** For a lesson as staged for the next commit: its sign-offs at HEAD, and that commit about to be made. */
  staged?: { head: ReadonlyMap<string, SignOff>; step: LineageStep };
}

export type VerifyOutcome = { kind: 'checked'; findings: VerifyFinding[]; signOffs: number } | { kind: 'shallow'; message: string };

export interface VerifyOptions {
  /** Every required role (always, or triggered by the lesson's claims) must be approved or waived. */
  requireApproved: boolean;
}

interface Pending {
  lesson: LessonToVerify;
  state: RoleState;
  signOff: SignOff;
  line: number;
  introductions: LineageStep[];
}

/**
 * Checks each approval and waiver on record against the history: the commit that wrote it must
 * bear it out (see ReviewHistory.verdict), an approval must match the lesson as it is, and, when
 * asked, every required role must be approved or waived.
 */
export function verifyLessons(history: ReviewHistory, lessons: readonly LessonToVerify[], options: VerifyOptions): VerifyOutcome {
  const findings: VerifyFinding[] = [];
  const pending: Pending[] = [];
  const withSignOffs = lessons.filter((lesson) => /\b(?:approved|waived)\b/.test(lesson.text));
  history.preload(withSignOffs.filter((lesson) => !lesson.staged).map((lesson) => lesson.path));
  for (const lesson of lessons) {
    const entry = readEntry(lesson.file, lesson.text, lesson.config.roles);
    if (entry.problem) {
      findings.push({ file: lesson.file, line: 1, role: undefined, kind: 'unreadable', message: `The reviews cannot be read: ${entry.problem}` });
      continue;
    }
    const records = signOffsOf(entry.review);
    const lines = records.size > 0 ? reviewRecordLines(lesson.text) : new Map<string, number>();
    const lineOf = (role: string) => (lines.get(role) ?? 0) + 1;
    let states = statesOf(entry.review, lesson, entry.fingerprint, new Map());
    if (options.requireApproved && states.some((state) => state.role.required === 'when-triggered' && !passes(state))) {
      states = statesOf(entry.review, lesson, entry.fingerprint, triggerCounts(lesson.text, lesson.config));
    }
    for (const state of states) {
      const signOff = records.get(state.role.name);
      const line = lineOf(state.role.name);
      if (signOff && (signOff.status === 'approved' || signOff.status === 'waived')) {
        const introductions = lesson.staged ? (sameSignOff(lesson.staged.head.get(state.role.name), signOff) ? undefined : [lesson.staged.step]) : history.introductions(lesson.path, state.role.name, signOff);
        // A sign-off a staged commit does not change is the history's to bear out: verify checks it in CI.
        if (introductions) pending.push({ lesson, state, signOff, line, introductions });
      }
      if (state.status === 'stale') {
        findings.push({ file: lesson.file, line, role: state.role.name, kind: 'stale', message: `${labelOf(state)} approval${by(signOff?.reviewer)} is stale: the lesson changed after it was approved.` });
      } else if (options.requireApproved && state.required && !passes(state)) {
        findings.push({ file: lesson.file, line, role: state.role.name, kind: 'required', message: `${labelOf(state)} review is required${triggered(state)} but is ${STATUS_TEXT[state.status] ?? state.status}.` });
      }
    }
  }
  history.preloadConfigs(pending.flatMap(({ introductions }) => introductions.map((step) => ({ step }))));
  for (const item of pending) {
    const outcome = judged(history, item);
    if (outcome.kind === 'shallow') return outcome;
    if (outcome.finding) findings.push(outcome.finding);
  }
  return { kind: 'checked', findings: findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line), signOffs: pending.length };
}

function judged(history: ReviewHistory, { lesson, state, signOff, line, introductions }: Pending): { kind: 'judged'; finding?: VerifyFinding } | { kind: 'shallow'; message: string } {
  const what = `${labelOf(state)} ${signOff.status === 'waived' ? 'waiver' : 'approval'}${by(signOff.reviewer)}`;
  const base = { file: lesson.file, line, role: state.role.name };
  if (introductions.length === 0) {
    if (history.shallow) return { kind: 'shallow', message: `${lesson.file}: no commit this shallow clone holds wrote the ${what}: ${FETCH_FULL_HISTORY}.` };
    return { kind: 'judged', finding: { ...base, kind: 'uncommitted', message: `The ${what} is in no commit: it must be committed by its reviewer.` } };
  }
  const verdicts = introductions.map((step) => ({ step, verdict: history.verdict(step, state.role.name, signOff) }));
  if (verdicts.some(({ verdict }) => verdict.accepted)) return { kind: 'judged' };
  const edge = verdicts.find(({ step }) => history.shallowEdge.has(step.commit.commit));
  if (edge && !edge.verdict.accepted) return { kind: 'shallow', message: `${lesson.file}: ${edge.verdict.reason}.` };
  // The newest commit that is not a merge says best who wrote it; a merge that wrote it alone is judged as its own commit.
  const { step, verdict } = verdicts.find(({ step: candidate }) => candidate.commit.parents.length < 2) ?? verdicts[0];
  const reason = verdict.accepted ? '' : verdict.reason;
  return { kind: 'judged', finding: { ...base, kind: 'unverified', message: `The ${what} is not borne out by git history: ${reason}.`, commit: step.commit.commit } };
}

const STATUS_TEXT: Partial<Record<RoleState['status'], string>> = {
  missing: 'missing',
  requested: 'still requested',
  'changes-requested': 'sent back with changes requested',
};

function statesOf(review: unknown, lesson: LessonToVerify, fingerprint: string | undefined, findingsByRule: ReadonlyMap<string, number>): RoleState[] {
  return reviewStates({ review, roles: lesson.config.roles, fingerprint: () => fingerprint, today: undefined, findingsByRule });
}

function passes(state: RoleState): boolean {
  return state.status === 'approved' || state.status === 'waived';
}

function labelOf(state: RoleState): string {
  return state.role.label;
}

function by(reviewer: string | undefined): string {
  return reviewer ? ` by ${reviewer}` : '';
}

function triggered(state: RoleState): string {
  return state.triggeredBy.length > 0 ? ` (the lesson has findings of ${state.triggeredBy.join(', ')})` : '';
}

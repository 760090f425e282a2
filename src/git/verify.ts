import {
  readEntry,
  reviewRecordLines,
  reviewStates,
  sameSignOff,
  signOffsOf,
  triggerCounts,
  type ResolvedConfig,
  type RoleState,
  type SignOff,
} from '../core';
import { FETCH_FULL_HISTORY, ReviewHistory, type Origin } from './reviewHistory';
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
  /**
   * For a lesson as staged for the next commit: its sign-offs at HEAD (and, when a merge is being
   * committed, in each commit it merges), and that commit about to be made.
   */
  staged?: { head: ReadonlyArray<ReadonlyMap<string, SignOff>>; step: LineageStep };
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
  origin: Origin;
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
      findings.push({
        file: lesson.file,
        line: 1,
        role: undefined,
        kind: 'unreadable',
        message: `The reviews cannot be read: ${entry.problem}`,
      });
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
        // A sign-off a staged commit does not change is the history's to bear out: verify checks it in CI.
        const origin: Origin | undefined = lesson.staged
          ? lesson.staged.head.some((records) => sameSignOff(records.get(state.role.name), signOff))
            ? undefined
            : { kind: 'written', step: lesson.staged.step }
          : history.origin(lesson.path, state.role.name, signOff);
        if (origin) pending.push({ lesson, state, signOff, line, origin });
      }
      if (state.status === 'stale') {
        findings.push({
          file: lesson.file,
          line,
          role: state.role.name,
          kind: 'stale',
          message: `${labelOf(state)} approval${by(signOff?.reviewer)} is stale: the lesson changed after it was approved.`,
        });
      } else if (options.requireApproved && state.required && !passes(state)) {
        findings.push({
          file: lesson.file,
          line,
          role: state.role.name,
          kind: 'required',
          message: `${labelOf(state)} review is required${triggered(state)} but is ${STATUS_TEXT[state.status] ?? state.status}.`,
        });
      }
    }
  }
  history.preloadConfigs(pending.flatMap(({ origin }) => (origin.kind === 'written' ? [origin.step] : [])));
  for (const item of pending) {
    const outcome = judged(history, item);
    if (outcome.kind === 'shallow') return outcome;
    if (outcome.finding) findings.push(outcome.finding);
  }
  return { kind: 'checked', findings: findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line), signOffs: pending.length };
}

function judged(
  history: ReviewHistory,
  { lesson, state, signOff, line, origin }: Pending,
): { kind: 'judged'; finding?: VerifyFinding } | { kind: 'shallow'; message: string } {
  const what = `${labelOf(state)} ${signOff.status === 'waived' ? 'waiver' : 'approval'}${by(signOff.reviewer)}`;
  const base = { file: lesson.file, line, role: state.role.name };
  if (origin.kind === 'beyond-shallow-edge')
    return {
      kind: 'shallow',
      message:
        `${lesson.file}: the commit that wrote the ${what} is beyond the edge of this shallow clone (at ` +
        `${origin.commit.slice(0, 10)}): ${FETCH_FULL_HISTORY}.`,
    };
  if (origin.kind === 'uncommitted')
    return {
      kind: 'judged',
      finding: { ...base, kind: 'uncommitted', message: `The ${what} is in no commit: it must be committed by its reviewer.` },
    };
  const verdict = history.verdict(origin.step, state.role.name, signOff, lesson.config.roles);
  if (verdict.accepted) return { kind: 'judged' };
  if (history.shallowEdge.has(origin.step.commit.commit)) return { kind: 'shallow', message: `${lesson.file}: ${verdict.reason}.` };
  return {
    kind: 'judged',
    finding: {
      ...base,
      kind: 'unverified',
      message: `The ${what} is not borne out by git history: ${verdict.reason}.`,
      commit: origin.step.commit.commit,
    },
  };
}

const STATUS_TEXT: Partial<Record<RoleState['status'], string>> = {
  missing: 'missing',
  requested: 'still requested',
  'changes-requested': 'sent back with changes requested',
};

function statesOf(
  review: unknown,
  lesson: LessonToVerify,
  fingerprint: string | undefined,
  findingsByRule: ReadonlyMap<string, number>,
): RoleState[] {
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

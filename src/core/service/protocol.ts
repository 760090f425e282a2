import type { ResolvedConfig } from '../config/resolve';
import type { PageHints } from '../course/classify';
import type { PageSummary } from '../course/summary';
import type { FixChange } from '../fixAll';
import type { Finding } from '../lint';

/** Where to insert a suppression comment for a finding: offsets into the lesson's text. */
export interface Insertion {
  start: number;
  text: string;
}

/** A finding with the comments that would silence it, computed where the parse is. */
export interface CheckedFinding extends Finding {
  /** Undefined where a comment cannot go (in front matter), or for a finding about the whole check. */
  disableLine: Insertion | undefined;
  disableFile: Insertion | undefined;
}

/** What an editor needs from one check of a lesson, as plain data that crosses a worker boundary. */
export interface LintReport {
  findings: CheckedFinding[];
  /** Flesch-Kincaid grade of the lesson's prose; undefined without prose. */
  grade: number | undefined;
  /** The page as its course sees it: its type, which whole-lesson parts it has, its title line. */
  page: PageSummary;
}

/**
 * A request to the lint service. `configId` names a configuration sent once with `config` and
 * remembered, so that a keystroke does not carry it again.
 */
export type LintRequest =
  | { method: 'lint'; key: string; text: string; configId: number; config?: ResolvedConfig; today: string; page?: PageHints }
  | { method: 'lintOnce'; text: string; configId: number; config?: ResolvedConfig; today: string; page?: PageHints }
  | { method: 'fixAll'; text: string; configId: number; config?: ResolvedConfig }
  | { method: 'triggers'; text: string; configId: number; config?: ResolvedConfig }
  | { method: 'forget'; key: string };

export type LintResponse =
  | { method: 'lint' | 'lintOnce'; report: LintReport }
  | { method: 'fixAll'; text: string; changes: FixChange[] }
  | { method: 'triggers'; counts: Array<[string, number]> }
  | { method: 'forget' }
  | { method: 'error'; message: string }
  | { method: 'unknown-config'; configId: number };

/** A request as it travels: numbered, so that answers can come back in any order. */
export interface Envelope<T> {
  id: number;
  body: T;
}

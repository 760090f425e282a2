import { isMdxPath } from './dialects/mdx';
import type { ResolvedConfig } from './config/resolve';
import type { PageHints } from './course/classify';
import { summarizePage } from './course/pageSummary';
import type { ModuleScoped, PageSummary } from './course/summary';
import type { LessonDocument } from './document/model';
import { parseLesson } from './document/parse';
import { triggeredReviewNote } from './review/roles';
import { RULES } from './rules';
import type { EarlierFinding, Fix, ReviewSettings, Rule, Severity } from './rules/rule';
import { Suppressions } from './suppressions';
import type { Position } from './text/lines';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Offsets into the lesson's text (without a byte-order mark). */
  start: number;
  end: number;
  /** 0-based positions of `start` and `end`. */
  range: { start: Position; end: Position };
  fix?: Fix;
  suggestions?: Fix[];
  /** Set on a whole-lesson finding that its module may make moot (see `resolveModuleFindings`). */
  module?: ModuleScoped;
  /** Set on the one finding that speaks for a whole module, reported on its first page. */
  moduleWide?: boolean;
  /** Set on an acronym the page never spells out: moot when another page of the course does (see `resolveModuleFindings`). */
  acronym?: string;
}

export interface LintResult {
  doc: LessonDocument;
  findings: Finding[];
  /** The page as its course sees it: type, parts, title. */
  page: PageSummary;
}

export interface LintOptions {
  /** YYYY-MM-DD: the core has no clock. Without it, no review is overdue. */
  today?: string;
  /** What is known of the page from its course. */
  page?: PageHints;
}

/** The Markdown dialect of a page, from its file name. */
export function dialectOf(path: string | undefined): 'markdown' | 'mdx' {
  return isMdxPath(path) ? 'mdx' : 'markdown';
}

/** Parses and checks one lesson. Never throws: a rule that fails becomes a finding that says so. */
export function lintText(text: string, config: ResolvedConfig, options: LintOptions = {}): LintResult {
  const doc = parseLesson(text, { maxLength: config.maxLessonSize, dialect: dialectOf(options.page?.path) });
  const findings = lintDocument(doc, config, options);
  return { doc, findings, page: summarizePage(doc, config, options.page, { today: options.today, findings }) };
}

export function lintDocument(doc: LessonDocument, config: ResolvedConfig, options: LintOptions = {}): Finding[] {
  const rules = doc.skipped ? RULES.filter((rule) => rule.id === 'lesson-skipped') : RULES;
  const review: ReviewSettings = { today: options.today, roles: config.roles };
  const suppressions = new Suppressions(doc);
  const run = (rule: Rule, earlier: readonly EarlierFinding[], into: Finding[]) => {
    const enabled = config.rules.get(rule.id);
    if (!enabled) return;
    const context = { doc, options: enabled.options, settings: config.settings, review, findings: earlier, page: options.page };
    // A claim's finding says which review it brings: legal and marketing learn of it before the deadline, not after.
    const note = triggeredReviewNote(rule.id, config.roles);
    runRule(rule, context, (finding) => {
      if (!suppressions.isSuppressed(finding.ruleId, finding.start))
        into.push({ ...finding, message: finding.message + note, severity: enabled.severity });
    });
  };
  const findings: Finding[] = [];
  for (const rule of rules) if (!rule.readsFindings) run(rule, [], findings);
  const later: Finding[] = [];
  for (const rule of rules) if (rule.readsFindings) run(rule, findings, later);
  return [...findings, ...later].sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
}

/** An offset between `\r` and `\n` has no editor position; move it before the pair (-1) or after it (1). */
function outsideLineBreak(text: string, offset: number, direction: -1 | 1): number {
  if (text.charCodeAt(offset - 1) !== 13 || text.charCodeAt(offset) !== 10) return offset;
  return direction < 0 ? offset - 1 : offset + 1;
}

type Context = Omit<Parameters<Rule['check']>[0], 'report'>;

/**
 * Findings of one rule in one lesson, at most. Past this a lesson is machine-written or pasted in
 * bulk, and a longer list neither helps its author nor fits in an editor's Problems panel: the
 * rule stops, and its last finding says how far it got.
 */
export const MAX_FINDINGS_PER_RULE = 200;

/** Thrown by `report` to stop a rule that has reached its limit. */
const ENOUGH = Symbol('enough findings');

function runRule(rule: Rule, context: Context, push: (finding: Omit<Finding, 'severity'>) => void) {
  const { doc } = context;
  const toFinding = (start: number, end: number, message: string) => ({
    ruleId: rule.id,
    message,
    start,
    end,
    range: { start: doc.lines.positionAt(start), end: doc.lines.positionAt(end) },
  });
  let reported = 0;
  try {
    rule.check({
      ...context,
      report: ({ start, end, message, fix, suggestions, module, acronym }) => {
        const from = outsideLineBreak(doc.text, Math.max(0, Math.min(start, doc.text.length)), -1);
        const to = outsideLineBreak(doc.text, Math.max(from, Math.min(end, doc.text.length)), 1);
        if (++reported === MAX_FINDINGS_PER_RULE) {
          push(
            toFinding(
              from,
              to,
              `${message} This is the ${MAX_FINDINGS_PER_RULE}th finding of ${rule.id} in this lesson: the rule stopped here, ` +
                `and the rest of the lesson was not checked for it.`,
            ),
          );
          throw ENOUGH;
        }
        push({
          ...toFinding(from, to, message),
          ...(fix && { fix }),
          ...(suggestions?.length && { suggestions }),
          ...(module && { module }),
          ...(acronym && { acronym }),
        });
      },
    });
  } catch (error) {
    if (error === ENOUGH) return;
    const reason = error instanceof Error ? error.message : String(error);
    push(
      toFinding(
        0,
        0,
        `Rule ${rule.id} could not check this lesson (${reason}). Other rules still ran; please report this with the lesson attached.`,
      ),
    );
  }
}

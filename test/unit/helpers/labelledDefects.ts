/**
 * Scores findings against lessons whose defects a person labelled: `labels.json` beside the lessons,
 * `[{ file, domain, wellMade, defects: [{ rule, quote? }] }]`. A defect with a quote is found when a
 * finding of its rule starts on the quote's line (a practice item's feedback: within its first
 * lines); one without a quote is a whole-lesson defect, found by any finding of its rule in the file.
 * A finding of a labelled kind that matches no defect is a false alarm; findings of other rules are
 * counted apart, as they are not what the labels judge.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface DefectLabel {
  file: string;
  domain: string;
  wellMade: boolean;
  defects: Array<{ rule: string; quote?: string }>;
}

export interface FindingRow {
  file: string;
  ruleId: string;
  line: number;
  message: string;
}

/** The kinds of defect the labels judge. */
export const LABELLED_RULES = [
  'claim-absolute',
  'claim-uncited-statistic',
  'claim-outcome-promise',
  'hook-present',
  'objectives-present',
  'objectives-measurable',
  'practice-present',
  'practice-feedback',
  'summary-present',
  'knowledge-check-present',
  'acronym-defined',
  'sensory-language',
  'inclusive-language',
  'placeholder-text',
  'link-text',
  'image-alt-text',
  'hedge-words',
] as const;

/** Missing parts are labelled by lesson: a quote (some labellers quote the title) does not place them. */
const WHOLE_LESSON_RULES = new Set([
  'objectives-present',
  'practice-present',
  'summary-present',
  'knowledge-check-present',
  'hook-present',
]);

/**
 * Rules of ours that find one labelled kind between them: an image's alt text missing (image-alt-text) or saying nothing ("![screenshot
 * 3]", alt-text-quality).
 */
const SAME_KIND: Record<string, string> = { 'alt-text-quality': 'image-alt-text' };

/** "No practice in the module "safety": 3 of its 6 pages have none (a.md, b.md, c.md), …": the pages it names. */
const MODULE_FINDING = /^No [\w ]+ in the module .*?pages? ha(?:s|ve) none \(([^)]*)\)/;

/**
 * How many lines from its quoted line a defect's finding may start: a practice item is reported at its heading, and quoted at its heading
 * or its first line.
 */
const LINES_AROUND: Record<string, number> = { 'practice-feedback': 3 };
/** Rules reported at a section's heading whose labels may quote any line of the section: a practice item's task, below its scenario. */
const IN_SECTION = new Set(['practice-feedback']);
const HEADING_LINE = /^#{1,6}\s/;

/** Whether the finding is on the heading of the section that holds the quoted line (1-based lines). */
function onSectionHeading(lines: readonly string[], findingLine: number, quotedLine: number): boolean {
  if (findingLine > quotedLine || !HEADING_LINE.test(lines[findingLine - 1] ?? '')) return false;
  return !lines.slice(findingLine, quotedLine - 1).some((line) => HEADING_LINE.test(line));
}

export interface Miss {
  file: string;
  rule: string;
  quote: string | undefined;
}

export interface Score {
  labelled: number;
  found: number;
  misses: Miss[];
  falseAlarms: FindingRow[];
  /** Findings of rules the labels do not judge, by rule. */
  unjudged: Map<string, number>;
  byRule: Map<string, { labelled: number; found: number; falseAlarms: number }>;
}

export function readLabels(root: string): DefectLabel[] {
  return JSON.parse(readFileSync(join(root, 'labels.json'), 'utf8')) as DefectLabel[];
}

export function scoreDefects(root: string, labels: readonly DefectLabel[], rows: readonly FindingRow[]): Score {
  const findings = rows.map((row) => (SAME_KIND[row.ruleId] ? { ...row, ruleId: SAME_KIND[row.ruleId] } : row));
  const judged = new Set<string>(LABELLED_RULES);
  const score: Score = { labelled: 0, found: 0, misses: [], falseAlarms: [], unjudged: new Map(), byRule: new Map() };
  const tally = (rule: string) => {
    let entry = score.byRule.get(rule);
    if (!entry) score.byRule.set(rule, (entry = { labelled: 0, found: 0, falseAlarms: 0 }));
    return entry;
  };
  const labelled = new Set(labels.map((label) => label.file));
  for (const finding of findings) {
    if (!labelled.has(finding.file)) throw new Error(`${finding.file} has findings but no labels`);
  }
  // A whole-lesson finding about a module names the pages that lack the part: it stands for each of them.
  const moduleFindings = findings.filter((finding) => judged.has(finding.ruleId) && MODULE_FINDING.test(finding.message));
  const namedPages = (finding: FindingRow) => new Set((MODULE_FINDING.exec(finding.message)?.[1] ?? '').split(/,\s*/));
  const usedModuleFindings = new Set<FindingRow>();
  for (const label of labels) {
    const lines = readFileSync(join(root, label.file), 'utf8').split(/\r?\n/);
    const open = findings.filter(
      (finding) => finding.file === label.file && judged.has(finding.ruleId) && !moduleFindings.includes(finding),
    );
    for (const finding of findings) {
      if (finding.file === label.file && !judged.has(finding.ruleId))
        score.unjudged.set(finding.ruleId, (score.unjudged.get(finding.ruleId) ?? 0) + 1);
    }
    for (const defect of label.defects) {
      if (!judged.has(defect.rule)) throw new Error(`${label.file}: unknown defect kind ${defect.rule}`);
      score.labelled++;
      tally(defect.rule).labelled++;
      const line =
        defect.quote === undefined || WHOLE_LESSON_RULES.has(defect.rule) ? undefined : quotedLine(lines, defect.quote, label.file);
      const around = LINES_AROUND[defect.rule] ?? 0;
      const at = open.findIndex(
        (finding) =>
          finding.ruleId === defect.rule &&
          (line === undefined ||
            Math.abs(finding.line - line) <= around ||
            (IN_SECTION.has(defect.rule) && onSectionHeading(lines, finding.line, line)) ||
            namesTheAcronym(finding, defect.quote)),
      );
      const forModule =
        line === undefined && at === -1
          ? moduleFindings.find(
              (finding) =>
                finding.ruleId === defect.rule &&
                dirname(finding.file) === dirname(label.file) &&
                namedPages(finding).has(basename(label.file)),
            )
          : undefined;
      if (forModule) {
        usedModuleFindings.add(forModule);
        score.found++;
        tally(defect.rule).found++;
        continue;
      }
      if (at === -1) {
        score.misses.push({ file: label.file, rule: defect.rule, quote: defect.quote });
        continue;
      }
      open.splice(at, 1);
      score.found++;
      tally(defect.rule).found++;
    }
    for (const finding of open) {
      score.falseAlarms.push(finding);
      tally(finding.ruleId).falseAlarms++;
    }
  }
  for (const finding of moduleFindings) {
    if (usedModuleFindings.has(finding)) continue;
    score.falseAlarms.push(finding);
    tally(finding.ruleId).falseAlarms++;
  }
  return score;
}

/** A finding about an acronym names it: it is the same defect wherever the lesson first shows it (a title, an objective). */
function namesTheAcronym(finding: FindingRow, quote: string | undefined): boolean {
  if (finding.ruleId !== 'acronym-defined' || quote === undefined) return false;
  return (quote.match(/\b\p{Lu}[\p{Lu}\d]+\b/gu) ?? []).some((acronym) => finding.message.includes(`"${acronym}"`));
}

function quotedLine(lines: readonly string[], quote: string, file: string): number {
  const index = lines.findIndex((line) => line.includes(quote));
  if (index === -1) throw new Error(`${file}: quote not found on any line: ${quote}`);
  return index + 1;
}

import type { PrefilterGroup } from '../rules/prefilter';
import { roughText } from '../document/roughText';
import { CaselessPattern, foldCase } from '../text/caseless';
import { LiteralScanner } from '../text/literalScanner';
import { plannedAlternatives } from './plannedAlternatives';

/** A rule's prefilter groups, or undefined for a rule without a prefilter (it may always find something). */
export interface RulePrefilter {
  id: string;
  groups: readonly PrefilterGroup[] | undefined;
}

interface PlannedGroup {
  rule: number;
  anchor?: CaselessPattern;
}

interface PlannedPattern {
  group: number;
  /** Case-insensitive patterns are tested on folded text, where V8 runs them several times faster. */
  pattern: CaselessPattern;
}

/**
 * The prefilters of several rules, ready to say which rules may find something in a lesson read
 * roughly. Each pattern is split into its alternatives (see `alternativesOf`); one pass over a
 * paragraph finds which alternatives' literal factors it holds (see `literalFactors`), and
 * only those are tried there, behind their group's anchor. A pattern without factors is tried on
 * every paragraph.
 */
export class PrefilterPlan {
  private readonly ids: readonly string[];
  private readonly unfiltered: readonly number[];
  private readonly groups: PlannedGroup[] = [];
  private readonly patterns: PlannedPattern[] = [];
  private readonly alwaysTried: number[] = [];
  private readonly scanner: LiteralScanner;

  constructor(rules: readonly RulePrefilter[]) {
    this.ids = rules.map(({ id }) => id);
    this.unfiltered = rules.flatMap(({ groups }, rule) => (groups === undefined ? [rule] : []));
    const strings: string[] = [];
    const owners: number[] = [];
    rules.forEach(({ groups }, rule) =>
      groups?.forEach((group) => {
        const groupIndex = this.groups.push({ rule, ...(group.anchor && { anchor: new CaselessPattern(group.anchor) }) }) - 1;
        for (const { pattern, factors, lowered } of group.patterns.flatMap((whole) => plannedAlternatives(whole))) {
          const index = this.patterns.push({ group: groupIndex, pattern: new CaselessPattern(pattern, lowered) }) - 1;
          if (factors === undefined) this.alwaysTried.push(index);
          for (const factor of factors ?? []) {
            strings.push(factor);
            owners.push(index);
          }
        }
      }),
    );
    this.scanner = new LiteralScanner(strings, owners);
  }

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  /** The rules that may find something in the lesson (of those `among`, where given), in the order the plan was made with. */
  possible(text: string, among?: ReadonlySet<string>): string[] {
    return this.possibleFrom(text, among).ids;
  }

  /**
   * {@link possible}, and where the first paragraph in which one of them may find something starts:
   * nothing before it is worth a closer look (0 when a rule without a prefilter is among them).
   */
  possibleFrom(text: string, among?: ReadonlySet<string>): { ids: string[]; from: number } {
    const asked = (rule: number) => !among || among.has(this.ids[rule]);
    const decided = new Set(this.unfiltered);
    let from = this.unfiltered.some(asked) ? 0 : text.length;
    this.ids.forEach((_id, rule) => asked(rule) || decided.add(rule));
    // A block of prose never spans an empty line: each paragraph is read roughly on its own.
    for (let start = 0; start < text.length && decided.size < this.ids.length;) {
      EMPTY_LINE.lastIndex = start;
      const end = EMPTY_LINE.exec(text)?.index ?? text.length;
      if (end > start) {
        const before = decided.size;
        this.tryParagraph(roughText(text.slice(start, end)), decided);
        if (decided.size > before) from = Math.min(from, start);
      }
      start = end === text.length ? end : EMPTY_LINE.lastIndex;
    }
    return { ids: this.ids.filter((_id, rule) => decided.has(rule) && asked(rule)), from };
  }

  /**
   * Adds to `decided` the rules a pattern of which matches the paragraph. A pattern is tried before
   * its group's anchor: the factors leave few to try, and an anchor that matches is a phrase's
   * common words (a number, "best").
   */
  private tryParagraph(paragraph: string, decided: Set<number>): void {
    const folded = foldCase(paragraph);
    const candidates = folded === undefined ? this.patterns.keys() : [...this.scanner.found(folded), ...this.alwaysTried];
    for (const index of candidates) {
      const { group, pattern } = this.patterns[index];
      const { rule, anchor } = this.groups[group];
      if (!decided.has(rule) && pattern.test(paragraph, folded) && (anchor === undefined || anchor.test(paragraph, folded)))
        decided.add(rule);
    }
  }
}

const EMPTY_LINE = /\n[ \t]*\r?\n/g;

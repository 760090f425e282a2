import { z } from 'zod';
import type { LessonDocument, OffsetRange } from '../document/model';
import type { ProseBlock } from '../document/prose';
import { preOrder } from '../document/walk';
import { blockSentences, isAllowed, type BlockSentence, type Sentence } from '../prose';
import { defineRule } from './rule';

const START = String.raw`(?<![\p{L}\p{N}_.,-])`;
const END = String.raw`(?![\p{L}\p{N}_])`;
const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const PERCENT = String.raw`${NUMBER}(?:\s*(?:-|–|to)\s*${NUMBER})?\s?(?:%|percent${END}|per\s+cent${END})`;
const APPROXIMATELY = String.raw`(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|up\s+to\s+|~)?`;
const WORD = String.raw`[\p{L}\p{N}’'-]+\s+`;

const POPULATION =
  'people|persons|users|customers|clients|learners|students|employees|workers|staff|developers|programmers|engineers|companies|businesses|firms|' +
  'organi[sz]ations|enterprises|managers|leaders|executives|adults|children|teens|respondents|participants|americans|consumers|patients|teams|' +
  'professionals|graduates|employers|recruiters|candidates|hires|jobs|startups|market|workforce';
const EFFECT_NOUN = 'increase|improvement|reduction|decrease|boost|gain|growth|rise|drop|jump|savings?|uplift';
/** What a business or a course promises to change; "memory use", "file size" and "accuracy" are measurements. */
const OUTCOME =
  'retention|engagement|productivity|revenue|sales|profits?|earnings|salar(?:y|ies)|pay|income|completion|satisfaction|conversion|ROI|scores?|grades?|pass\\s+rates?|' +
  'outcomes|costs?|spending|turnover|churn|absenteeism|accidents|incidents|complaints|learning|understanding|motivation|performance\\s+reviews?';
/** Right after a percentage, an outcome that is itself the claim: "40% retention", not "95% score" or "100% width". */
const OUTCOME_AFTER = 'retention|engagement|productivity|revenue|sales|profits?|ROI|conversion|completion|satisfaction|pass\\s+rates?|churn|turnover|savings?';
/** "30% faster", "50% more likely", "20% higher retention"; not "10% greater than the threshold", a specification. */
const COMPARATIVE =
  'faster|quicker|slower|cheaper|better|more\\s+(?:likely|productive|effective|efficient|engaged|successful|accurate)|less\\s+(?:likely|expensive|costly|time)|' +
  `(?:higher|lower|greater|bigger|smaller)\\s+(?:${OUTCOME})`;
const EFFECT_VERB = '(?:increas|boost|improv|rais|reduc|cut|lower|decreas|grow|grew|sav|drop|ris|rose|jump|shrink|slash|doubl)[\\p{L}]*';

/** Statistics that make a claim about the world: a share of people, an effect, a comparison, an appeal to research. */
const CLAIMS: RegExp[] = [
  String.raw`${PERCENT}\s+of\s+(?:all\s+|the\s+|our\s+|your\s+|today['’]s\s+|surveyed\s+|those\s+)?(?:[\p{L}-]+\s+)?(?:${POPULATION})${END}`,
  String.raw`${PERCENT}\s+of\s+what\s+(?:they|you|we|people|learners|students)${END}`,
  String.raw`${PERCENT}\s+(?:${OUTCOME_AFTER}|${COMPARATIVE}|(?:${EFFECT_NOUN})\s+(?:in|of)\s+(?:${WORD}){0,2}?(?:${OUTCOME}))${END}`,
  String.raw`${EFFECT_VERB}\s+(?:${WORD}){0,3}?(?:${OUTCOME})\s+(?:by|up\s+to|as\s+much\s+as)\s+${APPROXIMATELY}${PERCENT}`,
  String.raw`(?:retain|remember|forget)[\p{L}]*\s+(?:only\s+|just\s+)?${APPROXIMATELY}${PERCENT}`,
  String.raw`(?:${NUMBER}|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred|hundred|a\s+thousand)(?:\s*(?:-|–|to)\s*${NUMBER})?\s*(?:x|×|times)\s+(?:${COMPARATIVE}|as\s+(?:likely|fast|effective|productive|much|many))${END}`,
  String.raw`(?<!(?:the|this|that|these|those|your|their|my)\s+)(?:studies|research|(?:a|one|recent|new)\s+(?:recent\s+|new\s+)?(?:study|survey|report|poll|paper)|surveys|evidence|experts|scientists|researchers|psychologists|statistics)\s+(?:${WORD}){0,3}?(?:show|shows|showed|shown|prove|proves|proved|proven|suggest|suggests|suggested|found|finds|indicate|indicates|indicated|reveal|reveals|revealed|confirm|confirms|confirmed|say|says|agree|agrees|demonstrate|demonstrates|demonstrated)${END}`,
  String.raw`according\s+to\s+(?:(?:recent|new|the\s+latest|some|many)\s+)?(?:research|studies|experts|scientists|statistics|(?:a|one)\s+(?:recent\s+|new\s+)?(?:study|survey|report|poll))${END}`,
].map((source) => new RegExp(`${START}${source}`, 'iu'));

/** A word that every claim contains: sentences of blocks without one are skipped cheaply. */
const ANCHOR = /%|percent|per\s+cent|times|\d\s*[x×]|stud(?:y|ies)|research|survey|report|poll|paper|evidence|expert|scientist|psycholog|statistic|according/i;

/** "100% satisfaction", "100% pass rate": absolute claims, reported by claim-absolute. */
const ABSOLUTE = /^100\s?(?:%|percent)\s+(?:satisfaction|pass\s+rates?)/i;

/** A base-form verb that the learner is told to apply ("reduce the size by 50%") is a procedure, not a claim. */
const INSTRUCTION_BEFORE = /(?:^|[,:;]\s*|\b(?:you|we|let['’]s|please|then|and|first|next|now)\s+)(?:(?:can|could|should|will|might|may|must|need\s+to|have\s+to|want\s+to|try\s+to)\s+)?$/i;
const BASE_FORM = /^(?:increase|boost|improve|raise|reduce|cut|lower|decrease|grow|save|drop|shrink|slash|double)\b/i;

/** Citations written as text: "(Fagan, 1976)", "[3]", "Source:", "et al.", "according to Fagan". */
const CITATION_TEXT = /\((?=[^()]*\b(?:1[89]|20)\d\d[a-z]?\b)[^()]*\)|\[\^?[\w-]+\]|\b(?:sources?|cited in|citation|reference|doi)\s*[:.]|\bet al\b|\baccording to (?:the\s+)?\p{Lu}/u;
/** An HTML link, superscript note or citation element. */
const HTML_CITATION = /<(?:a\s[^>]*href|sup\b|cite\b)/i;
const CITATIONS = Symbol('citations');

export default defineRule({
  id: 'claim-uncited-statistic',
  category: 'claims',
  description: 'A statistic or an appeal to research ("40% of learners", "3 times faster", "studies show") cites its source.',
  defaultSeverity: 'warning',
  options: z.object({}).strict(),
  docs: {
    rationale:
      'A number or an appeal to research persuades only if learners (and legal reviewers) can check where it comes from; an uncited one may be outdated, misquoted or invented. ' +
      'Only claims about the world are flagged: a share of people or companies, an effect ("cuts costs by 30%", "a 20% increase"), a comparison ("3 times faster"), ' +
      '"studies show", "experts say". Procedures and results computed in the lesson ("resize the image to 10%", "accuracy is around 95%", "width: 100%") are not, nor are tables of figures or code.',
    howToFix:
      'Add a link, a footnote (`[^1]`) or a citation ("(Fagan, 1976)") in the same paragraph, the next sentence or just after the paragraph, or remove the number if you cannot source it.',
  },
  check({ doc, report, settings }) {
    doc.prose.forEach((block, index) => {
      const claims = block.derived(CLAIMS_KEY, blockClaims);
      if (claims.size === 0) return;
      const own = blockSentences(block);
      const later = firstSentenceAfter(doc.prose, index);
      own.forEach((sentence, at) => {
        const claim = claims.get(sentence.start);
        if (!claim || isAllowed(settings, claim.text)) return;
        const here = { ...sentence, block };
        const next = at + 1 < own.length ? { ...own[at + 1], block } : later;
        if (isCited(doc, here, next) || isCited(doc, here, later)) return;
        const start = sentence.start + claim.at;
        const what = /\d/.test(claim.text) ? 'statistic' : 'appeal to research';
        report({
          ...block.sourceRange(start, start + claim.text.length),
          message: `Unexpected uncited ${what} "${claim.text.replace(/\s+/g, ' ')}", expected a link, footnote or citation to its source in the same paragraph or the next sentence.`,
        });
      });
    });
  },
});

/** The first sentence of the blocks after the one at `index`. */
function firstSentenceAfter(blocks: readonly ProseBlock[], index: number): BlockSentence | undefined {
  for (let after = index + 1; after < blocks.length; after++) {
    const [first] = blockSentences(blocks[after]);
    if (first) return { ...first, block: blocks[after] };
  }
  return undefined;
}

const CLAIMS_KEY = Symbol('claims');

/** The first claim of each sentence of a block that has one, by the sentence's start in the block's text. */
function blockClaims(block: ProseBlock): Map<number, { text: string; at: number }> {
  const claims = new Map<number, { text: string; at: number }>();
  if (block.kind === 'cell' || !ANCHOR.test(block.text)) return claims;
  for (const sentence of blockSentences(block)) {
    const claim = firstClaim(sentence);
    if (claim) claims.set(sentence.start, claim);
  }
  return claims;
}

function firstClaim(sentence: Sentence): { text: string; at: number } | undefined {
  let first: { text: string; at: number } | undefined;
  for (const pattern of CLAIMS) {
    const match = pattern.exec(sentence.text);
    if (!match || (first && first.at <= match.index) || ABSOLUTE.test(match[0])) continue;
    if (BASE_FORM.test(match[0]) && INSTRUCTION_BEFORE.test(sentence.text.slice(0, match.index))) continue;
    first = { text: match[0], at: match.index };
  }
  return first;
}

/** A citation anywhere in the claim's paragraph, or in the given sentence after it. */
function isCited(doc: LessonDocument, sentence: BlockSentence, next: BlockSentence | undefined): boolean {
  if (sentence.block.derived(CITED_IN_TEXT, (block) => CITATION_TEXT.test(block.text)) || (next && CITATION_TEXT.test(next.text))) return true;
  const from = sentence.block.start;
  const to = Math.max(sentence.block.end, next ? next.block.toSource(Math.max(next.start, next.end - 1)) + 1 : 0);
  return citations(doc).overlaps(from, to);
}

const CITED_IN_TEXT = Symbol('citedInText');

/** Links, footnote references and HTML citations: where a claim can point to its source. */
function citations(doc: LessonDocument): Citations {
  return doc.derived(CITATIONS, () => {
    const found: OffsetRange[] = [];
    for (const node of preOrder(doc.tree)) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const isCitation =
        node.type === 'link' || node.type === 'linkReference' || node.type === 'footnoteReference' || (node.type === 'html' && HTML_CITATION.test(node.value));
      if (isCitation && start !== undefined && end !== undefined) found.push({ start, end });
    }
    return new Citations(found);
  });
}

/** Ranges in document order, asked whether any overlaps a range in logarithmic time. */
class Citations {
  /** The furthest end among the ranges up to each index. */
  private readonly furthestEnd: number[];

  constructor(private readonly ranges: readonly OffsetRange[]) {
    let furthest = -Infinity;
    this.furthestEnd = ranges.map((range) => (furthest = Math.max(furthest, range.end)));
  }

  overlaps(from: number, to: number): boolean {
    let low = 0;
    let high = this.ranges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ranges[mid].start < to) low = mid + 1;
      else high = mid;
    }
    return low > 0 && this.furthestEnd[low - 1] > from;
  }
}

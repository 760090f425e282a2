import { isScalar, visit } from 'yaml';
import { z } from 'zod';
import { templateComments } from '../dialects/templates';
import type { OffsetRange } from '../document/model';
import { BlockSearch, insideQuotation, isAllowed } from '../prose';
import { allMatches } from '../text/matches';
import { compileUserPattern, userPatternOption } from '../text/userPattern';
import { defineRule } from './rule';
import { oneLine } from '../text/pattern';

/** What a drafter leaves in a bracket to fill in later: "[date]", "[Company name]", "[link to policy]". */
const SLOT_WORDS = oneLine`
  insert|add|placeholder|todo|tbd|tbc|date|time|deadline|name|first name|full name|company|company name|organi[sz]ation|team|
  department|manager|contact|product|product name|link|url|number|phone|phone number|email|email address|amount|figure|price|
  percentage|location|address|title|role|region|version|extension|ext\.?|mobile|x+|n|\?+|…|\.{3}`;

/** The last word of a slot of two or three words: "[manager name]", "[go-live date]", "[policy link]". */
const SLOT_NOUNS =
  'name|date|time|number|amount|link|url|email|address|title|figure|price|percentage|deadline|location|phone|details|reference|code';

/**
 * A template's slot: "<<insert macro name>>", "<<customer name>>"; Markdown reads "<insert …>" as an HTML tag, so it is looked for in the
 * source.
 */
const ANGLE_SLOT = new RegExp(String.raw`<<\s*(?:insert|add|placeholder|todo|(?:[a-z-]+\s+){0,2}(?:${SLOT_NOUNS}))[^>\n]{0,40}>>`, 'gi');

const PLACEHOLDERS: RegExp[] = [
  /\b(?:TODO|TBD|TBC|FIXME|XXX+)\b/g,
  /\blorem ipsum\b/gi,
  // Not link syntax: "[add it to your account][add-ssh-key]" is a link whose reference is defined elsewhere;
  // nor a syntax's notation: "[keyword] [name]".
  new RegExp(
    oneLine`
      (?<!\]\s{0,8})\[(?:(?:insert|add|placeholder|todo|to\s+(?:add|come|follow|do))\b[^\]\n]*|(?:${SLOT_WORDS})(?:\s+(?:here|
      goes here|tbc|tbd|\?+))?|(?:${SLOT_WORDS})(?:\s*(?:,|\/|\band\b|\bor\b)\s*(?:${SLOT_WORDS}))+|(?:link|url)\s+to\s+[^\]\n]{1,40}|
      (?:[a-z-]+\s+){1,2}(?:${SLOT_NOUNS}))\](?![[(:]|\s*\[)`,
    'gi',
  ),
  // A number still to be filled in: "XX%", "$X", "£X,XXX", "X.X hours", "XX days", a date "XX/XX".
  new RegExp(
    oneLine`
      (?<![\p{L}\p{N}_])(?:[$£€¥]\s?X+(?:[.,]X+)*(?:\s?[kKmM])?|X{1,3}(?:[.,]X+)*\s?%|(?<!(?:[Cc]hapter|[Pp]art|[Ss]ection|[Cc]entury|
      [Ww]ar|[Vv]olume|[Vv]ol\.|[Nn]o\.|[Aa]rticle|[Cc]lause|[Ss]chedule)\s+)XX(?:[.,/:]X+)*)(?![\p{L}\p{N}_-])`,
    'gu',
  ),
  // A blank left where the answer goes: "the code is ________.", "Contact: ____"; not a quiz's blank in the middle of a sentence.
  /(?<=(?:\bis|\bare|:)[ \t]{0,3})_{4,}(?=[ \t]*[.;]?[ \t]*(?:\n|$))/gu,
  // Marks for a gap: "???" on its own, not the end of "WHY????.doc".
  /(?<![\p{L}\p{N}_?!])\?{3,}(?![\p{L}\p{N}_])/gu,
  // A note to someone in brackets: "[Legal to confirm the period]", "[amount — check with Reward]", "[date from Priya]".
  new RegExp(
    oneLine`
      \[[^\]\n]{0,60}?\b(?:to\s+(?:be\s+)?(?:confirm(?:ed)?|decided?|agreed?|added|updated|checked)|check\s+with|confirm\s+with|
      awaiting|pending|TBC|TBD)\b[^\]\n]{0,60}\]|\[(?:${SLOT_NOUNS})\s+(?:from|for|per|by|[—–-])\s[^\]\n]{1,40}\](?![[(:])`,
    'gi',
  ),
  // An editor's instruction left in brackets: "[confirm the limit with Finance]", "[Sam – add the form link]".
  new RegExp(
    oneLine`
      \[(?:\p{Lu}\p{Ll}+\s*[—–-]\s*(?:insert|add|confirm|check|update|replace|fill in|attach|include|paste|embed|verify|finali[sz]e)|
      (?:confirm|check|update|replace|fill in|attach|include|paste|embed|verify|finali[sz]e))\s+(?:the\s+|a\s+|
      an\s+)?[\p{L}\d][^\]\n]{0,80}\](?![[(:])`,
    'giu',
  ),
  // A gap still to be filled: "deadline to be confirmed by Group", "venue TBC".
  new RegExp(
    oneLine`
      \b(?:date|deadline|time|amount|figure|period|venue|location|price|cost|budget|owner|contact|start\s+date|end\s+date)s?\s+(?:is\s+|
      are\s+)?(?:still\s+)?to\s+be\s+(?:confirmed|decided|agreed|announced|determined)\b`,
    'gi',
  ),
  // "TK", the printer's mark for copy to come, left where the words should be: "Glove chart: TK".
  /(?<![\p{L}\p{N}_])TK(?:TK)?(?![\p{L}\p{N}_])(?=\s*(?:[.;,)\]]|$))/gu,
];

/**
 * "a TODO list", "the #TODO comment", "the appropriate TODO in app.js", "never type TBD in a field",
 * "do not leave the date as "TBC"": the word is talked about, not left in.
 */
/** "the word TODO", "a TBD": a determiner before the marker; a bracketed slot after one ("the format [insert …]") is still a gap. */
const DETERMINER_BEFORE = /\b(?:a|an|the|this|that|these|those|each|every|any|your|our|its)\s+(?:[\w-]+\s+)?$/i;
const MENTIONED_AFTER = new RegExp(
  oneLine`
    (?:#\s*|\b(?:type|types|typing|typed|enter|
    entering|write|writing|put|putting|use|using|leave|leaving|left|mark|marked|marking|fill|filling|say|says|saying|reads?|replace|
    replacing)\s+(?:(?:it|them|the\s+[\w-]+|a\s+[\w-]+)\s+(?:as|with|to)\s+)?(?:just\s+|only\s+|simply\s+)?["“'‘]?|["“‘])$`,
  'i',
);
const MENTIONED_BEFORE = /^\s*(?:lists?|comments?|items?|markers?|tags?|notes?|panels?|apps?|files?)\b/i;

export default defineRule({
  id: 'placeholder-text',
  category: 'relevant',
  description: 'No placeholder text is left in the lesson: TODO, TBD, FIXME, XXX, lorem ipsum, [insert …].',
  defaultSeverity: 'warning',
  options: z
    .object({
      patterns: z
        .array(userPatternOption())
        .default([])
        .describe('Extra placeholder patterns (case-sensitive regular expressions, RE2 syntax: no look-around or back-references).'),
      allow: z
        .array(z.string())
        .default([])
        .describe('Words that look like placeholders but are meant, such as "XXX" in a form-field example.'),
    })
    .strict(),
  docs: {
    rationale:
      'Placeholder text that reaches learners looks careless and hides a gap in the lesson. Code and comments (HTML, template, ' +
      'YAML) are not checked, ' +
      'nor is a marker the lesson talks about ("add a TODO comment", "the TODO list in your editor", "a date such as "XX/XX""), ' +
      'nor a slot in quoted words, which is a template\'s ("a reply that starts "Dear [Customer name]""). ' +
      'A number still to come is a gap after any word ("every XX days"), and a slot with a marker inside ' +
      '("[phone number TBC]") is one finding.',
    howToFix: 'Write the missing content, or move the note to an HTML comment (`<!-- TODO … -->`), which learners never see.',
  },
  check({ doc, options, report, settings }) {
    const searches = PLACEHOLDERS.map((pattern) => new BlockSearch(pattern));
    const userPatterns = options.patterns.map((source) => compileUserPattern(source, false));
    const allowed = new Set(options.allow.map((word) => word.toLowerCase()));
    let hidden: OffsetRange[] | undefined;
    // Two patterns may find the same words ("[limit — check with Finance]" is a note and a slot, "[phone number TBC]" a slot with
    // "TBC" in it): one finding, for the widest.
    const found: Array<OffsetRange & { matched: string }> = [];
    const check = (text: string, at: number, matched: string, toRange: (start: number, end: number) => OffsetRange) => {
      const end = at + matched.length;
      if (
        allowed.has(matched.toLowerCase()) ||
        isAllowed(settings, matched) ||
        (!matched.startsWith('<<') && !/\sto\s+be\s/i.test(matched) && isMentioned(text, at, end, NUMBER_SLOT.test(matched)))
      )
        return;
      const range = toRange(at, end);
      hidden ??= templateComments(doc.text);
      if (hidden.some((comment) => comment.start <= range.start && range.end <= comment.end)) return;
      found.push({ ...range, matched });
    };
    const scan = (text: string, toRange: (start: number, end: number) => OffsetRange) => {
      for (const pattern of PLACEHOLDERS) for (const match of allMatches(pattern, text)) check(text, match.index, match[0], toRange);
      for (const pattern of userPatterns) for (const match of pattern.matches(text)) check(text, match.index, match.text, toRange);
    };
    for (const block of doc.prose) {
      const source = block.kind === 'paragraph' ? doc.text.slice(block.start, block.end) : '';
      if (source.includes('<<')) {
        for (const match of allMatches(ANGLE_SLOT, source))
          check(source, match.index, match[0], (start, end) => ({ start: block.start + start, end: block.start + end }));
      }
      const toRange = (start: number, end: number) => block.sourceRange(start, end);
      for (const search of searches) for (const match of search.matchesIn(block)) check(block.text, match.index ?? 0, match[0], toRange);
      for (const pattern of userPatterns)
        for (const match of pattern.matches(block.text)) check(block.text, match.index, match.text, toRange);
    }
    const frontMatter = doc.frontMatter;
    if (frontMatter) {
      visit(frontMatter.document, {
        Scalar(_key, node) {
          if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
          const [from, to] = node.range;
          const source = doc.text.slice(frontMatter.content.start + from, frontMatter.content.start + to);
          scan(source, (start, end) => ({ start: frontMatter.content.start + from + start, end: frontMatter.content.start + from + end }));
        },
      });
    }
    for (const { matched, ...range } of joinedRuns(widest(found), doc.text))
      report({ ...range, message: `Unexpected placeholder "${matched}", expected finished content.` });
  },
});

/** The ranges that no other range holds, in document order. */
function widest<T extends OffsetRange>(ranges: readonly T[]): T[] {
  const byStart = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const range of byStart) if (kept.length === 0 || range.end > kept[kept.length - 1].end) kept.push(range);
  return kept;
}

/** "0800 XXX XXXX", "XX-XX-XX": placeholders with only a space or a dash between them are one gap to fill. */
function joinedRuns<T extends OffsetRange & { matched: string }>(ranges: readonly T[], text: string): T[] {
  const joined: T[] = [];
  for (const range of ranges) {
    const last = joined.at(-1);
    if (last && /^[ \t]?[-–]?[ \t]?$/.test(text.slice(last.end, range.start))) {
      joined[joined.length - 1] = { ...last, end: range.end, matched: text.slice(last.start, range.end) };
    } else joined.push(range);
  }
  return joined;
}

/** "XX", "$X", "XX%": a number still to come, which "every XX days" leaves in as surely as "XX days". */
const NUMBER_SLOT = /^(?:[$£€¥]\s?)?X/;

/**
 * A number slot is talked about as an example ("a date such as XX/XX"), in quotes of its own ("the text "XX commits"") or as an
 * issue number ("#XXXX"); not after a determiner: "every XX days".
 */
function isMentioned(text: string, start: number, end: number, numberSlot = false): boolean {
  if (numberSlot) return /(?:\bsuch\s+as\s+|\blike\s+|\bformat\s+)["“'‘]?$|["“'‘#]$/i.test(text.slice(Math.max(0, start - 12), start));
  const before = text.slice(Math.max(0, start - 40), start);
  return (
    MENTIONED_AFTER.test(before) ||
    (text.charAt(start) !== '[' && DETERMINER_BEFORE.test(before)) ||
    MENTIONED_BEFORE.test(text.slice(end, end + 20)) ||
    // "a reply that starts "Dear [Customer name]"": a slot in quoted words is a template's, not the drafter's gap.
    (text.charAt(start) === '[' && insideQuotation(text, start))
  );
}

import type { ResolvedConfig } from '../config/resolve';
import { locateFrontMatter } from '../document/frontMatter';
import { uncheckedBlocks } from '../document/guard';
import { parseLesson } from '../document/parse';
import { lintDocument } from '../lint';
import { RULES_BY_ID } from '../rules';

/**
 * What makes a block read differently in the whole lesson than alone, or gives the lesson code: a
 * code span or fence, an indented line (code, or a list item's later paragraph), an HTML comment
 * (a suppression), an HTML block that runs past an empty line (`<script`, `<pre`, `<style`,
 * `<textarea`, `<?`, `<!`; the others, `<details>` or `<div>`, end at one), a link or footnote
 * definition. Also a carriage return or a NUL, kept out for simplicity.
 */
const NOT_PLAIN = /[`\r\0]|~~~|<[!?]|(?:^|\n)(?: {4}|\t| {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)| {0,3}\[[^\]\n]*\]:)/i;
const AT_MARGIN = /[^ \t]/;
/** A line that opens with a letter, after an empty line, starts a paragraph (or a table or a setext heading): a block with a sentence. */
const PARAGRAPH_START = /\p{L}/u;
const BLANK = /^[ \t]*$/;
/**
 * Blocks parsed at most for one lesson: past them, the whole parse costs less than more tries (a
 * lesson that cites every figure has many blocks worth trying and nothing to confirm).
 */
const MAX_TRIES = 4;

interface Region {
  start: number;
  end: number;
}

/** What the blocks of a lesson settle: rules found in one, and rules found in none. */
export interface BlockVerdicts {
  found: Set<string>;
  absent: Set<string>;
}

/**
 * The trigger rules among `ids` found in a block of the lesson, each confirmed by the parse of that
 * block alone, and those found in none: the queue needs to know whether a rule finds something, not
 * how often, and a claim is one paragraph of a lesson that costs 10 ms to parse whole.
 *
 * Only rules that declare `reads: 'block-and-next'` are settled, and only in a lesson none of
 * whose blocks reads differently alone (see NOT_PLAIN; nor one the guard would leave out). The
 * block is parsed with the blocks after it up to the next paragraph (where a claim's source may
 * be), after an empty line in place of the front matter (these rules read none), and nothing else;
 * a finding counts only when it starts in the block.
 * Those blocks parse as they do in the lesson, and the lesson has no code, suppression or
 * definition, so such a finding is one the lint of the whole lesson makes too. A rule is absent
 * when every block its prefilter lets through was parsed so and it was found in none: any finding
 * of the whole lesson's lint starts in such a block. Other rules may still find something: the
 * caller parses the lesson.
 *
 * `worthTrying(block)` names the rules that may find something in a block (their prefilters);
 * blocks that end before `from` are known to hold nothing worth trying.
 */
export function settledInBlocks(
  text: string,
  ids: readonly string[],
  config: ResolvedConfig,
  worthTrying: (block: string) => readonly string[],
  from = 0,
): BlockVerdicts {
  const found = new Set<string>();
  const absent = new Set<string>();
  const local = ids.filter((id) => RULES_BY_ID.get(id)?.reads === 'block-and-next');
  const body = local.length > 0 ? plainBody(text, config.maxLessonSize) : undefined;
  if (body === undefined) return { found, absent };
  const regions = regionsOf(text, body);
  const only: ResolvedConfig = { ...config, rules: new Map([...config.rules].filter(([id]) => local.includes(id))) };
  // The rules read no front matter (see \`reads\`): an empty line in its place keeps a block from reading as one, and costs no YAML parse.
  const head = '\n';
  const unsettled = new Set<string>();
  let tries = 0;
  let index = 0;
  for (; index < regions.length && found.size < local.length && tries < MAX_TRIES; index++) {
    const region = regions[index];
    if (region.end <= from) continue;
    const block = text.slice(region.start, region.end);
    const worth = worthTrying(block).filter((id) => local.includes(id) && !found.has(id));
    if (worth.length === 0) continue;
    // A block that does not start at the margin may belong to the list item before it.
    if (!AT_MARGIN.test(text[region.start])) {
      worth.forEach((id) => unsettled.add(id));
      continue;
    }
    tries++;
    const end = regions.slice(index + 1).find((next) => PARAGRAPH_START.test(text[next.start]))?.end ?? text.length;
    const blockStart = head.length;
    const blockEnd = blockStart + block.length;
    const doc = parseLesson(`${head}${text.slice(region.start, end)}\n`, { maxLength: config.maxLessonSize });
    for (const finding of lintDocument(doc, only)) if (finding.start >= blockStart && finding.start < blockEnd) found.add(finding.ruleId);
  }
  if (index === regions.length) for (const id of local) if (!found.has(id) && !unsettled.has(id)) absent.add(id);
  return { found, absent };
}

/** Where the body starts, in a lesson whose blocks all read alone as they do in it; undefined otherwise. */
function plainBody(text: string, maxLength: number): number | undefined {
  if (text.length > maxLength) return undefined;
  const location = locateFrontMatter(text);
  if (location.kind === 'unclosed') return undefined;
  const body = location.kind === 'yaml' ? location.range.end : 0;
  if (NOT_PLAIN.test(text.slice(body)) || uncheckedBlocks(text, body).length > 0) return undefined;
  return body;
}

/** The runs of lines between empty lines, after `from`. */
function regionsOf(text: string, from: number): Region[] {
  const regions: Region[] = [];
  let open: Region | undefined;
  for (let start = from; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (BLANK.test(text.slice(start, end))) open = undefined;
    else if (open) open.end = end;
    else regions.push((open = { start, end }));
    start = end + 1;
  }
  return regions;
}

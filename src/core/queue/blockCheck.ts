import type { ResolvedConfig } from '../config/resolve';
import { assumeCode } from '../analysis/audience';
import { parseLesson } from '../document/parse';
import { lintDocument } from '../lint';
import { RULES_BY_ID } from '../rules';
import { blockLayout, type BlockLayout, type Region } from './blockLayout';

const AT_MARGIN = /[^ \t]/;
/** A line that opens with a letter, after an empty line, starts a paragraph (or a table or a setext heading): a block with a sentence. */
const PARAGRAPH_START = /\p{L}/u;
/**
 * Blocks parsed at most for one lesson, at least and per character: past them, the whole parse
 * costs less than more tries (a lesson that cites every figure has many blocks worth trying and
 * nothing to confirm). A block and the blocks after it cost about as much as 2,500 characters of the lesson.
 */
const MIN_TRIES = 4;
const CHARACTERS_PER_TRY = 2500;

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
 * Only rules that declare `reads: 'block-and-next'` are settled, and only in a lesson whose runs
 * of lines read alone as they do in it, with no suppression or definition (see `blockLayout`; nor
 * one the guard would leave out). The block is parsed with the blocks after it up to the next
 * paragraph (where a claim's source may be), after an empty line in place of the front matter
 * (these rules read none), and nothing else, and its rules are told whether the lesson has code;
 * a finding counts only when it starts in the block. Where that cannot be told without a parse,
 * the block is read both ways, and settles only what both readings agree on.
 * Those blocks parse as they do in the lesson, so such a finding is one the lint of the whole
 * lesson makes too. A rule is absent when every block its prefilter lets through was parsed so
 * and it was found in none: any finding of the whole lesson's lint starts in such a block, never
 * in code or HTML, which are not prose. Other rules may still find something: the caller parses
 * the lesson.
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
  const layout = local.length > 0 ? blockLayout(text, config.maxLessonSize) : undefined;
  if (layout === undefined) return { found, absent };
  const { regions, code } = layout;
  const only: ResolvedConfig = { ...config, rules: new Map([...config.rules].filter(([id]) => local.includes(id))) };
  // The rules read no front matter (see \`reads\`): an empty line in its place keeps a block from reading as one, and costs no YAML parse.
  const head = '\n';
  const unsettled = new Set<string>();
  const maxTries = Math.max(MIN_TRIES, Math.floor(text.length / CHARACTERS_PER_TRY));
  let tries = 0;
  let index = 0;
  for (; index < regions.length && found.size < local.length && tries < maxTries; index++) {
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
    const verdicts = readingsOf(code).map((withCode) =>
      rulesFoundIn(`${head}${text.slice(region.start, end)}\n`, { start: head.length, end: head.length + block.length }, withCode, only),
    );
    // Where only a parse of the lesson would tell whether it has code, a block settles what it reads alike either way.
    for (const id of worth)
      if (verdicts.some((verdict) => verdict.has(id) !== verdicts[0].has(id))) unsettled.add(id);
      else if (verdicts[0].has(id)) found.add(id);
  }
  if (index === regions.length) for (const id of local) if (!found.has(id) && !unsettled.has(id)) absent.add(id);
  return { found, absent };
}

function readingsOf(code: BlockLayout['code']): boolean[] {
  return code === 'unknown' ? [true, false] : [code === 'some'];
}

/** The rules with a finding that starts in `block`, in the lesson part `source`, read as part of a lesson with code or without. */
function rulesFoundIn(source: string, block: Region, withCode: boolean, config: ResolvedConfig): Set<string> {
  const doc = assumeCode(parseLesson(source, { maxLength: config.maxLessonSize }), withCode);
  const found = new Set<string>();
  for (const finding of lintDocument(doc, config)) if (finding.start >= block.start && finding.start < block.end) found.add(finding.ruleId);
  return found;
}

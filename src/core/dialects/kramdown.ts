import { atxHeadingText } from '../text/atxHeading';
import type { LineIndex } from '../text/lines';
import { isFencedDivLine } from './pandoc';

/**
 * kramdown as Jekyll sites and the older Carpentries lessons write it: an inline attribute list on
 * a line of its own (`{: .challenge}`) names the blockquote just above it.
 */

const ATTRIBUTE_LINE = /^((?:\s*>)*)\s*\{:\s*([^}]*)\}\s*$/;

/** `{: .challenge .hidden}` on a line of its own, inside `depth` quote markers: its class names, lower case. */
export function attributeLine(text: string): { depth: number; classes: string[] } | undefined {
  const line = ATTRIBUTE_LINE.exec(text);
  if (!line) return undefined;
  return { depth: quoteDepth(line[1]), classes: [...line[2].matchAll(/\.([A-Za-z][\w-]*)/g)].map((match) => match[1].toLowerCase()) };
}

/** Whether the `{` at `at` opens a kramdown attribute list (`{: …}`), wherever it stands. */
export function opensAttributes(text: string, at: number): boolean {
  return text[at + 1] === ':';
}

/** The quoted lines just above a `{: .class}` line, one level deeper than the attribute line, with the heading that titles them. */
export function blockAbove(
  lines: LineIndex,
  attributeLineIndex: number,
  depth: number,
): { start: number; title: string | undefined } | undefined {
  let first = attributeLineIndex;
  while (first > 0 && (quoteDepth(lines.lineText(first - 1)) > depth || isLazyContinuation(lines, first - 1, depth))) first--;
  if (first === attributeLineIndex) return undefined;
  return { start: lines.lineStart(first), title: atxHeadingText(stripQuotes(lines.lineText(first), depth + 1)) };
}

/** A solution block to add at the end of a kramdown activity, nested in it. */
export function solutionBlock(eol: string): string {
  return `>${eol}> > ## Solution${eol}> >${eol}> > Write the answer and explain why it is right.${eol}> {: .solution}${eol}`;
}

/** An image marked decorative in kramdown's syntax. */
export const DECORATIVE_IMAGE = '{: alt=""}';

/** How many `>` open the line, each after up to three spaces. */
export function quoteDepth(text: string): number {
  let depth = 0;
  for (let at = afterQuote(text, 0, false); at !== undefined; at = afterQuote(text, at, false)) depth++;
  return depth;
}

/** The line without its first `depth` quote markers, each with up to three spaces before it and one after. */
function stripQuotes(text: string, depth: number): string {
  let at = 0;
  for (let level = 0; level < depth; level++) {
    const next = afterQuote(text, at, true);
    if (next === undefined) break;
    at = next;
  }
  return text.slice(at);
}

/** Where the text goes on after a quote marker at `from` (up to three spaces, `>`, and one optional space when asked). */
function afterQuote(text: string, from: number, withSpace: boolean): number | undefined {
  let at = from;
  while (at < text.length && at - from < 3 && /\s/.test(text[at])) at++;
  if (text[at] !== '>') return undefined;
  at++;
  return withSpace && at < text.length && /\s/.test(text[at]) ? at + 1 : at;
}

/** A non-blank line without `>` that still belongs to the quoted paragraph above it (CommonMark's lazy continuation). */
function isLazyContinuation(lines: LineIndex, line: number, depth: number): boolean {
  for (let above = line; above >= 0 && above > line - 50; above--) {
    const text = lines.lineText(above);
    if (text.trim() === '' || isFencedDivLine(text) || ATTRIBUTE_LINE.test(text)) return false;
    if (quoteDepth(text) > depth) return above < line;
  }
  return false;
}

/** What opens an attribute list, as a pattern to compose (`{:`). */
export const ATTRIBUTE_LIST_OPENER = String.raw`\{:`;

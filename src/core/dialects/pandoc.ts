/**
 * Pandoc Markdown as The Carpentries Workbench and Quarto write it: fenced divs (`::: challenge`
 * … `:::`) that name an activity, and `{…}` attributes after a link, a span or an image.
 */

const FENCED_DIV = /^ {0,3}(:{3,})(.*)$/;
const DIV_NAME = /^\s*\{?\s*\.?([A-Za-z][\w-]*)/;

export type FencedDivLine = { kind: 'open'; name: string } | { kind: 'close' } | { kind: 'other' };

/** What a line of colons does: open a named div, close the innermost one, or neither (`::: {}`); undefined when it is no fence. */
export function fencedDivLine(text: string): FencedDivLine | undefined {
  const fence = FENCED_DIV.exec(text);
  if (!fence) return undefined;
  const rest = fence[2].trim();
  if (rest === '' || /^:+$/.test(rest)) return { kind: 'close' };
  const name = DIV_NAME.exec(rest)?.[1];
  return name ? { kind: 'open', name: name.toLowerCase() } : { kind: 'other' };
}

export function isFencedDivLine(text: string): boolean {
  return FENCED_DIV.test(text);
}

/** The run of colons that opens a div's line (`::::`), for a new div written beside it. */
export function fenceOf(text: string): string {
  return /^\s*(:{3,})/.exec(text)?.[1] ?? ':::';
}

/** Whether the `{` at `at` opens Pandoc attributes: right after a link's or a span's `]` or `)`. */
export function opensAttributes(text: string, at: number): boolean {
  return at > 0 && (text[at - 1] === ']' || text[at - 1] === ')');
}

/** An attribute block right after an image: `{alt='…' width="80%"}`, or kramdown's `{: …}`. Not Liquid (`{{`, `{%`). */
export const ATTRIBUTES_AFTER_IMAGE = /^\{(?![{%])[^}\n]*\}/;

/** A solution div to add inside an activity, with the activity's own fence. */
export function solutionDiv(fence: string, eol: string): string {
  return `${eol}${fence} solution${eol}${eol}Write the answer and explain why it is right.${eol}${eol}${fence}${eol}${eol}`;
}

/** An image marked decorative in Pandoc's syntax. */
export const DECORATIVE_IMAGE = '{alt=""}';

/** What opens a div fence, as a pattern to compose (`:::`). */
export const FENCE_OPENER = ':{3,}';

import { locateFrontMatter } from '../document/frontMatter';
import { uncheckedBlocks } from '../document/guard';

export interface Region {
  start: number;
  end: number;
}

/**
 * A lesson's body as runs of lines that read alone as they do in it (see {@link blockLayout}), and
 * whether the lesson has code: `unknown` where only a parse could tell (a backtick that may not open
 * a code span, an indented line that may continue a list item).
 */
export interface BlockLayout {
  regions: Region[];
  code: 'some' | 'none' | 'unknown';
}

/**
 * What makes a block read differently alone than in the lesson, wherever it is: a carriage return or
 * a NUL (kept out for simplicity), a link or footnote definition (also in a list item or a quote),
 * a suppression comment.
 */
const DEPENDS_ON_LESSON = /[\r\0]|(?:^|\n)[ \t>*+\-\d.)]*\[[^\]\n]*\]:|course-review-/;
/** An opening code fence at the margin: backticks with no backtick after them, or tildes. */
const FENCE = /^(`{3,})[^`]*$|^(~{3,})/;
/** A fence that may belong to a list item or a quote, whose lines the margin does not tell apart. */
const FENCE_IN_CONTAINER = /^(?: {1,3}|[ \t]*(?:>|[-*+]|\d{1,9}[.)])[ \t>]*)(?:`{3,}|~{3,})/;
/** HTML that runs past an empty line, up to its end: a comment, or `<script`, `<pre`, `<style`, `<textarea`. */
const HTML_RUN = /^<(?:(!--)|(script|pre|style|textarea)(?=[\s>]|$))/i;
/**
 * Other HTML that runs past an empty line (`<?`, `<!DOCTYPE`, `<![CDATA[`), or a comment or a
 * `<pre>` away from the margin.
 */
const HTML_RUN_ELSEWHERE = /^(?: {0,3}<(?:\?|!(?!--))| {1,3}<(?:!--|(?:script|pre|style|textarea)(?:[\s>]|$)))/i;
/** The tags that open an HTML block wherever they are, up to the next empty line (CommonMark's sixth kind). */
const BLOCK_TAG = new RegExp(
  '^ {0,3}</?(?:' +
    'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
    'fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|' +
    'menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul' +
    ')(?:[\\s/>]|$)',
  'i',
);
const TAG_START = /^ {0,3}<\/?[A-Za-z]/;
/** A tag without attributes and text after it on its line: inline HTML, as `<em>Note</em>` is. */
const TAG_THEN_TEXT = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*>[ \t]*\S/;
const BLANK = /^[ \t]*$/;
const CODE_SIGNS = /`|~~~|(?:^|\n)(?: {4}|\t)/;

/** Where a `<script>`, `<pre>`, `<style>` or `<textarea>` block ends: at the line holding any of their end tags. */
const RAW_HTML_END = /<\/(?:script|pre|style|textarea)>/i;
const COMMENT_END = /-->/;

type State = { kind: 'text' } | { kind: 'fence'; closing: RegExp } | { kind: 'html'; end: RegExp };

/**
 * The runs of lines between empty lines after the front matter, with code fences and HTML that runs
 * past empty lines (comments, `<pre>`…) left out, each run reading alone as it does in the lesson:
 * undefined for a lesson where that cannot be told from its lines alone.
 *
 * Only fences and HTML runs that open at the margin are followed: there, nothing before them can
 * hold them (a list item or a quote ends at a line at the margin that does not continue its
 * paragraph, and these lines never do), unless a line of the same run opened an HTML block that
 * runs to the next empty line (then the lesson is refused). A fence or an HTML run indented by one
 * to three spaces, or behind a quote or list marker, may belong to a container whose later lines
 * the margin does not tell apart: the lesson is refused. One indented four spaces or more is
 * inside a list item or is itself indented code; either way the runs at the margin are not in it.
 */
export function blockLayout(text: string, maxLength: number): BlockLayout | undefined {
  if (text.length > maxLength) return undefined;
  const location = locateFrontMatter(text);
  if (location.kind === 'unclosed') return undefined;
  const from = location.kind === 'yaml' ? location.range.end : 0;
  const bodyText = text.slice(from);
  if (DEPENDS_ON_LESSON.test(bodyText) || uncheckedBlocks(text, from).length > 0) return undefined;

  // `html`: a line of the run may open an HTML block, which ends at the next empty line only.
  const regions: Array<Region & { html: boolean }> = [];
  let open: (typeof regions)[number] | undefined;
  let state: State = { kind: 'text' };
  let fenced = false;
  for (let start = from; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const next = end + 1;
    if (state.kind === 'fence') {
      if (state.closing.test(line)) state = { kind: 'text' };
    } else if (state.kind === 'html') {
      if (state.end.test(line)) state = { kind: 'text' };
    } else if (BLANK.test(line)) {
      open = undefined;
    } else if (FENCE_IN_CONTAINER.test(line) || HTML_RUN_ELSEWHERE.test(line)) {
      return undefined;
    } else {
      const fence = FENCE.exec(line);
      const html = fence ? undefined : HTML_RUN.exec(line);
      if ((fence || html) && open?.html) return undefined;
      if (fence) {
        const marker = fence[1] ?? fence[2];
        state = { kind: 'fence', closing: new RegExp(`^ {0,3}${marker[0]}{${marker.length},}[ \\t]*$`) };
        fenced = true;
        open = undefined;
      } else if (html) {
        const end = html[1] ? COMMENT_END : RAW_HTML_END;
        if (!end.test(line.slice(html[0].length))) state = { kind: 'html', end };
        open = undefined;
      } else if (open) {
        open.end = end;
        open.html ||= mayOpenHtml(line);
      } else {
        regions.push((open = { start, end, html: mayOpenHtml(line) }));
      }
    }
    start = next;
  }
  const code = fenced ? 'some' : CODE_SIGNS.test(bodyText) ? 'unknown' : 'none';
  return { regions: regions.map(({ start, end }) => ({ start, end })), code };
}

/** Whether a line may open an HTML block, which holds the lines after it up to an empty line. */
function mayOpenHtml(line: string): boolean {
  return BLOCK_TAG.test(line) || (TAG_START.test(line) && !TAG_THEN_TEXT.test(line));
}

/**
 * Nesting deeper than this is refused before a parser sees it: the `yaml`, `js-yaml` and
 * `jsonc-parser` parsers recurse once a level, and real front matter or configuration nests a few
 * levels deep.
 */
export const MAX_DATA_NESTING = 100;

/** Where data first nests deeper than the limit. */
export interface TooDeep {
  offset: number;
  limit: number;
}

/**
 * The first offset at which JSON (with comments) opens more than `limit` arrays and objects, read
 * in one pass that skips strings and comments.
 */
export function jsonTooDeep(text: string, limit = MAX_DATA_NESTING): TooDeep | undefined {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 34 /* " */) at = stringEnd(text, at);
    else if (code === 47 /* / */ && text.charCodeAt(at + 1) === 47) at = lineEnd(text, at);
    else if (code === 47 && text.charCodeAt(at + 1) === 42 /* * */) {
      const close = text.indexOf('*/', at + 2);
      at = close === -1 ? text.length : close + 1;
    } else if (code === 91 /* [ */ || code === 123 /* { */) {
      if (++depth > limit) return { offset: at, limit };
    } else if (code === 93 /* ] */ || code === 125 /* } */) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/**
 * The first offset at which YAML nests more than `limit` levels: flow collections (`[`, `{`),
 * block collections by indentation, and sequences opened on one line (`- - - x`). Quoted scalars,
 * comments and block scalars (`|`, `>`) are skipped. An estimate that can only count too many
 * levels, never too few, so what it lets through nests no deeper than the limit.
 */
export function yamlTooDeep(text: string, limit = MAX_DATA_NESTING): TooDeep | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = 0;
  let blockScalarIndent = -1;
  for (let lineStart = 0; lineStart < text.length;) {
    const end = lineEnd(text, lineStart);
    let at = lineStart;
    while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    const indent = at - lineStart;
    const blank = at === end || text.charCodeAt(at) === 35; /* # */
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      lineStart = nextLine(text, end);
      continue;
    }
    blockScalarIndent = -1;
    if (!blank && quote === 0 && flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    let sequences = 0;
    for (; at < end; at++) {
      const code = text.charCodeAt(at);
      if (quote !== 0) {
        if (code === quote) {
          if (quote === 39 && text.charCodeAt(at + 1) === 39) at++;
          else quote = 0;
        } else if (code === 92 /* \ */ && quote === 34) at++;
        continue;
      }
      if (code === 35 /* # */ && (at === lineStart || text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 9)) break;
      if (code === 34 || code === 39) quote = code;
      else if (code === 91 || code === 123) flow++;
      else if (code === 93 || code === 125) flow = Math.max(0, flow - 1);
      else if ((code === 45 /* - */ || code === 63) /* ? */ && flow === 0 && isSpaceOrEnd(text, at + 1, end)) sequences++;
      else if (
        (code === 124 /* | */ || code === 62) /* > */ &&
        flow === 0 &&
        afterIndicator(text, lineStart, at) &&
        blockScalarHeader(text, at + 1, end)
      )
        blockScalarIndent = indent;
      if (indents.length + sequences + flow > limit) return { offset: at, limit };
    }
    lineStart = nextLine(text, end);
  }
  return undefined;
}

function stringEnd(text: string, open: number): number {
  for (let at = open + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 92 /* \ */) at++;
    else if (code === 34 || code === 10) return at;
  }
  return text.length;
}

function lineEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
  return at;
}

function nextLine(text: string, end: number): number {
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

function isSpaceOrEnd(text: string, at: number, end: number): boolean {
  return at >= end || text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9;
}

/** Whether a `|` or `>` stands where a value starts: at the line start or after `key:` or `-`. */
function afterIndicator(text: string, lineStart: number, at: number): boolean {
  const before = text.slice(Math.max(lineStart, at - 200), at).trimEnd();
  return before === '' || before.endsWith(':') || before.endsWith('-');
}

/** `|` or `>` followed only by indentation and chomping indicators and a comment: a block scalar starts on the next line. */
function blockScalarHeader(text: string, from: number, end: number): boolean {
  return /^[-+0-9]*[ \t]*(?:#.*)?$/.test(text.slice(from, Math.min(end, from + 200)));
}

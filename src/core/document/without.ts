import type { Root } from 'mdast';
import type { Point } from 'unist';
import { preOrder } from './walk';
import type { OffsetRange } from '../types/range';

/** Where one left-out block was: its offset in the text parsed, and the characters and line breaks it took. */
interface Gap {
  at: number;
  characters: number;
  lineBreaks: number;
}

/**
 * Parses `text` without `blocks` (whole lines, in order, apart from each other): each is cut down
 * to an empty line, so that the parser spends nothing on it, and the tree's positions are moved
 * back to where they are in `text`. Blanking the blocks instead would keep the offsets, but the
 * parser spends as long on a line of spaces as on many a line of text.
 */
export function parseWithout(text: string, blocks: readonly OffsetRange[], parse: (text: string) => Root): Root {
  if (blocks.length === 0) return parse(text);
  const kept: string[] = [];
  const gaps: Gap[] = [];
  let from = 0;
  let removed = 0;
  for (const block of blocks) {
    kept.push(text.slice(from, block.start));
    gaps.push({ at: block.start - removed, characters: block.end - block.start, lineBreaks: lineBreaks(text, block.start, block.end) });
    removed += block.end - block.start;
    from = block.end;
  }
  kept.push(text.slice(from));
  const tree = parse(kept.join(''));
  const moves = cumulative(gaps);
  for (const node of preOrder(tree)) {
    if (node.position) node.position = { start: moved(node.position.start, moves), end: moved(node.position.end, moves) };
  }
  return tree;
}

/** For each gap, the characters and line breaks removed up to and including it. */
function cumulative(gaps: readonly Gap[]): Gap[] {
  let characters = 0;
  let lineBreaks = 0;
  return gaps.map((gap) => {
    characters += gap.characters;
    lineBreaks += gap.lineBreaks;
    return { at: gap.at, characters, lineBreaks };
  });
}

/** A point after a gap moves by everything removed before it; a point on the gap's empty line stays. */
function moved(point: Point, moves: readonly Gap[]): Point {
  const offset = point.offset ?? 0;
  let low = 0;
  let high = moves.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (moves[mid].at < offset) low = mid + 1;
    else high = mid;
  }
  if (low === 0) return { ...point };
  const move = moves[low - 1];
  return { line: point.line + move.lineBreaks, column: point.column, offset: offset + move.characters };
}

function lineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10)) count++;
  }
  return count;
}

import type { Nodes, Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import type { LineIndex } from '../text/lines';

export interface PreviousParse {
  text: string;
  tree: Root;
  lines: LineIndex;
}

type Parse = (text: string) => Root;

/**
 * Re-parses only the top-level blocks around an edit and reuses the others, shifted into place.
 * The block after the edited region is parsed again as a witness: if it does not come out exactly
 * as before (an edit opened a code fence, say), the edit reached further and `undefined` asks for a
 * full parse. So do edits to front matter and lessons with link or footnote definitions, whose
 * meaning is not local.
 */
export function reparse(previous: PreviousParse, text: string, lines: LineIndex, parseBody: Parse): Root | undefined {
  const blocks = previous.tree.children;
  if (blocks.some((block) => block.type === 'definition' || block.type === 'footnoteDefinition')) return undefined;
  const firstBody = blocks[0]?.type === 'yaml' ? 1 : 0;
  if (blocks.length - firstBody < 2) return undefined;

  const { start: changeStart, oldEnd: changeEnd, delta } = changedRange(previous.text, text);
  if (firstBody === 1 && changeStart <= end(blocks[0]) + 1) return undefined;

  let first = blocks.findIndex((block, index) => index >= firstBody && end(block) >= changeStart);
  if (first === -1) first = blocks.length - 1;
  first = Math.max(firstBody, first - 1);
  let last = first;
  while (last + 1 < blocks.length && start(blocks[last + 1]) <= changeEnd) last++;
  const witness = last + 1 < blocks.length ? last + 1 : undefined;

  const regionStart = previous.lines.lineStart(previous.lines.lineAt(start(blocks[first])));
  const regionEndOld = witness === undefined ? previous.text.length : end(blocks[witness]);
  const regionEnd = regionEndOld + delta;
  if (regionStart > changeStart || regionEnd < regionStart) return undefined;

  const lineOffset = lines.lineAt(regionStart);
  const parsed = parseBody(text.slice(regionStart, regionEnd)).children.map((node) => shifted(node, regionStart, lineOffset));
  if (parsed.some((node) => node.type === 'definition' || node.type === 'footnoteDefinition')) return undefined;
  if (witness !== undefined) {
    const before = blocks[witness];
    const after = parsed.at(-1);
    if (!after || after.type !== before.type || start(after) !== start(before) + delta || end(after) !== end(before) + delta) return undefined;
  }

  const lineDelta = lines.lineCount - previous.lines.lineCount;
  const following = witness === undefined ? [] : blocks.slice(witness + 1).map((node) => shifted(node, delta, lineDelta));
  return {
    type: 'root',
    children: [...blocks.slice(0, first), ...parsed, ...following],
    position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text, lines) },
  };
}

function changedRange(before: string, after: string): { start: number; oldEnd: number; delta: number } {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, oldEnd: before.length - suffix, delta: after.length - before.length };
}

function start(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function end(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** A copy of the node with every position moved by `offset` characters and `lines` lines. */
function shifted<T extends Nodes | RootContent>(node: T, offset: number, lines: number): T {
  const copy = { ...node } as T & { children?: Nodes[] };
  if (node.position) copy.position = shiftPosition(node.position, offset, lines);
  if ('children' in node && Array.isArray(node.children)) copy.children = (node.children as Nodes[]).map((child) => shifted(child, offset, lines));
  return copy;
}

function shiftPosition(position: Position, offset: number, lines: number): Position {
  const move = (point: Point): Point => ({ line: point.line + lines, column: point.column, offset: (point.offset ?? 0) + offset });
  return { start: move(position.start), end: move(position.end) };
}

function endPoint(text: string, lines: LineIndex): Point {
  const position = lines.positionAt(text.length);
  return { line: position.line + 1, column: position.character + 1, offset: text.length };
}

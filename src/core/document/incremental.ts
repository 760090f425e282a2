import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import type { LineIndex } from '../text/lines';

export interface PreviousParse {
  text: string;
  tree: Root;
  lines: LineIndex;
}

type Parse = (text: string) => Root;

/**
 * A tree built from the previous one. What started before `keptBefore` is unchanged; what started
 * at or after `movedFrom` in the previous text moved by `delta`; `parsed` holds the blocks between.
 */
export interface Reparse {
  tree: Root;
  keptBefore: number;
  movedFrom: number;
  delta: number;
  parsed: RootContent[];
}

/**
 * Re-parses only the top-level blocks around an edit and reuses the others, shifted into place.
 * The block after the edited region is parsed again as a witness: if it does not come out exactly
 * as before (an edit opened a code fence, say), the edit reached further and `undefined` asks for a
 * full parse. So do edits to front matter, lessons that open with `---` but no front matter, and
 * lessons with link or footnote definitions, whose meaning is not local.
 */
export function reparse(previous: PreviousParse, text: string, lines: LineIndex, parseBody: Parse): Reparse | undefined {
  const blocks = previous.tree.children;
  if (blocks.some((block) => block.type === 'definition' || block.type === 'footnoteDefinition')) return undefined;
  const firstBody = blocks[0]?.type === 'yaml' ? 1 : 0;
  if (blocks.length - firstBody < 2) return undefined;
  // A `---` that opens no front matter still changes how the rest of the lesson parses (a list can read as a paragraph).
  if (firstBody === 0 && (previous.text.startsWith('---') || text.startsWith('---'))) return undefined;

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
    if (!after || after.type !== before.type || start(after) !== start(before) + delta || end(after) !== end(before) + delta)
      return undefined;
  }

  const lineDelta = lines.lineCount - previous.lines.lineCount;
  const following = witness === undefined ? [] : blocks.slice(witness + 1).map((node) => shifted(node, delta, lineDelta));
  const tree: Root = {
    type: 'root',
    children: [...blocks.slice(0, first), ...parsed, ...following],
    position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text, lines) },
  };
  const movedFrom = witness !== undefined && witness + 1 < blocks.length ? start(blocks[witness + 1]) : Infinity;
  return { tree, keptBefore: regionStart, movedFrom, delta, parsed };
}

const CHUNK = 256;

function changedRange(before: string, after: string): { start: number; oldEnd: number; delta: number } {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  // Whole chunks first: comparing two slices is much faster than comparing their characters one by one.
  while (prefix + CHUNK <= limit && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix + CHUNK <= limit - prefix &&
    before.slice(before.length - suffix - CHUNK, before.length - suffix) ===
      after.slice(after.length - suffix - CHUNK, after.length - suffix)
  )
    suffix += CHUNK;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, oldEnd: before.length - suffix, delta: after.length - before.length };
}

function start(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function end(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/**
 * A copy of the node with every position moved by `offset` characters and `lines` lines; copied with a stack of its own, however deep the
 * tree.
 */
function shifted<T extends Nodes | RootContent>(node: T, offset: number, lines: number): T {
  const copyOf = (original: Nodes): Nodes => {
    const copy = { ...original } as Nodes & { children?: Nodes[] };
    if (original.position)
      copy.position = {
        start: shiftedPoint(original.position.start, offset, lines),
        end: shiftedPoint(original.position.end, offset, lines),
      };
    return copy;
  };
  const root = copyOf(node as Nodes);
  const pending: Nodes[] = [root];
  for (let copy = pending.pop(); copy !== undefined; copy = pending.pop()) {
    if (!('children' in copy) || !Array.isArray(copy.children)) continue;
    const children = (copy.children as Nodes[]).map(copyOf);
    (copy as { children: Nodes[] }).children = children;
    for (const child of children) pending.push(child);
  }
  return root as T;
}

function shiftedPoint(point: Point, offset: number, lines: number): Point {
  return { line: point.line + lines, column: point.column, offset: (point.offset ?? 0) + offset };
}

function endPoint(text: string, lines: LineIndex): Point {
  const position = lines.positionAt(text.length);
  return { line: position.line + 1, column: position.character + 1, offset: text.length };
}

import { Document, isAlias, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, type Node as YamlNode } from 'yaml';
import { duplicateKeys, locateFrontMatter, parseFrontMatter, type FrontMatterLocation } from '../document/frontMatter';
import { BOM } from '../text/bom';
import { lessonFingerprint } from './fingerprint';
import type { Role } from './roles';
import { checkAction, nextRecord, type RecordChange, type RecordData, type ReviewAction, type ReviewWriteContext } from './transitions';
import type { OffsetRange, TextEdit } from '../types/range';

/** What a review action wrote: edits that record or withdraw the role's entry, or why it wrote nothing. */
export type ReviewWrite =
  | { kind: 'record'; edits: TextEdit[]; record: RecordData }
  | { kind: 'withdrawn'; edits: TextEdit[] }
  | { kind: 'refused'; message: string; range?: OffsetRange };

/** The lesson being signed, and the action, once both have been checked. */
interface Signing {
  /** The whole text, byte order mark included. */
  text: string;
  /** The text after the byte order mark; offsets in the shape writers are into it. */
  source: string;
  bom: number;
  eol: string;
  fingerprint: string | undefined;
  action: ReviewAction;
  role: Role;
  context: ReviewWriteContext;
}

/**
 * Records a review action in the lesson's front matter, as edits to `text`. Only the role's entry
 * under `review:` is written (or the `review:` block when it is new, or the front matter when the
 * lesson has none); every other byte stays as it was, in the file's own line endings and indent.
 * Refuses, changing nothing, when the front matter does not parse or the action is not allowed.
 */
export function writeReview(text: string, action: ReviewAction, context: ReviewWriteContext): ReviewWrite {
  const checked = checkAction(action, context);
  if (checked.kind === 'refused') return refuse(checked.message);
  const bom = text.startsWith(BOM) ? 1 : 0;
  const source = text.slice(bom);
  if (/^\+\+\+[ \t]*(?:\r?\n|$)/.test(source))
    return refuse('This lesson has TOML front matter (+++); Course Review writes reviews in YAML front matter only.', {
      start: bom,
      end: bom + 3,
    });

  const location = locateFrontMatter(source);
  if (location.kind === 'unclosed')
    return refuse(
      'The front matter has no closing `---` line: fix it before signing, so that nothing is lost.',
      shift(location.range, bom),
    );
  const head = location.kind === 'yaml' ? source.slice(0, location.range.end + 2) : source.slice(0, afterLine(source, 0, source.length));
  if (/\r(?!\n)/.test(head))
    return refuse(
      'This file uses bare CR (classic Mac) line endings, which YAML readers disagree on: convert it to LF or CRLF before signing.',
      { start: bom, end: bom + head.length },
    );
  const eol = lineEnding(location.kind === 'yaml' ? source.slice(location.content.start, location.range.end + 2) : source);
  const signing: Signing = { text, source, bom, eol, fingerprint: lessonFingerprint(source), action, role: checked.role, context };
  return location.kind === 'none' ? writeWithoutFrontMatter(signing) : writeInFrontMatter(signing, location);
}

/** No front matter yet: a new one, holding the `review:` block alone, goes above the text. */
function writeWithoutFrontMatter(signing: Signing): ReviewWrite {
  const change = nextRecord({}, signing.action, signing.role, signing.context, signing.fingerprint);
  if (change.kind === 'refused') return refuse(change.message);
  if (change.kind === 'withdrawn') return refuse(`There is no ${signing.role.label} review to withdraw.`);
  const { eol } = signing;
  return verified(
    signing,
    [{ start: 0, end: 0, text: `---${eol}${renderReviewBlock(signing.role.name, change.record, 2, 0, eol)}---${eol}` }],
    change,
  );
}

function writeInFrontMatter(signing: Signing, location: Extract<FrontMatterLocation, { kind: 'yaml' }>): ReviewWrite {
  const { source, bom } = signing;
  const parsed = parseFrontMatter(source, location.range);
  const problem = parsed.problems[0];
  if (problem)
    return refuse(
      `The front matter does not parse (${problem.message.replace(/ at line \d+, column \d+:?$/, '')}): fix it before signing, ` +
        `so that nothing is lost.`,
      shift(problem, bom),
    );
  const top = parsed.document.contents;
  if (top !== null && !(isMap(top) && !top.flow)) {
    const hint = isScalar(top) && /\w:\S/.test(String(top.value)) ? ' (is a space missing after a colon?)' : '';
    return refuse(
      `The front matter is not a block of \`key: value\` lines${hint}, so Course Review cannot add a review to it safely.`,
      shift(location.range, bom),
    );
  }
  const block: FrontMatterBlock = {
    yaml: parsed.document,
    top,
    content: location.content,
    indentUnit: detectIndent(source.slice(location.content.start, location.content.end)),
  };
  const reviewPair = top?.items.find((pair) => isScalar(pair.key) && pair.key.value === 'review');
  const review = reviewPair?.value as YamlNode | null | undefined;
  if (!reviewPair || isEmpty(review)) return writeReviewBlock(signing, block, reviewPair);
  const at = (offset: number) => location.content.start + offset;
  if (isAlias(review))
    return refuse(
      `\`review\` is a YAML alias (*${review.source}), so a review written here would change every place that uses it: ` +
        `write the \`review\` block out in full first.`,
      shift(nodeRange(review, at), bom),
    );
  if (!isMap(review))
    return refuse(
      '`review` is not a mapping of roles, so Course Review cannot write to it safely: fix it by hand first.',
      shift(nodeRange(review, at), bom),
    );
  return review.flow ? writeFlowReview(signing, block, reviewPair, review) : writeRoleEntry(signing, block, reviewPair, review);
}

/** The front matter's parsed block, and where its content lies in the source. */
interface FrontMatterBlock {
  yaml: Document;
  top: YAMLMap | null;
  content: OffsetRange;
  indentUnit: number;
}

/** No `review:` key, or an empty one: a new `review:` block with the role's record. */
function writeReviewBlock(signing: Signing, block: FrontMatterBlock, reviewPair: Pair | undefined): ReviewWrite {
  const { source, eol, role } = signing;
  const change = nextRecord({}, signing.action, role, signing.context, signing.fingerprint);
  if (change.kind === 'refused') return refuse(change.message);
  if (change.kind === 'withdrawn') return refuse(`There is no ${role.label} review to withdraw.`);
  const at = (offset: number) => block.content.start + offset;
  if (!reviewPair) {
    const column = block.top?.items[0] ? columnOf(source, at(keyStart(block.top.items[0]))) : 0;
    return verified(
      signing,
      [
        {
          start: block.content.end,
          end: block.content.end,
          text: renderReviewBlock(role.name, change.record, block.indentUnit, column, eol),
        },
      ],
      change,
    );
  }
  const start = at(keyStart(reviewPair));
  const extent = entryExtent(source, start, block.content.end);
  return verified(
    signing,
    [{ ...extent, text: renderReviewBlock(role.name, change.record, block.indentUnit, columnOf(source, start), eol) }],
    change,
  );
}

/** `review: {sme: …}` on one line: rewritten whole, as a block, with the role's record changed. */
function writeFlowReview(signing: Signing, block: FrontMatterBlock, reviewPair: Pair, review: YAMLMap): ReviewWrite {
  const { source, action } = signing;
  const change = changeOfRole(signing, block, review);
  if (change.kind === 'refused') return refuse(change.message, change.range);
  const roles = review.toJS(block.yaml) as Record<string, unknown>;
  if (change.kind === 'withdrawn') delete roles[action.role];
  else roles[action.role] = change.record;
  const reviewStart = block.content.start + keyStart(reviewPair);
  const extent = entryExtent(source, reviewStart, block.content.end);
  if (Object.keys(roles).length === 0) return verified(signing, [{ ...extent, text: '' }], change);
  return verified(
    signing,
    [{ ...extent, text: renderPair('review', roles, block.indentUnit, columnOf(source, reviewStart), signing.eol) }],
    change,
  );
}

/** A `review:` block: only the role's entry is written, added, or removed (with the block when it was the last). */
function writeRoleEntry(signing: Signing, block: FrontMatterBlock, reviewPair: Pair, review: YAMLMap): ReviewWrite {
  const { source, action, eol } = signing;
  const at = (offset: number) => block.content.start + offset;
  const change = changeOfRole(signing, block, review);
  if (change.kind === 'refused') return refuse(change.message, change.range);
  const reviewStart = at(keyStart(reviewPair));
  const rolePair = review.items.find((pair) => isScalar(pair.key) && pair.key.value === action.role);
  if (!rolePair) {
    if (change.kind === 'withdrawn') return refuse(`There is no ${signing.role.label} review to withdraw.`);
    const reviewExtent = entryExtent(source, reviewStart, block.content.end);
    const column = columnOf(source, at(keyStart(review.items[0])));
    return verified(
      signing,
      [{ start: reviewExtent.end, end: reviewExtent.end, text: renderPair(action.role, change.record, block.indentUnit, column, eol) }],
      change,
    );
  }
  const roleStart = at(keyStart(rolePair));
  const roleExtent = entryExtent(source, roleStart, block.content.end);
  if (change.kind === 'withdrawn') {
    const extent = review.items.length === 1 ? entryExtent(source, reviewStart, block.content.end) : roleExtent;
    return verified(signing, [{ ...extent, text: '' }], change);
  }
  const roleValue = rolePair.value as YamlNode | null;
  const roleColumn = columnOf(source, roleStart);
  const firstField = isMap(roleValue) && !roleValue.flow ? roleValue.items[0] : undefined;
  const unit = firstField ? Math.max(1, columnOf(source, at(keyStart(firstField))) - roleColumn) : block.indentUnit;
  return verified(
    signing,
    [{ ...roleExtent, text: renderRolePair(rolePair, roleValue, change.record, block.yaml, unit, roleColumn, eol) }],
    change,
  );
}

/** The role's next record, from its current entry, which must be a mapping (or absent, or empty). */
function changeOfRole(
  signing: Signing,
  block: FrontMatterBlock,
  review: YAMLMap,
): Exclude<RecordChange, { kind: 'refused' }> | Extract<ReviewWrite, { kind: 'refused' }> {
  const { action, bom } = signing;
  const at = (offset: number) => block.content.start + offset;
  const rolePair = review.items.find((pair) => isScalar(pair.key) && pair.key.value === action.role);
  const roleValue = rolePair?.value as YamlNode | null | undefined;
  if (isAlias(roleValue))
    return refuse(
      `\`review.${action.role}\` is a YAML alias (*${roleValue.source}): write it out in full first.`,
      shift(nodeRange(roleValue, at), bom),
    );
  if (rolePair && !isEmpty(roleValue) && !isMap(roleValue))
    return refuse(
      `\`review.${action.role}\` is not a mapping, so Course Review cannot write to it safely: fix it by hand first.`,
      shift(nodeRange(roleValue, at), bom),
    );
  const existing = isMap(roleValue) ? (roleValue.toJS(block.yaml) as RecordData) : {};
  const change = nextRecord(existing, action, signing.role, signing.context, signing.fingerprint);
  return change.kind === 'refused' ? refuse(change.message) : change;
}

function refuse(message: string, range?: OffsetRange): Extract<ReviewWrite, { kind: 'refused' }> {
  return range ? { kind: 'refused', message, range } : { kind: 'refused', message };
}

/**
 * Applies the edits and checks the result as a reader would: the front matter parses, the role's
 * record is what was meant, and every other key, every other role and the body are unchanged.
 */
function verified({ text, bom, action }: Signing, edits: TextEdit[], change: Exclude<RecordChange, { kind: 'refused' }>): ReviewWrite {
  const shifted = edits.map((edit) => ({ start: edit.start + bom, end: edit.end + bom, text: edit.text }));
  let result = text;
  for (const edit of [...shifted].sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  const before = readFrontMatter(text.slice(bom));
  const after = readFrontMatter(result.slice(bom));
  const beforeReview = asObject(before?.data.review);
  const afterReview = asObject(after?.data.review);
  const expectedReview = { ...beforeReview };
  if (change.kind === 'withdrawn') delete expectedReview[action.role];
  else expectedReview[action.role] = change.record;
  const ok =
    after !== undefined &&
    equal(withoutReview(before?.data ?? {}), withoutReview(after.data)) &&
    equal(expectedReview, afterReview) &&
    (before === undefined
      ? result.slice(bom + after.end).replace(/^(?:\r\n|\n|\r)/, '') === text.slice(bom)
      : result.slice(bom + after.end) === text.slice(bom + before.end));
  if (!ok)
    return refuse(
      'Course Review could not write this review without changing something else in the front matter, so it changed nothing. ' +
        'Please report this with the lesson attached.',
    );
  return change.kind === 'withdrawn' ? { kind: 'withdrawn', edits: shifted } : { kind: 'record', edits: shifted, record: change.record };
}

function readFrontMatter(source: string): { data: Record<string, unknown>; end: number } | undefined {
  const location = locateFrontMatter(source);
  if (location.kind !== 'yaml') return undefined;
  const yaml = parseDocument(source.slice(location.content.start, location.content.end), { uniqueKeys: false });
  if (yaml.errors.length > 0 || duplicateKeys(yaml).length > 0) return undefined;
  const data: unknown = yaml.toJS({ maxAliasCount: 100 }) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  return { data: data as Record<string, unknown>, end: location.range.end };
}

function withoutReview(data: Record<string, unknown>): Record<string, unknown> {
  const { review: _review, ...rest } = data;
  return rest;
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map || b instanceof Map)
    return a instanceof Map && b instanceof Map && equal(Object.fromEntries(a), Object.fromEntries(b));
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => Object.hasOwn(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

function isEmpty(node: YamlNode | null | undefined): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null;
  return isMap(node) && node.flow === true && node.items.length === 0;
}

function keyStart(pair: Pair): number {
  const key = pair.key as YamlNode | null;
  return key?.range?.[0] ?? 0;
}

function nodeRange(node: YamlNode | null | undefined, at: (offset: number) => number): OffsetRange | undefined {
  if (!node?.range) return undefined;
  return { start: at(node.range[0]), end: at(node.range[1]) };
}

function shift(range: OffsetRange | undefined, by: number): OffsetRange | undefined {
  return range && { start: range.start + by, end: range.end + by };
}

function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** The indent of the line a key is on: a tag or an anchor before the key (`!!str key:`) does not count. */
function columnOf(text: string, offset: number): number {
  const start = lineStartOf(text, offset);
  return indentation(text.slice(start, offset));
}

/**
 * The lines of a `key:` entry in a block mapping: its own line and the deeper-indented (or blank)
 * lines after it, up to its last non-blank line, line break included.
 */
function entryExtent(text: string, keyOffset: number, limit: number): OffsetRange {
  const start = lineStartOf(text, keyOffset);
  const column = columnOf(text, keyOffset);
  let end = afterLine(text, keyOffset, limit);
  for (let cursor = end; cursor < limit;) {
    const next = afterLine(text, cursor, limit);
    const line = text.slice(cursor, next).replace(/[\r\n]+$/, '');
    if (line.trim() !== '') {
      if (indentation(line) <= column) break;
      end = next;
    }
    cursor = next;
  }
  return { start, end };
}

function afterLine(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return Math.min(i + 2, limit);
  return Math.min(i + 1, limit);
}

function indentation(line: string): number {
  return line.length - line.replace(/^[ \t]+/, '').length;
}

function lineEnding(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match ? match[0] : '\n';
}

/** The indent of the first nested line, else 2. */
function detectIndent(yamlText: string): number {
  const lines = yamlText.split(/\r\n|\n|\r/);
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1];
    if (!/:\s*(?:#.*)?$/.test(previous) || /^\s*#/.test(previous)) continue;
    const step = indentation(lines[i]) - indentation(previous);
    if (step > 0 && step <= 8 && lines[i].trim() !== '' && !lines[i].trim().startsWith('-')) return step;
  }
  return 2;
}

function renderReviewBlock(role: string, record: RecordData, unit: number, column: number, eol: string): string {
  return renderPair('review', { [role]: record }, unit, column, eol);
}

function renderPair(key: string, value: unknown, unit: number, column: number, eol: string): string {
  const document = new Document({ [key]: value });
  return indentLines(document.toString({ indent: unit, lineWidth: 0, minContentWidth: 0 }), column, eol);
}

/** Re-renders the role's entry from its own YAML nodes, so that the author's keys and comments in it survive. */
function renderRolePair(
  pair: Pair,
  value: YamlNode | null | undefined,
  record: RecordData,
  yaml: Document,
  unit: number,
  column: number,
  eol: string,
): string {
  const map = isMap(value) ? value : new YAMLMap(yaml.schema);
  map.flow = false;
  for (const item of [...map.items]) {
    const key = isScalar(item.key) ? item.key.value : item.key;
    if (typeof key !== 'string' || !(key in record)) map.delete(item.key);
  }
  for (const [key, next] of Object.entries(record)) {
    const current = map.get(key, true) as YamlNode | undefined;
    if (current === undefined) map.set(key, next);
    else if (isScalar(current) && isPrimitive(next)) {
      if (current.value !== next) current.value = next;
    } else if (!isScalar(current) && !isSeq(current) && !isMap(current)) map.set(key, next);
  }
  const key = new Scalar((pair.key as Scalar).value);
  const document = new Document();
  const root = new YAMLMap(yaml.schema);
  root.items.push(new Pair(key, map));
  document.contents = root;
  return indentLines(document.toString({ indent: unit, lineWidth: 0, minContentWidth: 0 }), column, eol);
}

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function indentLines(rendered: string, column: number, eol: string): string {
  const pad = ' '.repeat(column);
  return rendered
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join(eol)
    .concat(eol);
}

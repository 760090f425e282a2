import { Document, isAlias, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, type Node as YamlNode } from 'yaml';
import { duplicateKeys, locateFrontMatter, parseFrontMatter } from '../document/frontMatter';
import type { OffsetRange } from '../document/model';
import type { TextEdit } from '../rules/rule';
import { lessonFingerprint } from './fingerprint';
import { checkAction, nextRecord, type RecordData, type ReviewAction, type ReviewWriteContext } from './transitions';

export type ReviewWrite =
  | { ok: true; edits: TextEdit[]; record: RecordData | undefined }
  | { ok: false; message: string; range?: OffsetRange };

const BOM = '\uFEFF';

/**
 * Records a review action in the lesson's front matter, as edits to `text`. Only the role's entry
 * under `review:` is written (or the `review:` block when it is new, or the front matter when the
 * lesson has none); every other byte stays as it was, in the file's own line endings and indent.
 * Refuses, changing nothing, when the front matter does not parse or the action is not allowed.
 */
export function writeReview(text: string, action: ReviewAction, context: ReviewWriteContext): ReviewWrite {
  const checked = checkAction(action, context);
  if ('refused' in checked) return refuse(checked.refused);
  const bom = text.startsWith(BOM) ? 1 : 0;
  const source = text.slice(bom);
  if (/^\+\+\+[ \t]*(?:\r?\n|$)/.test(source)) return refuse('This lesson has TOML front matter (+++); Course Review writes reviews in YAML front matter only.', { start: bom, end: bom + 3 });

  const location = locateFrontMatter(source);
  if (location.kind === 'unclosed') return refuse('The front matter has no closing `---` line: fix it before signing, so that nothing is lost.', shift(location.range, bom));
  const head = location.kind === 'yaml' ? source.slice(0, location.range.end + 2) : source.slice(0, afterLine(source, 0, source.length));
  if (/\r(?!\n)/.test(head)) return refuse('This file uses bare CR (classic Mac) line endings, which YAML readers disagree on: convert it to LF or CRLF before signing.', { start: bom, end: bom + head.length });
  const eol = lineEnding(location.kind === 'yaml' ? source.slice(location.content.start, location.range.end + 2) : source);
  const fingerprint = lessonFingerprint(source);

  if (location.kind === 'none') {
    const record = nextRecord({}, action, checked.role, context, fingerprint);
    if (record === undefined) return refuse(`There is no ${checked.role.label} review to withdraw.`);
    if ('refused' in record) return refuse(record.refused as string);
    const block = renderReviewBlock(checked.role.name, record, 2, 0, eol);
    return verified(text, bom, [{ start: 0, end: 0, text: `---${eol}${block}---${eol}` }], action.role, record);
  }

  const content = location.content;
  const parsed = parseFrontMatter(source, location.range);
  const problem = parsed.problems[0];
  if (problem) return refuse(`The front matter does not parse (${problem.message.replace(/ at line \d+, column \d+:?$/, '')}): fix it before signing, so that nothing is lost.`, shift(problem, bom));
  const yaml = parsed.document;
  const top = yaml.contents;
  if (top !== null && !(isMap(top) && !top.flow)) {
    const hint = isScalar(top) && /\w:\S/.test(String(top.value)) ? ' (is a space missing after a colon?)' : '';
    return refuse(`The front matter is not a block of \`key: value\` lines${hint}, so Course Review cannot add a review to it safely.`, shift(location.range, bom));
  }
  const at = (offset: number) => content.start + offset;
  const indentUnit = detectIndent(source.slice(content.start, content.end));

  const reviewPair = top?.items.find((pair) => isScalar(pair.key) && pair.key.value === 'review');
  const existingReview = reviewPair?.value as YamlNode | null | undefined;
  if (!reviewPair || isEmpty(existingReview)) {
    const record = nextRecord({}, action, checked.role, context, fingerprint);
    if (record === undefined) return refuse(`There is no ${checked.role.label} review to withdraw.`);
    if ('refused' in record) return refuse(record.refused as string);
    if (!reviewPair) {
      const column = top?.items[0] ? columnOf(source, at(keyStart(top.items[0]))) : 0;
      return verified(text, bom, [{ start: content.end, end: content.end, text: renderReviewBlock(checked.role.name, record, indentUnit, column, eol) }], action.role, record);
    }
    const start = at(keyStart(reviewPair));
    const extent = entryExtent(source, start, content.end);
    return verified(text, bom, [{ ...extent, text: renderReviewBlock(checked.role.name, record, indentUnit, columnOf(source, start), eol) }], action.role, record);
  }
  if (isAlias(existingReview)) return refuse(`\`review\` is a YAML alias (*${existingReview.source}), so a review written here would change every place that uses it: write the \`review\` block out in full first.`, shift(nodeRange(existingReview, at), bom));
  if (!isMap(existingReview)) return refuse('`review` is not a mapping of roles, so Course Review cannot write to it safely: fix it by hand first.', shift(nodeRange(existingReview, at), bom));

  const review = existingReview;
  const reviewStart = at(keyStart(reviewPair));
  const rolePair = review.items.find((pair) => isScalar(pair.key) && pair.key.value === action.role);
  const roleValue = rolePair?.value as YamlNode | null | undefined;
  if (isAlias(roleValue)) return refuse(`\`review.${action.role}\` is a YAML alias (*${roleValue.source}): write it out in full first.`, shift(nodeRange(roleValue, at), bom));
  if (rolePair && !isEmpty(roleValue) && !isMap(roleValue)) return refuse(`\`review.${action.role}\` is not a mapping, so Course Review cannot write to it safely: fix it by hand first.`, shift(nodeRange(roleValue, at), bom));
  const existing = isMap(roleValue) ? (roleValue.toJS(yaml) as RecordData) : {};
  const record = nextRecord(existing, action, checked.role, context, fingerprint);
  if (record && 'refused' in record) return refuse(record.refused as string);

  if (review.flow) {
    const roles = review.toJS(yaml) as Record<string, unknown>;
    if (record === undefined) delete roles[action.role];
    else roles[action.role] = record;
    const extent = entryExtent(source, reviewStart, content.end);
    if (Object.keys(roles).length === 0) return verified(text, bom, [{ ...extent, text: '' }], action.role, undefined);
    const rendered = renderPair('review', roles, indentUnit, columnOf(source, reviewStart), eol);
    return verified(text, bom, [{ ...extent, text: rendered }], action.role, record);
  }

  if (!rolePair) {
    if (record === undefined) return refuse(`There is no ${checked.role.label} review to withdraw.`);
    const reviewExtent = entryExtent(source, reviewStart, content.end);
    const column = columnOf(source, at(keyStart(review.items[0])));
    return verified(text, bom, [{ start: reviewExtent.end, end: reviewExtent.end, text: renderPair(action.role, record, indentUnit, column, eol) }], action.role, record);
  }
  const roleStart = at(keyStart(rolePair));
  const roleExtent = entryExtent(source, roleStart, content.end);
  if (record === undefined) {
    const extent = review.items.length === 1 ? entryExtent(source, reviewStart, content.end) : roleExtent;
    return verified(text, bom, [{ ...extent, text: '' }], action.role, undefined);
  }
  const roleColumn = columnOf(source, roleStart);
  const firstField = isMap(roleValue) && !roleValue.flow ? roleValue.items[0] : undefined;
  const unit = firstField ? Math.max(1, columnOf(source, at(keyStart(firstField))) - roleColumn) : indentUnit;
  const rendered = renderRolePair(rolePair, roleValue, record, yaml, unit, roleColumn, eol);
  return verified(text, bom, [{ ...roleExtent, text: rendered }], action.role, record);
}

function refuse(message: string, range?: OffsetRange): ReviewWrite {
  return range ? { ok: false, message, range } : { ok: false, message };
}

/**
 * Applies the edits and checks the result as a reader would: the front matter parses, the role's
 * record is what was meant, and every other key, every other role and the body are unchanged.
 */
function verified(text: string, bom: number, edits: TextEdit[], role: string, record: RecordData | undefined): ReviewWrite {
  const shifted = edits.map((edit) => ({ start: edit.start + bom, end: edit.end + bom, text: edit.text }));
  let result = text;
  for (const edit of [...shifted].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  const before = readFrontMatter(text.slice(bom));
  const after = readFrontMatter(result.slice(bom));
  const beforeReview = asObject(before?.data.review);
  const afterReview = asObject(after?.data.review);
  const expectedReview = { ...beforeReview };
  if (record === undefined) delete expectedReview[role];
  else expectedReview[role] = record;
  const ok =
    after !== undefined &&
    equal(withoutReview(before?.data ?? {}), withoutReview(after.data)) &&
    equal(expectedReview, afterReview) &&
    (before === undefined ? result.slice(bom + after.end).replace(/^(?:\r\n|\n|\r)/, '') === text.slice(bom) : result.slice(bom + after.end) === text.slice(bom + before.end));
  if (!ok) return refuse('Course Review could not write this review without changing something else in the front matter, so it changed nothing. Please report this with the lesson attached.');
  return { ok: true, edits: shifted, record };
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
  if (a instanceof Map || b instanceof Map) return a instanceof Map && b instanceof Map && equal(Object.fromEntries(a), Object.fromEntries(b));
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
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
  for (let cursor = end; cursor < limit; ) {
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
function renderRolePair(pair: Pair, value: YamlNode | null | undefined, record: RecordData, yaml: Document, unit: number, column: number, eol: string): string {
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

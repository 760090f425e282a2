import type { Nodes, Paragraph } from 'mdast';
import type { LessonDocument } from '../document/model';
import { plainText } from '../document/parse';
import type { OffsetRange } from '../types/range';

/**
 * A paragraph that opens with bold text and names what follows, as lessons written outside
 * static-site tools title their parts: "**Aims**", "**Quick check**" on a line of their own, or
 * "**In short:** check the date…" leading into its own paragraph.
 */
export interface LabelParagraph extends OffsetRange {
  /** The bold words, without a closing colon. */
  text: string;
  /** The bold text, which names the part as a heading line would. */
  marker: OffsetRange;
  /** Where the part ends: at the next heading or label, as a heading's section would. */
  sectionEnd: number;
}

const LABELS = Symbol('labels');
const MAX_LABEL = 80;

/** The document's label paragraphs, outside lists and quotes, in order. */
export function labelParagraphs(doc: LessonDocument): readonly LabelParagraph[] {
  return doc.derived(LABELS, () => scanLabels(doc));
}

function scanLabels(doc: LessonDocument): LabelParagraph[] {
  const found: Array<Omit<LabelParagraph, 'sectionEnd'>> = [];
  for (const node of doc.tree.children as Nodes[]) {
    if (node.type !== 'paragraph') continue;
    const label = labelOf(node);
    if (label) found.push(label);
  }
  const boundaries = [...doc.headings.map((heading) => heading.start), ...found.map((label) => label.start)].sort((a, b) => a - b);
  let next = 0;
  return found.map((label) => {
    while (next < boundaries.length && boundaries[next] <= label.start) next++;
    return { ...label, sectionEnd: next < boundaries.length ? boundaries[next] : doc.body.end };
  });
}

function labelOf(paragraph: Paragraph): Omit<LabelParagraph, 'sectionEnd'> | undefined {
  const [first, second] = paragraph.children;
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (first?.type !== 'strong' || start === undefined || end === undefined) return undefined;
  const bold = plainText(first).replace(/\s+/g, ' ').trim();
  if (bold === '' || bold.length > MAX_LABEL) return undefined;
  const rest = plainText(paragraph).replace(/\s+/g, ' ').trim().slice(bold.length).trim();
  const standalone = rest === '' || rest === ':';
  const leadsIn = /[:：]$/.test(bold) || (second?.type === 'text' && /^\s*[:：]/.test(second.value));
  if (!standalone && !leadsIn) return undefined;
  const marker = { start: first.position?.start.offset ?? start, end: first.position?.end.offset ?? end };
  return { start, end, text: bold.replace(/\s*[:：]$/, ''), marker };
}

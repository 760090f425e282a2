import type { List, Nodes, Paragraph } from 'mdast';
import type { LessonDocument } from '../document/model';
import { plainText } from '../document/parse';
import { contains, findParts, firstListItems, frontMatterListItems, rangeOf, type Evidence, type ListItemText } from './structure';
import { OBJECTIVES_LEAD_IN, type Vocabulary } from './vocabulary';

/** Objectives found anywhere, including a lead-in sentence ("By the end of this lesson you will…") followed by a list. */
export function findObjectives(doc: LessonDocument, vocabulary: Vocabulary): Evidence[] {
  const leadIns = objectiveLeadIns(doc).map<Evidence>(({ paragraph, list }) => {
    const marker = rangeOf(paragraph);
    return { source: 'paragraph', label: plainText(paragraph), start: marker.start, end: rangeOf(list).end, marker };
  });
  return [...findParts(doc, vocabulary), ...leadIns].sort((a, b) => a.start - b.start);
}

export interface ObjectiveItem extends ListItemText {
  /** The sentence that introduced the list, when the items are topics that follow it. */
  leadIn?: ListItemText;
}

export function objectiveItems(doc: LessonDocument, vocabulary: Vocabulary): ObjectiveItem[] {
  const items: ObjectiveItem[] = [];
  for (const evidence of findObjectives(doc, vocabulary)) {
    if (evidence.source === 'front-matter') {
      items.push(...frontMatterListItems(doc, evidence.label));
    } else if (evidence.source === 'paragraph') {
      const leadIn = { start: evidence.marker.start, end: evidence.marker.end, text: evidence.label };
      items.push(...firstListItems(doc, { start: evidence.marker.end, end: evidence.end }).map((item) => ({ ...item, leadIn })));
    } else {
      items.push(...firstListItems(doc, { start: evidence.marker.end, end: evidence.end }));
    }
  }
  const seen = new Set<number>();
  return items.filter((item) => !seen.has(item.start) && seen.add(item.start));
}

function objectiveLeadIns(doc: LessonDocument): Array<{ paragraph: Paragraph; list: List }> {
  const found: Array<{ paragraph: Paragraph; list: List }> = [];
  const visit = (children: Nodes[]) => {
    children.forEach((node, index) => {
      const next = children[index + 1];
      if (node.type === 'paragraph' && next?.type === 'list') {
        const text = plainText(node);
        if (text.length < 300 && OBJECTIVES_LEAD_IN.test(text) && /[:：]\s*$/.test(text.trim())) found.push({ paragraph: node, list: next });
      }
      if (node.type === 'blockquote' || node.type === 'listItem') visit(node.children as Nodes[]);
    });
  };
  visit(doc.tree.children as Nodes[]);
  return found;
}

/**
 * Practice items, innermost first: a `## Exercises` section holding three challenge divs is three
 * items, and the heading that titles a challenge div is part of that div.
 */
export function findPractice(doc: LessonDocument, vocabulary: Vocabulary): Evidence[] {
  const parts = dedupeByStart(findParts(doc, vocabulary).filter((part) => part.source !== 'front-matter'));
  const isTitle = (part: Evidence) =>
    part.source === 'heading' && parts.some((block) => block.source === 'container' && contains(block, part) && doc.lines.lineAt(part.start) - doc.lines.lineAt(block.start) <= 3);
  const items = parts.filter((part) => !isTitle(part));
  return items.filter((outer) => !items.some((inner) => inner !== outer && contains(outer, inner)));
}

function dedupeByStart(parts: Evidence[]): Evidence[] {
  const seen = new Set<number>();
  return parts.filter((part) => !seen.has(part.start) && seen.add(part.start));
}


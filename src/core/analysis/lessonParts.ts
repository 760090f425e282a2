import type { List, Nodes, Paragraph } from 'mdast';
import type { LessonDocument } from '../document/model';
import { plainText } from '../document/parse';
import { contains, findParts, firstListItems, frontMatterListItems, startingIn, type Evidence, type ListItemText } from './structure';
import { LEARNING_STATEMENT, learningStatement } from './learningStatement';
import { OBJECTIVES_LEAD_IN, SCENARIO, type Vocabulary } from './vocabulary';
import { rangeOf } from '../types/range';
import { oneLine } from '../text/pattern';

/**
 * Objectives found anywhere, including a lead-in sentence ("By the end of this lesson you will…")
 * followed by a list, and, in the opening, a sentence that says what learners will learn.
 */
export function findObjectives(doc: LessonDocument, vocabulary: Vocabulary): Evidence[] {
  const leadIns = objectiveLeadIns(doc).map<Evidence>(({ paragraph, list }) => {
    const marker = rangeOf(paragraph);
    return { source: 'paragraph', label: plainText(paragraph), start: marker.start, end: rangeOf(list).end, marker };
  });
  const statement = learningStatement(doc);
  const stated: Evidence[] =
    statement && !leadIns.some((leadIn) => contains(leadIn, statement))
      ? [{ source: 'statement', label: doc.text.slice(statement.start, statement.end), ...statement, marker: statement }]
      : [];
  return [...findParts(doc, vocabulary), ...leadIns, ...stated].sort((a, b) => a.start - b.start);
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

/** A short paragraph that promises learning and ends with a colon, right before a list: at the top level or in a quote, as in the tree. */
const LEAD_INS = Symbol('objectiveLeadIns');

/** Computed once per document: objectives-present, objectives-measurable, hook-present and acronym-defined all ask. */
function objectiveLeadIns(doc: LessonDocument): Array<{ paragraph: Paragraph; list: List }> {
  return doc.derived(LEAD_INS, () => scanObjectiveLeadIns(doc));
}

function scanObjectiveLeadIns(doc: LessonDocument): Array<{ paragraph: Paragraph; list: List }> {
  const found: Array<{ paragraph: Paragraph; list: List }> = [];
  const siblings: Nodes[][] = [doc.tree.children as Nodes[]];
  for (let children = siblings.pop(); children !== undefined; children = siblings.pop()) {
    children.forEach((node, index) => {
      const next = children[index + 1];
      if (node.type === 'paragraph' && next?.type === 'list') {
        const text = plainText(node);
        // A lead-in ends with a colon, unless the learner is its subject ("topics that you will learn in this lesson").
        if (text.length < 300 && OBJECTIVES_LEAD_IN.test(text) && (/[:：]\s*$/.test(text.trim()) || LEARNING_STATEMENT.test(text)))
          found.push({ paragraph: node, list: next });
      }
      if (node.type === 'blockquote' || node.type === 'listItem') siblings.push(node.children as Nodes[]);
    });
  }
  return found.sort((a, b) => rangeOf(a.paragraph).start - rangeOf(b.paragraph).start);
}

/**
 * Practice items, innermost first: a `## Exercises` section holding three challenge divs is three
 * items, and the heading that titles a challenge div is part of that div.
 */
export function findPractice(doc: LessonDocument, vocabulary: Vocabulary): Evidence[] {
  const scenarios = findParts(doc, SCENARIO).filter(
    (part) => (part.source === 'heading' || part.source === 'container') && asksTheLearner(doc, part),
  );
  const found = findParts(doc, vocabulary).filter((part) => part.source !== 'front-matter');
  const parts = dedupeByStart(scenarios.length === 0 ? found : [...found, ...scenarios].sort((a, b) => a.start - b.start));
  const containers = parts.filter((part) => part.source === 'container');
  const isTitle = (part: Evidence) => {
    if (part.source !== 'heading') return false;
    const threeLinesUp = doc.lines.lineStart(doc.lines.lineAt(part.start) - 3);
    return startingIn(containers, threeLinesUp, part.start, true).some((block) => contains(block, part));
  };
  const items = parts.filter((part) => !isTitle(part));
  // In document order, an item contained in another starts inside it, after it.
  return items.filter((outer, index) => {
    for (let next = index + 1; next < items.length && items[next].start <= outer.end; next++)
      if (contains(outer, items[next])) return false;
    return true;
  });
}

/** A sentence that sets a task: "Draft the first three sentences…", "Decide what Ana should do." */
const TASK_SENTENCE = new RegExp(
  oneLine`
    (?:^|[.!?:]\s+|\n\s*(?:\d+[.)]\s+|[-*+]\s+)?)(?:draft|write|decide|list|identify|explain|describe|rewrite|plan|choose|suggest|
    outline|note down|work out|work through|answer|role-play|sort|rank|match|spot|find)\s+\p{Ll}`,
  'iu',
);

/** A question to the learner in the section, outside quotation marks (a caller's "How can I help?" is dialogue). */
function asksTheLearner(doc: LessonDocument, part: Evidence): boolean {
  const body = doc.text.slice(part.marker.end, part.end);
  return TASK_IN_TITLE.test(part.label) || asksOutsideQuotes(body) || TASK_SENTENCE.test(body.replace(QUOTED, ''));
}

/** "Scenarios to discuss", "Cases to work through": the heading sets the task its cases are for. */
const TASK_IN_TITLE = /\bto\s+(?:discuss|consider|think\s+(?:about|through)|work\s+through|talk\s+(?:about|through)|try|solve|decide)\b/i;

const QUOTED = /"[^"\n]*"|“[^”\n]*”/g;

/** A question to the reader; one in quotation marks is what someone in the lesson says ("How can I help?"). */
export function asksOutsideQuotes(text: string): boolean {
  return /\?(?:\s|$|\*)/.test(text.replace(QUOTED, ''));
}

function dedupeByStart(parts: Evidence[]): Evidence[] {
  const seen = new Set<number>();
  return parts.filter((part) => !seen.has(part.start) && seen.add(part.start));
}

import type { List } from 'mdast';
import type { LessonDocument } from '../document/model';
import { plainText } from '../document/parse';

/**
 * The lesson ends with a section that is a short list of points to carry away, under a heading that says so in the
 * designer's words ("Before your next shift", "What to take back to the ward", "Remember at the barrier"): a summary. Only
 * the last section of the lesson's top level counts, only when it holds a list of two to eight statements and at most one
 * short line after it, and only under a heading of that kind: a closing list of steps ("After the check-in") or of links
 * ("Further reading") is no summary.
 */
export function closesWithPointList(doc: LessonDocument): boolean {
  const sections = doc.headings.filter((heading) => heading.depth > 1);
  if (sections.length < 2) return false;
  const top = Math.min(...sections.map((heading) => heading.depth));
  const last = sections.filter((heading) => heading.depth === top).at(-1);
  if (!last || !CARRY_AWAY_HEADING.test(last.text)) return false;
  const nodes = doc.tree.children.filter((node) => {
    const start = node.position?.start.offset ?? -1;
    return start > last.end && start < last.sectionEnd;
  });
  const [list, ...rest] = nodes;
  if (list?.type !== 'list' || rest.length > 1) return false;
  if (rest.length === 1 && (rest[0].type !== 'paragraph' || plainText(rest[0]).split(/\s+/).length > MAX_WORDS_AFTER)) return false;
  const items = (list as List).children.map((item) => plainText(item).trim());
  return items.length >= 2 && items.length <= 8 && items.every((item) => item !== '' && !item.endsWith('?'));
}

/** "Before your next shift", "Before you head out", "What to take back to the ward", "Remember at the barrier". */
const CARRY_AWAY_HEADING = /^(?:before\s+you(?:r)?\b|(?:what|things)\s+to\s+(?:take|carry|bring)\b|remember\b)/i;
const MAX_WORDS_AFTER = 40;

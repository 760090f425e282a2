import type { LessonDocument } from '../document/model';
import { preOrder } from '../document/walk';

/**
 * A lesson with code (a code block or inline code) is written for people who write code: they read
 * API, CSV or "80% of the rows" as everyday terms, where a lesson on a sales call would not.
 */
export function hasCode(doc: LessonDocument): boolean {
  return doc.derived(HAS_CODE, () => preOrder(doc.tree).some((node) => node.type === 'code' || node.type === 'inlineCode'));
}

const HAS_CODE = Symbol('hasCode');

import type { LessonDocument } from '../document/model';
import { preOrder } from '../document/walk';

/**
 * A lesson with code (a code block or inline code) is written for people who write code: they read
 * API, CSV or "80% of the rows" as everyday terms, where a lesson on a sales call would not.
 */
export function hasCode(doc: LessonDocument): boolean {
  return doc.derived(HAS_CODE, () => preOrder(doc.tree).some((node) => node.type === 'code' || node.type === 'inlineCode'));
}

/**
 * Tells the rules of a document parsed from part of a lesson whether the whole lesson has code,
 * before any of them asks (see `queue/blockCheck.ts`).
 */
export function assumeCode(doc: LessonDocument, code: boolean): LessonDocument {
  if (doc.derived(HAS_CODE, () => code) !== code) throw new Error('The rules have already read whether this lesson has code.');
  return doc;
}

const HAS_CODE = Symbol('hasCode');

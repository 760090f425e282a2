import { titleRange } from '../analysis/structure';
import type { LessonDocument } from '../document/model';
import type { Report } from '../rules/rule';
import type { PageHints } from './classify';
import { EXPECTED, IS_PART, type Part, type Scope } from './expectations';
import { isUndeclaredFragment, pageTypeOf } from './pageSummary';
import { hasPart, type PartOptions } from './parts';
import type { PageType } from './pageType';
import type { Fix } from '../types/fix';

export interface WholeLessonOptions extends PartOptions {
  minWords: number;
  scope: Scope;
}

/** What a rule says when the part is missing, by page type; only the types that expect the part. */
export type MissingMessages = Partial<Record<PageType, string>>;

/**
 * The check every whole-lesson rule makes: does this page, given its type, need the part, and does
 * it have it? A page too short to be a lesson (and not declared one) is skipped. With `scope:
 * module` the finding is marked so that its module can settle it.
 */
export function checkWholeLessonPart(
  context: { doc: LessonDocument; page: PageHints | undefined; report(report: Report): void },
  part: Part,
  options: WholeLessonOptions,
  messages: MissingMessages & { lesson: string },
  suggestions?: (doc: LessonDocument) => Fix[],
): void {
  const { doc, page, report } = context;
  const type = pageTypeOf(doc, page).type;
  if (!EXPECTED[type].has(part) || IS_PART[type].has(part)) return;
  if (isUndeclaredFragment(doc, options.minWords)) return;
  if (hasPart(doc, part, options)) return;
  report({
    ...titleRange(doc),
    message: messages[type] ?? messages.lesson,
    ...(suggestions && { suggestions: suggestions(doc) }),
    ...(options.scope === 'module' && { module: { part } }),
  });
}

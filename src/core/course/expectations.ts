import { z } from 'zod';
import type { PageType } from './pageType';
import type { PageSummary } from './summary';

/** The parts of a whole lesson that the structure rules look for. */
export const PARTS = ['objectives', 'practice', 'summary', 'knowledge-check', 'hook'] as const;
export type Part = (typeof PARTS)[number];

/**
 * Which parts each type of page is expected to have. A lab is practice: it wants a goal, not a
 * summary or a quiz; a quiz wants its questions; an assignment is the task itself (its brief is
 * the hook, its rubric the feedback); a reference page or a fragment wants nothing.
 */
export const EXPECTED: Record<PageType, ReadonlySet<Part>> = {
  lesson: new Set(PARTS),
  lab: new Set(['objectives']),
  assessment: new Set(['knowledge-check']),
  overview: new Set(['objectives', 'hook']),
  summary: new Set(['summary']),
  assignment: new Set(),
  reference: new Set(),
  fragment: new Set(),
};

/** A page of these types is the part for its module: it has it by being what it is. */
export const IS_PART: Record<PageType, ReadonlySet<Part>> = {
  lesson: new Set(),
  lab: new Set(['practice']),
  assessment: new Set(['knowledge-check']),
  overview: new Set(),
  summary: new Set(['summary']),
  assignment: new Set(['practice']),
  reference: new Set(),
  fragment: new Set(),
};

/** The page has the part: in its text, or by being what it is (a lab is practice, a quiz page a knowledge check). */
export function pageHasPart(summary: PageSummary, part: Part): boolean {
  return summary.parts[part] || IS_PART[summary.type.type].has(part);
}

/**
 * The pages that speak for a whole module: objectives and a hook stated in the module's overview
 * cover its section pages, a quiz page covers their knowledge check, a conclusion their summary,
 * a lab or an assignment their practice.
 */
export const SERVES_MODULE: Record<Part, ReadonlySet<PageType>> = {
  objectives: new Set(['overview']),
  hook: new Set(['overview']),
  'knowledge-check': new Set(['assessment']),
  summary: new Set(['summary']),
  practice: new Set(['lab', 'assignment']),
};

export const SCOPES = ['page', 'module'] as const;
export type Scope = (typeof SCOPES)[number];

export const scopeOption = z
  .enum(SCOPES)
  .default('module')
  .describe(
    '"module": a page without the part is fine when a page of its module serves the whole module (objectives or a hook in its ' +
      'overview, a quiz page, a conclusion, a lab or assignment); a module without the part anywhere gets one finding, ' +
      'on its first page. "page": every page on its own.',
  );

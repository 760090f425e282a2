import { isLab } from '../dialects/microsoftLearn';
import type { LessonDocument } from '../document/model';
import { PAGE_TYPES, pageTypeOfName, pageTypeOfWord, type PageType, type PageTypeDecision } from './pageType';
import { pageShape } from './shape';
import { oneLine } from '../text/pattern';

/** What is known of a page from outside it: where it is, what its course's table of contents calls it, and the team's settings. */
export interface PageHints {
  /** The page's path, `/`-separated; relative to the course root when there is one. */
  path: string;
  tocTitle?: string;
  tocType?: PageType;
  /** The table of contents that lists the page. */
  tocFile?: string;
  /** From `pageTypes` in `.coursereview.json`: the first glob that matches. */
  configType?: { type: PageType; glob: string };
  /** A file or folder beside the page that holds its answer (`solution.js`, `answer.md`, `solutions/`): the feedback of its practice. */
  solutionNearby?: string;
  /** What checks the page's practice when the course runs it (a workshop's runner): the feedback of its practice. */
  checkedBy?: string;
}

const TYPE_KEYS = ['type', 'page-type', 'pageType', 'page_type'];
const PLACES: Array<[RegExp, PageType]> = [
  [
    new RegExp(
      oneLine`
        ^(?:learners|instructors|profiles|reference|references|glossary|setup|appendix|appendices|resources|installation[-_]?guides?|
        installations?)$`,
      'i',
    ),
    'reference',
  ],
  [/^(?:hints?|solutions?|answers?|slides|snippets|partials|includes|_includes)$/i, 'fragment'],
  [/^(?:quiz|quizzes|assessments?|knowledge-checks?)$/i, 'assessment'],
  [/^(?:labs|hands-on|practicals)$/i, 'lab'],
  [/^(?:projects|assignments|exercises|problems|challenges|katas)$/i, 'assignment'],
  [/^(?:blog|news|posts)$/i, 'reference'],
];

/**
 * The page's type, from the strongest evidence there is: its own `type:` front matter, the team's
 * `pageTypes` globs, other front matter (`lab:`, `layout:`), its table of contents, its file name,
 * its folder, its title, and last the shape of the page (mostly numbered steps: a lab; mostly
 * questions: a quiz). A lesson by default.
 */
export function classifyPage(doc: LessonDocument, hints: PageHints | undefined): PageTypeDecision {
  const data = doc.frontMatter?.data;
  for (const key of TYPE_KEYS) {
    const declared = typeof data?.[key] === 'string' ? pageTypeOfWord(data[key] as string) : undefined;
    if (declared) return { type: declared, source: 'front-matter', reason: `\`${key}: ${String(data?.[key])}\` in front matter` };
  }
  if (hints?.configType)
    return { type: hints.configType.type, source: 'config', reason: `\`pageTypes\` "${hints.configType.glob}" in .coursereview.json` };
  if (isLab(data)) return { type: 'lab', source: 'front-matter', reason: '`lab:` in front matter' };
  const layout = typeof data?.layout === 'string' ? pageTypeOfWord(data.layout) : undefined;
  if (layout && layout !== 'lesson')
    return { type: layout, source: 'front-matter', reason: `\`layout: ${String(data?.layout)}\` in front matter` };
  if (hints?.tocType)
    return {
      type: hints.tocType,
      source: 'table-of-contents',
      reason: `listed with the ${hints.tocType} pages in ${hints.tocFile ?? 'the table of contents'}`,
    };
  const tocTitle = hints?.tocTitle && pageTypeOfName(hints.tocTitle);
  if (tocTitle)
    return {
      type: tocTitle,
      source: 'table-of-contents',
      reason: `listed as "${hints?.tocTitle}" in ${hints?.tocFile ?? 'the table of contents'}`,
    };
  const path = hints?.path;
  const fileName = path ? pageTypeOfName(stem(path)) : undefined;
  if (fileName) return { type: fileName, source: 'file-name', reason: `file name ${basename(path!)}` };
  const place = path ? placeOf(path) : undefined;
  if (place) return { type: place.type, source: 'file-name', reason: `in a folder named ${place.folder}` };
  const title = pageTitle(doc);
  const titled = title ? pageTypeOfName(title) : undefined;
  if (titled) return { type: titled, source: 'title', reason: `titled "${title}"` };
  const shape = pageShape(doc);
  if (shape) return { type: shape.type, source: 'shape', reason: shape.reason };
  return { type: 'lesson', source: 'default', reason: 'a lesson unless something says otherwise' };
}

export function isPageType(value: unknown): value is PageType {
  return typeof value === 'string' && (PAGE_TYPES as readonly string[]).includes(value);
}

/** The H1, else the front matter `title`: a page's own title, not its first section heading. */
export function pageTitle(doc: LessonDocument): string | undefined {
  const h1 = doc.headings.find((heading) => heading.depth === 1 && heading.start >= doc.body.start);
  if (h1) return h1.text;
  const title = doc.frontMatter?.data?.title;
  return typeof title === 'string' ? title : undefined;
}

function placeOf(path: string): { type: PageType; folder: string } | undefined {
  const folders = path.split('/').slice(0, -1).reverse();
  for (const folder of folders.slice(0, 2)) {
    const found = PLACES.find(([pattern]) => pattern.test(folder));
    if (found) return { type: found[1], folder };
  }
  return undefined;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function stem(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}

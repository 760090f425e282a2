import type { PageType } from './pageType';
import type { CourseToc } from './toc';

/** What reads as one unit of a course: a table of contents' section, or by default a folder of pages. */
export interface CourseModule {
  /** Stable within a course: the table of contents' file and section, or the folder. */
  key: string;
  title: string;
  source: { kind: 'table-of-contents'; file: string } | { kind: 'folder'; folder: string };
  /** Pages in reading order, as paths relative to the course root. */
  pages: string[];
}

/** A page's place in its course, and what the table of contents says of it. */
export interface CoursePage {
  path: string;
  module: CourseModule;
  /** Position in the module, from 0. */
  index: number;
  tocTitle: string | undefined;
  tocType: PageType | undefined;
  /** What checks the page's practice when the course runs it, as its table of contents says. */
  checkedBy?: string;
}

const LESSON_EXTENSIONS = ['.md', '.mdx', '.markdown'];

/**
 * The modules of a course: each table of contents' sections, in its order, with the files it names
 * (a path without extension finds `.md`, `.mdx` or `.markdown`, or the folder's index page); every
 * other file in a module of its folder, in file name order. `files` are paths relative to the
 * course root with `/` separators; a table of contents' paths are relative to its own folder.
 */
export function buildCourse(files: readonly string[], tocs: readonly CourseToc[]): Course {
  const known = new Set(files);
  const pages = new Map<string, CoursePage>();
  const modules: CourseModule[] = [];
  for (const toc of tocs) {
    toc.modules.forEach((section, sectionIndex) => {
      const module: CourseModule = {
        key: `${toc.file}#${sectionIndex}`,
        title: section.title,
        source: { kind: 'table-of-contents', file: toc.file },
        pages: [],
      };
      for (const entry of section.pages) {
        const path = resolveTocPath(toc.root, entry.path, known);
        if (!path || pages.has(path)) continue;
        pages.set(path, {
          path,
          module,
          index: module.pages.length,
          tocTitle: entry.title,
          tocType: entry.type,
          ...(entry.checkedBy && { checkedBy: entry.checkedBy }),
        });
        module.pages.push(path);
      }
      if (module.pages.length > 0) modules.push(module);
    });
  }
  const byFolder = new Map<string, string[]>();
  for (const path of files) {
    if (pages.has(path)) continue;
    const folder = folderOf(path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
  }
  for (const [folder, paths] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
    const module: CourseModule = {
      key: `${folder}/`,
      title: folder === '' ? '(course root)' : folder.slice(folder.lastIndexOf('/') + 1),
      source: { kind: 'folder', folder },
      pages: [],
    };
    for (const path of paths.sort((a, b) => Number(!isLandingPage(a)) - Number(!isLandingPage(b)) || naturalOrder(a, b))) {
      pages.set(path, { path, module, index: module.pages.length, tocTitle: undefined, tocType: undefined });
      module.pages.push(path);
    }
    modules.push(module);
  }
  return new Course(modules, pages);
}

export class Course {
  constructor(
    readonly modules: readonly CourseModule[],
    private readonly pages: ReadonlyMap<string, CoursePage>,
  ) {}

  page(path: string): CoursePage | undefined {
    return this.pages.get(path);
  }
}

function resolveTocPath(root: string, entry: string, known: ReadonlySet<string>): string | undefined {
  const clean = entry.split('#')[0].replace(/^\.\//, '').replace(/\/+$/, '');
  if (clean === '' || /^[a-z]+:/i.test(clean)) return undefined;
  const base = normalise(root === '' ? clean : `${root}/${clean}`);
  if (known.has(base)) return base;
  const stem = base.replace(/\.(?:md|mdx|markdown|ipynb|rst|html?)$/i, '');
  for (const candidate of [
    ...LESSON_EXTENSIONS.map((extension) => `${stem}${extension}`),
    ...['index', 'README'].flatMap((name) => LESSON_EXTENSIONS.map((extension) => `${base}/${name}${extension}`)),
  ]) {
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return `${path.startsWith('/') ? '/' : ''}${parts.join('/')}`;
}

/** A folder's landing page comes first in its module: the overview a reader opens first. */
function isLandingPage(path: string): boolean {
  return /^(?:\d+[-_.]\s*)?(?:index|readme|introduction|intro|overview|welcome)\.(?:md|mdx|markdown)$/i.test(
    path.slice(path.lastIndexOf('/') + 1),
  );
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** "2-loops" before "10-functions": numbered lessons in the order their authors meant. */
export function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

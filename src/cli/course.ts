import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import {
  ANSWER_FILE,
  buildCourse,
  configuredPageType,
  readToc,
  TOC_FILES,
  type Course,
  type CourseToc,
  type PageHints,
  type ResolvedConfig,
  type TocProblem,
} from '../core';
import { isLessonFor, LESSON_FILE, posixPath } from './files';

export interface CourseScan {
  course: Course;
  /** Hints for every page the course holds: its place, what the table of contents says, `pageTypes`. */
  hints: Map<string, PageHints>;
  /** Pages of the same modules as the files asked for, which are checked (their modules need them) but not reported. */
  siblings: string[];
  problems: TocProblem[];
}

/**
 * The course around the files to lint: the tables of contents in their folders and the folders
 * above (up to a repository's root), and the other pages of their modules. Paths are absolute
 * with `/` separators.
 */
export function scanCourse(
  files: ReadonlyArray<{ path: string; config: ResolvedConfig }>,
  configFor: (path: string) => ResolvedConfig | undefined,
): CourseScan {
  const tocs = new Map<string, CourseToc>();
  const problems: TocProblem[] = [];
  const seenFolders = new Set<string>();
  const listing = folderListings();
  for (const { path } of files) {
    for (let folder = dirname(path); !seenFolders.has(folder); folder = dirname(folder)) {
      seenFolders.add(folder);
      const names = listing(folder);
      for (const name of Object.keys(TOC_FILES)) {
        if (!names.includes(name)) continue;
        const file = join(folder, name);
        const read = readToc(posixPath(file), readText(file) ?? '');
        if (read.kind === 'toc') tocs.set(file, read.toc);
        else if (read.kind === 'problem') problems.push(read.problem);
      }
      if (names.includes('.git') || dirname(folder) === folder) break;
    }
  }
  const asked = new Set(files.map(({ path }) => posixPath(path)));
  const candidates = new Set(asked);
  for (const folder of new Set(files.map(({ path }) => dirname(path))))
    for (const file of lessonsIn(folder, listing(folder), configFor)) candidates.add(file);
  for (const toc of tocs.values())
    for (const module of toc.modules)
      for (const page of module.pages) for (const file of existingPage(toc.root, page.path)) candidates.add(file);
  const course = buildCourse([...candidates], [...tocs.values()]);
  const tocPaths = new Set([...tocs.keys()].map(posixPath));
  const answers = new Map<string, string | undefined>();
  const hints = new Map<string, PageHints>();
  for (const path of candidates) {
    const page = course.page(path);
    const config = configFor(path);
    const configType = config ? configuredPageType(config, posixPath(relative(config.baseDir, path))) : undefined;
    const tocFile = page?.module.source.kind === 'table-of-contents' ? page.module.source.file : undefined;
    const folder = dirname(path);
    if (!answers.has(folder))
      answers.set(
        folder,
        listing(folder).find((name) => ANSWER_FILE.test(name)),
      );
    const solutionNearby = answers.get(folder);
    // A table of contents written in Markdown (SUMMARY.md) lists the course; it does not teach.
    const tocType = tocPaths.has(path) ? 'reference' : page?.tocType;
    hints.set(path, {
      path,
      tocTitle: page?.tocTitle,
      tocType,
      ...(tocFile && { tocFile: tocFile.slice(tocFile.lastIndexOf('/') + 1) }),
      ...(configType && { configType }),
      ...(page?.checkedBy && { checkedBy: page.checkedBy }),
      ...(solutionNearby && solutionNearby !== path.slice(path.lastIndexOf('/') + 1) && { solutionNearby }),
    });
  }
  const touched = new Set([...asked].map((path) => course.page(path)?.module.key));
  const siblings = [...candidates].filter((path) => !asked.has(path) && touched.has(course.page(path)?.module.key));
  return { course, hints, siblings, problems };
}

/**
 * Each folder's names, read once: the tables of contents, the repository's root, the lessons and the answers beside them are all looked up
 * in them.
 */
function folderListings(): (folder: string) => readonly string[] {
  const listings = new Map<string, readonly string[]>();
  return (folder) => {
    let names = listings.get(folder);
    if (names === undefined) {
      try {
        names = readdirSync(folder);
      } catch {
        names = [];
      }
      listings.set(folder, names);
    }
    return names;
  };
}

function lessonsIn(folder: string, names: readonly string[], configFor: (path: string) => ResolvedConfig | undefined): string[] {
  return names
    .filter((name) => LESSON_FILE.test(name))
    .flatMap((name) => {
      const path = join(folder, name);
      const config = configFor(path);
      return config && isLessonFor(config, path) ? [posixPath(path)] : [];
    });
}

/** The file a table of contents entry names, if it exists: as given, with a lesson extension, or a folder's index. */
function existingPage(root: string, entry: string): string[] {
  const clean = entry.split('#')[0].replace(/^\.\//, '').replace(/\/+$/, '');
  if (clean === '' || /^[a-z]+:/i.test(clean)) return [];
  const base = posixPath(join(root, clean));
  const stem = base.replace(/\.(?:md|mdx|markdown|ipynb|rst|html?)$/i, '');
  const candidates = [base, `${stem}.md`, `${stem}.mdx`, `${stem}.markdown`, `${base}/index.md`, `${base}/README.md`, `${base}/index.mdx`];
  const found = candidates.find((candidate) => LESSON_FILE.test(candidate) && existsSync(candidate));
  return found ? [found] : [];
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

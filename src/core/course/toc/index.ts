import { parseCarpentriesConfig } from './carpentries';
import { parseHuggingFaceToc } from './huggingFace';
import { parseJupyterBookToc } from './jupyterBook';
import { parseMdBookSummary } from './mdbook';
import { parseMkDocsNav } from './mkdocs';
import type { TocResult } from './model';
import { parseWorkshopExercises, parseWorkshopMenu } from './workshop';

export type { CourseToc, TocFormat, TocModule, TocPage, TocProblem, TocResult } from './model';

/** The file names that hold a course's table of contents, and how to read each. */
export const TOC_FILES: Record<string, (source: string, file: string, root: string) => TocResult> = {
  '_toctree.yml': parseHuggingFaceToc,
  'config.yaml': parseCarpentriesConfig,
  'SUMMARY.md': parseMdBookSummary,
  'mkdocs.yml': parseMkDocsNav,
  'mkdocs.yaml': parseMkDocsNav,
  '_toc.yml': parseJupyterBookToc,
  'exercises.json': parseWorkshopExercises,
  'menu.json': parseWorkshopMenu,
};

/**
 * Reads a table of contents by its file name; `file` is its path relative to where the course is
 * looked for, with `/` separators. Files of these names that are not tables of contents (a
 * `config.yaml` without `episodes:`) are `none`.
 */
export function readToc(file: string, source: string): TocResult {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (!Object.hasOwn(TOC_FILES, name)) return { kind: 'none' };
  const parse = TOC_FILES[name];
  const root = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  return parse(source, file, root);
}

import type { PageType } from '../pageType';

/** One page a table of contents lists: its path relative to the course root, without extension when the format leaves it out. */
export interface TocPage {
  path: string;
  title: string | undefined;
  /** A type the table of contents itself says (Carpentries `learners:` lists reference pages). */
  type?: PageType;
  /** What checks the page's practice when the course runs it (a workshop's runner): its feedback. */
  checkedBy?: string;
}

/** What a reader of the course calls a module: a unit, a part, a chapter with its sections. */
export interface TocModule {
  title: string;
  pages: TocPage[];
}

export type TocFormat = 'hugging-face' | 'carpentries' | 'mdbook' | 'mkdocs' | 'jupyter-book' | 'workshop';

export interface CourseToc {
  format: TocFormat;
  /** The file it was read from, relative to where the course was looked for. */
  file: string;
  /** The folder its paths are relative to, relative like `file` ('' for the same folder). */
  root: string;
  title: string | undefined;
  modules: TocModule[];
}

/** A table of contents that could not be read: reported, never guessed around. */
export interface TocProblem {
  file: string;
  message: string;
}

export type TocResult = { kind: 'toc'; toc: CourseToc } | { kind: 'problem'; problem: TocProblem } | { kind: 'none' };

import type { TocModule, TocPage, TocResult } from './model';
import { isRecord, readYaml, text } from './yamlValue';

/**
 * A Jupyter Book `_toc.yml`: `root` is the landing page; `parts` (each with a `caption` and
 * `chapters`) or `chapters` directly; a chapter's `sections` nest. A part is a module; without
 * parts, each chapter with its sections is one. `file` paths have no extension.
 */
export function parseJupyterBookToc(source: string, file: string, root: string): TocResult {
  const read = readYaml(source);
  if ('error' in read) return { kind: 'problem', problem: { file, message: `_toc.yml does not parse: ${read.error}` } };
  if (!isRecord(read.value)) return { kind: 'none' };
  const toc = read.value;
  const modules: TocModule[] = [];
  const landing = text(toc.root);
  if (landing) modules.push({ title: 'Introduction', pages: [{ path: landing, title: undefined, type: 'overview' }] });
  if (Array.isArray(toc.parts)) {
    toc.parts
      .filter(isRecord)
      .forEach((part, index) => modules.push({ title: text(part.caption) ?? `Part ${index + 1}`, pages: pagesOf(part.chapters) }));
  } else {
    for (const chapter of Array.isArray(toc.chapters) ? toc.chapters.filter(isRecord) : []) {
      const pages = pagesOf([chapter]);
      if (pages.length > 0) modules.push({ title: text(chapter.title) ?? pages[0].path, pages });
    }
  }
  return {
    kind: 'toc',
    toc: { format: 'jupyter-book', file, root, title: undefined, modules: modules.filter((module) => module.pages.length > 0) },
  };
}

function pagesOf(chapters: unknown): TocPage[] {
  if (!Array.isArray(chapters)) return [];
  const pages: TocPage[] = [];
  const pending = [...chapters];
  while (pending.length > 0) {
    const entry = pending.shift();
    if (!isRecord(entry)) continue;
    const path = text(entry.file);
    if (path) pages.push({ path, title: text(entry.title) });
    if (Array.isArray(entry.sections)) pending.unshift(...entry.sections);
  }
  return pages;
}

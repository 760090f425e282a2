import type { TocModule, TocPage, TocResult } from './model';
import { isRecord, readYaml, text } from './yamlValue';

/**
 * A Hugging Face course's `_toctree.yml`: a list of units, each `{ title, sections: [{ local,
 * title }] }`, where `local` is a page path without extension. Nested sections belong to their unit.
 */
export function parseHuggingFaceToc(source: string, file: string, root: string): TocResult {
  const read = readYaml(source);
  if ('error' in read) return { kind: 'problem', problem: { file, message: `The table of contents does not parse: ${read.error}` } };
  if (!Array.isArray(read.value))
    return {
      kind: 'problem',
      problem: { file, message: 'Unexpected table of contents, expected a list of units with `title` and `sections`.' },
    };
  const modules: TocModule[] = read.value
    .filter(isRecord)
    .map((unit) => ({ title: text(unit.title) ?? 'Untitled', pages: pagesOf(unit.sections) }));
  return {
    kind: 'toc',
    toc: { format: 'hugging-face', file, root, title: undefined, modules: modules.filter((module) => module.pages.length > 0) },
  };
}

function pagesOf(sections: unknown): TocPage[] {
  if (!Array.isArray(sections)) return [];
  const pages: TocPage[] = [];
  const pending = [...sections];
  while (pending.length > 0) {
    const section = pending.shift();
    if (!isRecord(section)) continue;
    const local = text(section.local);
    if (local) pages.push({ path: local, title: text(section.title) });
    if (Array.isArray(section.sections)) pending.unshift(...section.sections);
  }
  return pages;
}

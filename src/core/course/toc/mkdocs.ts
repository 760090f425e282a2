import type { TocModule, TocPage, TocResult } from './model';
import { isRecord, readYaml, text } from './yamlValue';

/**
 * An `mkdocs.yml` `nav`: entries are `page.md`, `{ Title: page.md }` or `{ Section: [entries] }`.
 * Each section is a module; pages at the top level are one module each. Paths are relative to
 * `docs_dir` (default `docs`). MkDocs' `!ENV` and other tags are read as plain values.
 */
export function parseMkDocsNav(source: string, file: string, root: string): TocResult {
  const read = readYaml(source.replace(/!!?[A-Za-z_][\w:.-]*/g, ''));
  if ('error' in read) return { kind: 'problem', problem: { file, message: `mkdocs.yml does not parse: ${read.error}` } };
  if (!isRecord(read.value) || !Array.isArray(read.value.nav)) return { kind: 'none' };
  const docsDir = text(read.value.docs_dir) ?? 'docs';
  const base = [root, docsDir].filter(Boolean).join('/');
  const modules: TocModule[] = [];
  for (const entry of read.value.nav) {
    const [title, value] = entryOf(entry);
    if (Array.isArray(value)) modules.push({ title: title ?? 'Section', pages: pagesOf(value) });
    else if (typeof value === 'string' && !isExternal(value)) modules.push({ title: title ?? value, pages: [{ path: value, title }] });
  }
  return {
    kind: 'toc',
    toc: {
      format: 'mkdocs',
      file,
      root: base,
      title: text(read.value.site_name),
      modules: modules.filter((module) => module.pages.length > 0),
    },
  };
}

function entryOf(entry: unknown): [string | undefined, unknown] {
  if (typeof entry === 'string') return [undefined, entry];
  if (!isRecord(entry)) return [undefined, undefined];
  const [key] = Object.keys(entry);
  return key === undefined ? [undefined, undefined] : [key, entry[key]];
}

function pagesOf(entries: unknown[]): TocPage[] {
  const pages: TocPage[] = [];
  const pending = [...entries];
  while (pending.length > 0) {
    const [title, value] = entryOf(pending.shift());
    if (Array.isArray(value)) pending.unshift(...value);
    else if (typeof value === 'string' && !isExternal(value)) pages.push({ path: value, title });
  }
  return pages;
}

function isExternal(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(path);
}

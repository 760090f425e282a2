import type { TocModule, TocResult } from './model';

const PART_TITLE = /^#{1,6}\s+(.+?)\s*#*\s*$/;
const LINK_ITEM = /^(\s*)[-*+]\s+\[([^\]]*)\]\(([^)]*)\)/;
const PREFIX_LINK = /^\[([^\]]*)\]\(([^)]*)\)\s*$/;

/**
 * An mdBook `SUMMARY.md`: `# Part` headings and nested lists of `[Title](path.md)` links. A part is
 * a module; without parts, each top-level chapter is a module with its nested sections. Draft
 * chapters (empty links) and separators are skipped.
 */
export function parseMdBookSummary(source: string, file: string, root: string): TocResult {
  const modules: TocModule[] = [];
  let part: TocModule | undefined;
  let chapter: TocModule | undefined;
  let sawList = false;
  for (const line of source.split(/\r?\n/)) {
    const heading = PART_TITLE.exec(line);
    if (heading) {
      // The first heading ("# Summary") titles the file, not a part.
      if (sawList || modules.length > 0 || part) {
        part = { title: heading[1], pages: [] };
        modules.push(part);
        chapter = undefined;
      }
      continue;
    }
    const item = linkItem(line);
    if (!item) continue;
    sawList = true;
    const { indent, title, path } = item;
    if (path.trim() === '') continue;
    const page = { path: path.trim().replace(/^\.\//, ''), title: title.trim() || undefined };
    if (part) {
      part.pages.push(page);
    } else if (indent.length === 0 || !chapter) {
      chapter = { title: page.title ?? page.path, pages: [page] };
      modules.push(chapter);
    } else {
      chapter.pages.push(page);
    }
  }
  if (!sawList)
    return {
      kind: 'problem',
      problem: { file, message: 'Unexpected SUMMARY.md without chapter links, expected a list of `[Title](page.md)` links.' },
    };
  return {
    kind: 'toc',
    toc: { format: 'mdbook', file, root, title: undefined, modules: modules.filter((module) => module.pages.length > 0) },
  };
}

/** A list item's link, or a prefix or suffix chapter: a bare link on its own line, outside any list. */
function linkItem(line: string): { indent: string; title: string; path: string } | undefined {
  const item = LINK_ITEM.exec(line);
  if (item) return { indent: item[1], title: item[2], path: item[3] };
  const bare = PREFIX_LINK.exec(line.trim());
  return bare ? { indent: '', title: bare[1], path: bare[2] } : undefined;
}

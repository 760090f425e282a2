import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** The GFM constructs a parser looks for. */
export interface GfmSyntax {
  tables: boolean;
  footnotes: boolean;
  strikethrough: boolean;
  taskLists: boolean;
}

export const ALL_GFM: GfmSyntax = { tables: true, footnotes: true, strikethrough: true, taskLists: true };

/**
 * The GFM constructs a text can hold: a table needs a `|`, a footnote `[^`, strikethrough `~`, a
 * task list item `[ ]` or `[x]`. An extension whose marker is missing cannot match, so leaving it
 * out gives the same tree, faster: tables are the dearest, and most lessons have none.
 */
export function gfmSyntaxOf(text: string): GfmSyntax {
  return {
    tables: text.includes('|'),
    footnotes: text.includes('[^'),
    strikethrough: text.includes('~'),
    taskLists: TASK_CHECK.test(text),
  };
}

const TASK_CHECK = /\[[\sxX]\]/;

/**
 * GitHub Flavored Markdown without literal autolinks: tables, footnotes (citations), strikethrough
 * and task lists, or those of them that `syntax` asks for. Recognising bare URLs costs about a
 * third of GFM's parse time, and rules need them only to keep them out of prose, which a pattern
 * does (see `maskSyntax`).
 */
export function remarkLessonGfm(this: Processor, syntax: GfmSyntax = ALL_GFM): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  const micromark = (data.micromarkExtensions ??= []);
  const fromMarkdown = (data.fromMarkdownExtensions ??= []);
  if (syntax.footnotes) {
    micromark.push(gfmFootnote());
    fromMarkdown.push(gfmFootnoteFromMarkdown());
  }
  if (syntax.strikethrough) {
    micromark.push(gfmStrikethrough({ singleTilde: false }));
    fromMarkdown.push(gfmStrikethroughFromMarkdown());
  }
  if (syntax.tables) {
    micromark.push(gfmTable());
    fromMarkdown.push(gfmTableFromMarkdown());
  }
  if (syntax.taskLists) {
    micromark.push(gfmTaskListItem());
    fromMarkdown.push(gfmTaskListItemFromMarkdown());
  }
}

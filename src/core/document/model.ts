import type { Root } from 'mdast';
import type { LineIndex } from '../text/lines';
import type { FrontMatter } from './frontMatter';
import type { ProseBlock } from './prose';
import type { MdxBlock } from '../dialects/mdx';
import type { OffsetRange } from '../types/range';

export type { OffsetRange } from '../types/range';

export interface HeadingInfo extends OffsetRange {
  depth: number;
  text: string;
  /** Where the heading's section ends: the next heading of the same or a higher level, or its container's end. */
  sectionEnd: number;
}

export type ContainerSyntax = 'fenced-div' | 'kramdown' | 'details' | 'component' | 'alert';

/**
 * A block that groups content under a name, whatever the dialect: a Pandoc/Carpentries `::: challenge`
 * div, a kramdown blockquote closed by `{: .challenge}`, `<details><summary>Solution</summary>`, an MDX
 * `<Quiz>` component or a GitHub `> [!TIP]` alert.
 */
export interface ContainerBlock extends OffsetRange {
  syntax: ContainerSyntax;
  /** Lower-case class, component name, alert type or `details`. */
  name: string;
  /** The heading inside the block, or the `<summary>` text. */
  title: string | undefined;
  /** Index of the innermost enclosing container, if any. */
  parent: number | undefined;
}

export interface HtmlComment extends OffsetRange {
  /** The text between `<!--` and `-->`, trimmed. */
  body: string;
}

export type SkipReason = { kind: 'too-large'; size: number; limit: number } | { kind: 'binary' };

/** Why a block was left out of the parse: reading it would take time or memory out of proportion to its size. */
export type UncheckedReason =
  | { kind: 'nesting'; depth: number; limit: number }
  | { kind: 'delimiters'; count: number; limit: number }
  | { kind: 'code-spans'; count: number; limit: number }
  | { kind: 'definitions'; limit: number }
  | { kind: 'budget'; limit: number };

/** Whole lines left out of the parse: no rule reads them. */
export interface UncheckedBlock extends OffsetRange {
  reason: UncheckedReason;
}

export interface LessonDocument {
  /** The text without a byte-order mark; every offset refers to it. */
  readonly text: string;
  readonly lines: LineIndex;
  readonly tree: Root;
  readonly frontMatter: FrontMatter | undefined;
  /** Set when the file opens with `---` but the fence is never closed. */
  readonly unclosedFrontMatter: OffsetRange | undefined;
  /** Everything after the front matter. */
  readonly body: OffsetRange;
  readonly headings: readonly HeadingInfo[];
  readonly containers: readonly ContainerBlock[];
  readonly comments: readonly HtmlComment[];
  /** Code blocks, inline code, HTML, math and front matter: never read as prose. */
  readonly nonProse: readonly OffsetRange[];
  /** Code and math blocks and the front matter: whole lines that are never Markdown. */
  readonly codeBlocks: readonly OffsetRange[];
  readonly prose: readonly ProseBlock[];
  readonly skipped: SkipReason | undefined;
  /** Blocks left out of the parse, in document order. */
  readonly unchecked: readonly UncheckedBlock[];
  /** MDX's imports, exports, components' tags and expressions (in an `.mdx` page): left out of the parse, not prose. */
  readonly mdx: readonly MdxBlock[];
  /** A cache for facts that several rules derive from the same document, keyed by a symbol or an object. */
  derived<T>(key: unknown, compute: () => T): T;
}

import type { Definition, Image, ImageReference, Link, LinkReference, Nodes } from 'mdast';
import { mayHoldTemplateDestination, TEMPLATE_DESTINATION } from '../dialects/templates';
import type { LessonDocument } from '../document/model';
import { plainText } from '../document/parse';
import { allMatches } from '../text/matches';
import type { OffsetRange } from '../types/range';

/** An image in any of the forms a lesson writes one, with the alt text a reader would get. */
export interface ImageInfo extends OffsetRange {
  kind: 'markdown' | 'reference' | 'html';
  src: string;
  /** The alt text; `undefined` when an `<img>` has no `alt` attribute at all. */
  alt: string | undefined;
  /** Where the alt text sits in the source, when it can be edited in place. */
  altRange: OffsetRange | undefined;
  /**
   * `{alt='…'}` after a Markdown image (Pandoc, Carpentries Workbench) or `alt=` on an `<img>`: an explicit choice, empty meaning
   * decorative.
   */
  explicitAlt: boolean;
  /** `role="presentation"`, `aria-hidden="true"` or an `aria-label`: the image is named or hidden another way. */
  namedOtherwise: boolean;
  /** The image is the whole content of a link, so its alt text is the link's text. */
  onlyContentOfLink: boolean;
}

export interface LinkInfo extends OffsetRange {
  url: string;
  /** The text a screen reader announces for the link. */
  text: string;
  /** Where the link text sits in the source. */
  textRange: OffsetRange;
  syntax: 'inline' | 'reference' | 'autolink' | 'literal';
  /** The link holds an image and nothing else. */
  imageOnly: boolean;
}

export interface HtmlBlock extends OffsetRange {
  value: string;
}

export interface Elements {
  images: ImageInfo[];
  links: LinkInfo[];
  html: HtmlBlock[];
  /** Fenced and indented code, inline code and math: never scanned for embeds. */
  code: OffsetRange[];
}

const ELEMENTS = Symbol('elements');
const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const HAS_IMG = /<img\b/i;
/** `{…alt='…'…}` or `{…alt="…"…}` right after a Markdown image. */
const PANDOC_ALT = /^\{[^}\n]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s}]+))[^}\n]*\}/;

/** Images, links and HTML of the lesson, walked once from the mdast and shared by the rules. */
export function elements(doc: LessonDocument): Elements {
  return doc.derived(ELEMENTS, () => collect(doc));
}

function collect(doc: LessonDocument): Elements {
  const found: Elements = { images: [], links: [], html: [], code: [] };
  const definitions = new Map<string, Definition>();
  const references: Array<{ node: ImageReference | LinkReference; range: OffsetRange; onlyContentOfLink: boolean }> = [];
  const visit = (node: Nodes, parent: Nodes | undefined) => {
    const range = rangeOf(node);
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'math' as string:
      case 'inlineMath' as string:
        if (range) found.code.push(range);
        return;
      case 'html':
        if (range) {
          found.html.push({ ...range, value: node.value });
          for (const tag of allMatches(IMG_TAG, withoutComments(node.value)))
            found.images.push(htmlImage(tag[0], range.start + tag.index, isOnlyChild(node, parent)));
        }
        return;
      case 'definition':
        definitions.set(node.identifier, node);
        return;
      case 'image':
        if (range) found.images.push(markdownImage(doc.text, node, range, isOnlyChild(node, parent)));
        return;
      case 'imageReference':
        if (range) references.push({ node, range, onlyContentOfLink: isOnlyChild(node, parent) });
        return;
      case 'link':
        if (range) found.links.push(linkInfo(doc.text, node, range));
        break;
      case 'paragraph':
      case 'tableCell':
      case 'heading':
        if (range) liquidDestinations(doc.text, range, found);
        break;
      case 'linkReference':
        if (range) {
          const info = linkInfo(doc.text, node, range);
          found.links.push({ ...info, syntax: 'reference' });
          references.push({ node, range, onlyContentOfLink: false });
        }
        break;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, node);
  };
  visit(doc.tree, undefined);
  for (const { node, range, onlyContentOfLink } of references) {
    const url = definitions.get(node.identifier)?.url ?? '';
    if (node.type === 'imageReference') found.images.push(referenceImage(doc.text, node, range, url, onlyContentOfLink));
    else {
      const link = found.links.find((candidate) => candidate.start === range.start);
      if (link) link.url = url;
    }
  }
  found.images.sort((a, b) => a.start - b.start);
  return found;
}

function liquidDestinations(text: string, range: OffsetRange, found: Elements) {
  const source = text.slice(range.start, range.end);
  if (!mayHoldTemplateDestination(source)) return;
  for (const match of source.matchAll(TEMPLATE_DESTINATION)) {
    const start = range.start + (match.index ?? 0);
    const end = start + match[0].length;
    if (found.code.some((code) => code.start < end && start < code.end)) continue;
    const textStart = start + match[1].length + 1;
    const textRange = { start: textStart, end: textStart + match[2].length };
    if (match[1]) {
      const image = markdownImage(text, { type: 'image', url: match[3], alt: match[2] }, { start, end }, false);
      found.images.push(image.explicitAlt ? image : { ...image, altRange: textRange });
    } else {
      const label = match[2].replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
      found.links.push({ start, end, url: match[3], text: label, textRange, syntax: 'inline', imageOnly: false });
    }
  }
}

/** Blanks out HTML comments, keeping offsets: a commented-out tag is not on the page. */
export function withoutComments(html: string): string {
  return html.includes('<!--') ? html.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length)) : html;
}

function rangeOf(node: Nodes): OffsetRange | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** A link whose only content (white space aside) is this node. */
function isOnlyChild(node: Nodes, parent: Nodes | undefined): boolean {
  if (!parent || (parent.type !== 'link' && parent.type !== 'linkReference')) return false;
  return parent.children.every((child) => child === node || (child.type === 'text' && child.value.trim() === ''));
}

function markdownImage(text: string, node: Image, range: OffsetRange, onlyContentOfLink: boolean): ImageInfo {
  const attribute = PANDOC_ALT.exec(text.slice(range.end, range.end + 2000));
  if (attribute) {
    const value = attribute[1] ?? attribute[2] ?? attribute[3];
    const at = range.end + attribute[0].indexOf(value, attribute[0].indexOf('alt'));
    return {
      ...range,
      end: range.end + attribute[0].length,
      kind: 'markdown',
      src: node.url,
      alt: value,
      altRange: { start: at, end: at + value.length },
      explicitAlt: true,
      namedOtherwise: false,
      onlyContentOfLink,
    };
  }
  return {
    ...range,
    kind: 'markdown',
    src: node.url,
    alt: node.alt ?? '',
    altRange: bracketRange(text, range),
    explicitAlt: false,
    namedOtherwise: false,
    onlyContentOfLink,
  };
}

function referenceImage(text: string, node: ImageReference, range: OffsetRange, url: string, onlyContentOfLink: boolean): ImageInfo {
  const attribute = PANDOC_ALT.exec(text.slice(range.end, range.end + 2000));
  if (attribute) return { ...markdownImage(text, { type: 'image', url, alt: node.alt }, range, onlyContentOfLink) };
  return {
    ...range,
    kind: 'reference',
    src: url,
    alt: node.alt ?? '',
    altRange: bracketRange(text, range),
    explicitAlt: false,
    namedOtherwise: false,
    onlyContentOfLink,
  };
}

/** The text between `![` and its closing `]`. */
function bracketRange(text: string, range: OffsetRange): OffsetRange | undefined {
  if (!text.startsWith('![', range.start)) return undefined;
  let depth = 0;
  for (let at = range.start + 2; at < range.end; at++) {
    const char = text[at];
    if (char === '\\') at++;
    else if (char === '[') depth++;
    else if (char === ']') {
      if (depth === 0) return { start: range.start + 2, end: at };
      depth--;
    }
  }
  return undefined;
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export interface HtmlAttribute extends OffsetRange {
  name: string;
  value: string | undefined;
  /** Where the value sits, without its quotes. */
  valueStart: number;
}

/** The attributes of one HTML start tag, with offsets relative to the tag. */
export function htmlAttributes(tag: string): HtmlAttribute[] {
  const nameEnd = /^<[\w-]+/.exec(tag)?.[0].length ?? 0;
  const body = tag.slice(nameEnd).replace(/\/?>$/, '');
  return [...body.matchAll(ATTRIBUTE)].map((match) => {
    const value = match[2] ?? match[3] ?? match[4];
    const start = nameEnd + (match.index ?? 0);
    const valueOffset = value === undefined ? match[0].length : match[0].length - value.length - (match[4] === undefined ? 1 : 0);
    return { name: match[1].toLowerCase(), value, start, end: start + match[0].length, valueStart: start + valueOffset };
  });
}

function htmlImage(tag: string, start: number, onlyContentOfLink: boolean): ImageInfo {
  const attributes = htmlAttributes(tag);
  const get = (name: string) => attributes.find((attribute) => attribute.name === name);
  const alt = get('alt');
  const hidden = get('aria-hidden')?.value?.toLowerCase() === 'true';
  const presentation = /^(?:presentation|none)$/i.test(get('role')?.value ?? '');
  const labelled = Boolean(get('aria-label')?.value?.trim() || get('aria-labelledby')?.value?.trim());
  return {
    start,
    end: start + tag.length,
    kind: 'html',
    src: get('src')?.value ?? '',
    alt: alt ? (alt.value ?? '') : undefined,
    altRange:
      alt && alt.value !== undefined ? { start: start + alt.valueStart, end: start + alt.valueStart + alt.value.length } : undefined,
    explicitAlt: alt !== undefined,
    namedOtherwise: hidden || presentation || labelled,
    onlyContentOfLink,
  };
}

function linkInfo(text: string, node: Link | LinkReference, range: OffsetRange): LinkInfo {
  const first = node.children[0]?.position?.start.offset;
  const last = node.children.at(-1)?.position?.end.offset;
  const textRange = first !== undefined && last !== undefined ? { start: first, end: last } : { start: range.start, end: range.start };
  const source = text.slice(range.start, range.end);
  const syntax =
    node.type === 'linkReference' ? 'reference' : source.startsWith('<') ? 'autolink' : source.startsWith('[') ? 'inline' : 'literal';
  const imageOnly =
    node.children.length > 0 &&
    node.children.every(
      (child) =>
        child.type === 'image' ||
        child.type === 'imageReference' ||
        (child.type === 'text' && child.value.trim() === '') ||
        (child.type === 'html' && HAS_IMG.test(child.value)),
    );
  return {
    ...range,
    url: node.type === 'link' ? node.url : '',
    text: plainText(node).replace(/\s+/g, ' ').trim(),
    textRange,
    syntax,
    imageOnly,
  };
}

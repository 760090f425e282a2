const ATX_HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** The text of an ATX heading (`## Solution`) on a line of its own, HTML comments left out; undefined for any other line. */
export function atxHeadingText(line: string): string | undefined {
  return ATX_HEADING.exec(line.replace(/<!--[\s\S]*?(?:-->|$)/g, ''))?.[1];
}

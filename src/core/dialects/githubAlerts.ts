import type { LineIndex } from '../text/lines';
import { quoteDepth } from './kramdown';

/** GitHub's alerts: a blockquote that opens with `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]`. */
const ALERT = /^\s{0,3}>\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i;

/** The alert that opens on `line` (its kind, lower case, and its last line), unless the line continues a quote above it. */
export function alertAt(lines: LineIndex, line: number): { name: string; lastLine: number } | undefined {
  const alert = ALERT.exec(lines.lineText(line));
  if (!alert || (line > 0 && quoteDepth(lines.lineText(line - 1)) > 0)) return undefined;
  let last = line;
  while (last + 1 < lines.lineCount && /^\s{0,3}>/.test(lines.lineText(last + 1))) last++;
  return { name: alert[1].toLowerCase(), lastLine: last };
}

const LINE_BREAK = /\r?\n[ \t]*/g;

/**
 * The source of a regular expression too long for one line, written over several: every line break
 * and the indentation after it are dropped, nothing else. Break a line after a `|` or a group, never
 * before a space the pattern needs. Like `String.raw`, it keeps backslashes as written (`\s`, not `\\s`).
 */
export function oneLine(strings: TemplateStringsArray, ...values: unknown[]): string {
  return String.raw({ raw: strings.raw.map((part) => part.replace(LINE_BREAK, '')) }, ...values);
}

/** `(?:a|b|c)`: alternatives separated by `|`, written over as many lines as `oneLine` allows. */
export function anyOf(strings: TemplateStringsArray, ...values: unknown[]): string {
  return `(?:${oneLine(strings, ...values)})`;
}

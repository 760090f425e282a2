/**
 * Characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts sequences that
 * set the window title, clear the screen or write the clipboard), DEL, and the bidirectional
 * controls that reorder what is shown around them.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const WHITE_SPACE = /\r\n|[\t\n\r]/g;

/**
 * Text from a lesson, a file name or an argument, made safe to print on one line of a terminal:
 * tabs and line breaks become a space, every other control character its `\u001b` escape.
 * For text formats only; JSON, CSV and SARIF output keep the data as it is.
 */
export function printable(text: string): string {
  return text.replace(WHITE_SPACE, ' ').replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

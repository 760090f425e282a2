import type { TextEdit } from './range';

/** A change offered for a finding: edits by offset into the lesson's text, never editor calls. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

import type { Finding, PageType } from '../../core';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export interface FileReport {
  /** Relative to the working directory, with `/` separators. */
  file: string;
  findings: Finding[];
  /** What the page is in its course: lesson, lab, assessment… */
  pageType?: PageType;
}

export const FORMATS = { text: formatText, json: formatJson, sarif: formatSarif } satisfies Record<
  string,
  (reports: FileReport[]) => string
>;
export type FormatName = keyof typeof FORMATS;

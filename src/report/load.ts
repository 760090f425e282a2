import { join } from 'node:path';

export type ReportModule = typeof import('./index');

/**
 * The report renderer, loaded when a report is made: its charting library stays out of the
 * extension's and the linter's bundles. Built, it is `report.js` beside the bundle that asks;
 * the module is named through a variable so that the bundler leaves it out.
 */
export async function loadReport(): Promise<ReportModule> {
  const bundle = process.env.COURSE_REVIEW_REPORT_BUNDLE;
  const source = bundle ? join(__dirname, bundle) : './index';
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded only to make a report
  return require(source) as ReportModule;
}

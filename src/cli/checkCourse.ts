import { resolveModuleFindings, type Course, type Finding, type ResolvedConfig } from '../core';
import type { ConfigSource, CliIO } from './common';
import { scanCourse } from './course';
import { displayPath, posixPath } from './files';
import { lintFile, type LintJob, type LintOutcome, type LintSettings } from './lintFile';
import { lintInWorkers, MAX_FILES_ON_ONE_THREAD } from './parallel';
import { printable } from './printable';

export interface CheckedCourse {
  course: Course;
  /** One per file asked for, in order. */
  outcomes: LintOutcome[];
  /** Each asked-for file's findings after its module settled them, by path with `/` separators. */
  settled: Map<string, Finding[]>;
}

/**
 * Lints the files asked for as pages of their course: finds its tables of contents and the other
 * pages of their modules (checked, not reported), and settles module-level findings. Problems with
 * a table of contents go to stderr; the pages are then checked by folder.
 */
export async function checkCourse(files: ReadonlyArray<{ path: string; config: ResolvedConfig }>, configFor: ConfigSource, settings: LintSettings, io: CliIO): Promise<CheckedCourse> {
  const scan = scanCourse(files, (path) => {
    const result = configFor.forFile(path);
    return result.ok ? result.config : undefined;
  });
  for (const problem of scan.problems) io.stderr(`course-review: ${printable(displayPath(io.cwd, problem.file))}: ${printable(problem.message)} Its pages are checked by folder.\n`);
  const siblings = scan.siblings.flatMap((path) => {
    const config = configFor.forFile(path);
    return config.ok ? [{ path, config: config.config, sibling: true }] : [];
  });
  const checked = [...files.map((file) => ({ ...file, sibling: false })), ...siblings];
  const jobs: LintJob[] = checked.map(({ path, sibling }) => ({ path, hints: scan.hints.get(posixPath(path)), sibling }));
  const outcomes: LintOutcome[] = jobs.length > MAX_FILES_ON_ONE_THREAD ? await lintInWorkers(jobs, settings) : jobs.map((job, index) => lintFile(job, checked[index].config, settings));
  const settled = resolveModuleFindings(
    outcomes.flatMap((outcome, index) => (outcome.kind === 'failed' ? [] : [{ path: posixPath(checked[index].path), findings: outcome.findings, summary: outcome.page, config: checked[index].config }])),
    scan.course,
  );
  return { course: scan.course, outcomes: outcomes.slice(0, files.length), settled };
}

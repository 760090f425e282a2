import { resolveModuleFindings, type Course, type Finding, type ResolvedConfig } from '../core';
import type { ConfigSource, CliIO } from './common';
import { scanCourse } from './course';
import { displayPath, posixPath } from './files';
import { lintFile, type LintJob, type LintOutcome, type LintSettings } from './lintFile';
import type { LintCache } from './lintCache';
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
export async function checkCourse(
  files: ReadonlyArray<{ path: string; config: ResolvedConfig }>,
  configFor: ConfigSource,
  settings: LintSettings,
  io: CliIO,
  cache?: LintCache,
): Promise<CheckedCourse> {
  const scan = scanCourse(files, (path) => {
    const result = configFor.forFile(path);
    return result.ok ? result.config : undefined;
  });
  for (const problem of scan.problems)
    io.stderr(
      `course-review: ${printable(displayPath(io.cwd, problem.file))}: ${printable(problem.message)} Its pages are checked by folder.\n`,
    );
  const siblings = scan.siblings.flatMap((path) => {
    const config = configFor.forFile(path);
    return config.ok ? [{ path, config: config.config, sibling: true }] : [];
  });
  const checked = [...files.map((file) => ({ ...file, sibling: false })), ...siblings];
  const jobs: LintJob[] = checked.map(({ path, sibling }) => ({ path, hints: scan.hints.get(posixPath(path)), sibling }));
  const outcomes = await lintCached(jobs, checked, settings, cache);
  const settled = resolveModuleFindings(
    outcomes.flatMap((outcome, index) =>
      outcome.kind === 'failed'
        ? []
        : [{ path: posixPath(checked[index].path), findings: outcome.findings, summary: outcome.page, config: checked[index].config }],
    ),
    scan.course,
  );
  return { course: scan.course, outcomes: outcomes.slice(0, files.length), settled };
}

/**
 * Lints the jobs, reusing the cache's results for files unchanged since (never when fixing). A
 * result is kept only when the file still has the bytes it was keyed by after the lint.
 */
async function lintCached(
  jobs: LintJob[],
  checked: ReadonlyArray<{ config: ResolvedConfig }>,
  settings: LintSettings,
  cache: LintCache | undefined,
): Promise<LintOutcome[]> {
  const lint = (list: LintJob[], configs: ReadonlyArray<{ config: ResolvedConfig }>) =>
    list.length > MAX_FILES_ON_ONE_THREAD
      ? lintInWorkers(list, settings)
      : Promise.resolve(list.map((job, index) => lintFile(job, configs[index].config, settings)));
  if (!cache || settings.fix) return lint(jobs, checked);
  const inputOf = (index: number) => ({
    path: jobs[index].path,
    config: checked[index].config,
    hints: jobs[index].hints,
    today: settings.today,
  });
  const keys = jobs.map((_, index) => cache.keyOf(inputOf(index)));
  const outcomes: Array<LintOutcome | undefined> = keys.map((key) => {
    const entry = cache.get(key);
    return entry && { kind: 'linted', findings: entry.findings, page: entry.page, fixed: 0, notes: [] };
  });
  const missing = outcomes.flatMap((outcome, index) => (outcome ? [] : [index]));
  const linted = await lint(
    missing.map((index) => jobs[index]),
    missing.map((index) => checked[index]),
  );
  missing.forEach((index, position) => {
    const outcome = linted[position];
    outcomes[index] = outcome;
    const key = keys[index];
    if (outcome.kind === 'linted' && key !== undefined && cache.keyOf(inputOf(index)) === key)
      cache.set(key, { findings: outcome.findings, page: outcome.page });
  });
  return outcomes as LintOutcome[];
}

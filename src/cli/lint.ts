import { parseArgs } from 'node:util';
import { resolveModuleFindings } from '../core';
import { configSource, EXIT, reportConfigError, todayFrom, usageError, type CliIO } from './common';
import { collectFiles, displayPath, withConfigs } from './files';
import { FORMATS, type FileReport, type FormatName } from './format';
import { scanCourse } from './course';
import { lintFile, type LintJob, type LintOutcome, type LintSettings } from './lintFile';
import { lintInWorkers, MAX_FILES_ON_ONE_THREAD } from './parallel';
import { printable } from './printable';
import { commandHelp, overview } from './usage';

/**
 * `course-review [lint] [paths…] [options]`: lint is the default command, so `--help` and
 * `--version` without a command land here too.
 */
export async function lint(argv: readonly string[], io: CliIO, version: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message, argv.includes('lint') ? 'lint' : undefined);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const named = command === 'lint';
  if (values.help) {
    io.stdout(named ? commandHelp('lint') : overview());
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  if (command !== undefined && !named) return usageError(io, `Unknown command "${command}", expected lint, review or queue.`, undefined);
  const paths = named ? rest : positionals;
  if (!Object.hasOwn(FORMATS, values.format)) return usageError(io, `Unknown format "${values.format}", expected text, json or sarif.`, 'lint');
  const maxWarningsText = values['max-warnings']?.trim();
  const maxWarnings = maxWarningsText === undefined ? undefined : maxWarningsText === '' ? NaN : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) return usageError(io, '--max-warnings takes a whole number.', 'lint');
  const today = todayFrom(values.today);
  if ('error' in today) return usageError(io, today.error, 'lint');

  const configFor = configSource(io.cwd, values.config);
  if ('error' in configFor) return reportConfigError(io, configFor.error);
  const collected = collectFiles(paths.length > 0 ? paths : ['.'], io.cwd, configFor.forFile);
  if (collected.missing.length > 0) return usageError(io, `No such file, folder or matching glob: ${collected.missing.join(', ')}`, 'lint');
  const configured = withConfigs(collected.files);
  if ('error' in configured) return reportConfigError(io, configured.error);
  const { files } = configured;

  const settings: LintSettings = { cwd: io.cwd, configPath: values.config, today: today.today, fix: values.fix === true };
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

  const reports: FileReport[] = [];
  let fixes = 0;
  let failed = 0;
  let notFixed = 0;
  for (const [index, outcome] of outcomes.slice(0, files.length).entries()) {
    const file = displayPath(io.cwd, files[index].path);
    const problems = outcome.kind === 'linted' ? outcome.notes : [outcome.problem];
    for (const problem of problems) io.stderr(`course-review: ${printable(file)}: ${printable(problem)}\n`);
    if (outcome.kind === 'failed') {
      failed++;
      continue;
    }
    if (outcome.kind === 'linted') fixes += outcome.fixed;
    else notFixed++;
    reports.push({ file, findings: settled.get(posixPath(files[index].path)) ?? outcome.findings, pageType: outcome.page.type.type });
  }
  if (values.fix) io.stderr(`Fixed ${fixes} ${fixes === 1 ? 'finding' : 'findings'}.\n`);
  io.stdout(FORMATS[values.format as FormatName](reports));
  const of = `of ${files.length} ${files.length === 1 ? 'lesson' : 'lessons'}`;
  if (notFixed > 0) io.stderr(`${notFixed} ${of} could not be fixed; their findings are of the text as it stands.\n`);
  if (failed > 0) io.stderr(`${failed} ${of} could not be checked; the others are reported.\n`);
  if (failed + notFixed > 0) return EXIT.usage;

  const all = reports.flatMap((report) => report.findings);
  const errors = all.filter((finding) => finding.severity === 'error').length;
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`Too many warnings: ${warnings}, expected at most ${maxWarnings} (--max-warnings).\n`);
    return EXIT.findings;
  }
  return errors > 0 ? EXIT.findings : EXIT.ok;
}

function posixPath(path: string): string {
  return path.split('\\').join('/');
}

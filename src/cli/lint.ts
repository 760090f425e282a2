import { parseArgs } from 'node:util';
import { CACHE_OPTIONS, EXIT, SHARED_OPTIONS, todayFrom, usageError, type CliIO } from './common';
import { displayPath, posixPath } from './files';
import { lessonsAsked } from './lessonsAsked';
import { FORMATS, type FileReport, type FormatName } from './format';
import { checkCourse } from './checkCourse';
import { cacheFrom, saveCache } from './lintCache';
import type { LintSettings } from './lintFile';
import { printable } from './printable';
import { commandHelp, commandNames, overview } from './usage';

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
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        ...SHARED_OPTIONS,
        ...CACHE_OPTIONS,
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
  if (command !== undefined && !named) return usageError(io, `Unknown command "${command}", expected ${commandNames()}.`, undefined);
  const paths = named ? rest : positionals;
  if (!Object.hasOwn(FORMATS, values.format))
    return usageError(io, `Unknown format "${values.format}", expected text, json or sarif.`, 'lint');
  const maxWarningsText = values['max-warnings']?.trim();
  const maxWarnings = maxWarningsText === undefined ? undefined : maxWarningsText === '' ? NaN : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0))
    return usageError(io, '--max-warnings takes a whole number.', 'lint');
  const today = todayFrom(values.today);
  if ('error' in today) return usageError(io, today.error, 'lint');

  const asked = lessonsAsked(io, paths, values.config, 'lint');
  if (asked.kind === 'stopped') return asked.exit;
  const { files, configFor } = asked;

  const settings: LintSettings = { cwd: io.cwd, configPath: values.config, today: today.today, fix: values.fix === true };
  const cache = cacheFrom(values, io.cwd);
  const { outcomes, settled } = await checkCourse(files, configFor, settings, io, cache);
  saveCache(cache, io);

  const reports: FileReport[] = [];
  let fixes = 0;
  let failed = 0;
  let notFixed = 0;
  for (const [index, outcome] of outcomes.entries()) {
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

import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { configSource, EXIT, reportConfigError, todayFrom, usageError, type CliIO } from './common';
import { collectFiles } from './files';
import { FORMATS, type FileReport, type FormatName } from './format';
import { lintFile, lintInWorkers, MAX_FILES_ON_ONE_THREAD, type LintSettings } from './parallel';
import { queue } from './queue';
import { review } from './review';
import { USAGE } from './usage';

export async function run(argv: readonly string[], io: CliIO, version = '0.0.0'): Promise<number> {
  if (argv[0] === 'review') return review(argv.slice(1), io);
  if (argv[0] === 'queue') return queue(argv.slice(1), io);
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
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  const [command = 'lint', ...paths] = positionals;
  if (command !== 'lint') return usageError(io, `Unknown command "${command}".`);
  if (!(values.format in FORMATS)) return usageError(io, `Unknown format "${values.format}", expected text, json or sarif.`);
  const maxWarningsText = values['max-warnings']?.trim();
  const maxWarnings = maxWarningsText === undefined ? undefined : maxWarningsText === '' ? NaN : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) return usageError(io, '--max-warnings takes a whole number.');
  const today = todayFrom(values.today);
  if ('error' in today) return usageError(io, today.error);

  const configFor = configSource(io.cwd, values.config);
  if ('error' in configFor) return reportConfigError(io, configFor.error);
  const { files, missing } = collectFiles(paths.length > 0 ? paths : ['.'], io.cwd, configFor.forFile);
  if (missing.length > 0) return usageError(io, `No such file, folder or matching glob: ${missing.join(', ')}`);

  const reports: FileReport[] = [];
  let fixes = 0;
  const settings: LintSettings = { cwd: io.cwd, configPath: values.config, today: today.today, fix: values.fix === true };
  const parallel = files.length > MAX_FILES_ON_ONE_THREAD && files.every(({ config }) => config.ok) ? await lintInWorkers(files.map(({ path }) => path), settings) : undefined;
  for (const [index, { path, config }] of files.entries()) {
    if (!config.ok) return reportConfigError(io, config.error);
    const outcome = parallel?.[index] ?? lintFile(path, config.config, settings);
    fixes += outcome.fixed;
    reports.push({ file: relative(io.cwd, path).split('\\').join('/'), findings: outcome.findings });
  }
  if (values.fix) io.stderr(`Fixed ${fixes} ${fixes === 1 ? 'finding' : 'findings'}.\n`);
  io.stdout(FORMATS[values.format as FormatName](reports));

  const all = reports.flatMap((report) => report.findings);
  const errors = all.filter((finding) => finding.severity === 'error').length;
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`Too many warnings: ${warnings}, expected at most ${maxWarnings} (--max-warnings).\n`);
    return EXIT.findings;
  }
  return errors > 0 ? EXIT.findings : EXIT.ok;
}

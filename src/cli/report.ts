import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { courseHealth, healthMarkdown, toPosix } from '../core';
import { healthHtml } from '../report';
import { CACHE_OPTIONS, EXIT, SHARED_OPTIONS, todayFrom, usageError, type CliIO } from './common';
import { courseOutline, failedLine } from './courseOutline';
import { cacheFrom } from './lintCache';
import { lessonsAsked } from './lessonsAsked';
import { printable } from './printable';
import { writeWholeFile } from './safeWrite';
import { commandHelp } from './usage';

const REPORT_FORMATS = ['html', 'md', 'json'] as const;
type HealthFormat = (typeof REPORT_FORMATS)[number];

/**
 * `course-review report [paths…] [options]`: the course health report for a lead. Checks the
 * pages as `outline` does, then writes the report to stdout or, with --output, to a file whose
 * links to pages are relative to it.
 */
export async function report(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'html' },
        output: { type: 'string', short: 'o' },
        ...SHARED_OPTIONS,
        ...CACHE_OPTIONS,
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message, 'report');
  }
  const { values, positionals: paths } = parsed;
  if (values.help) {
    io.stdout(commandHelp('report'));
    return EXIT.ok;
  }
  const format = values.format;
  if (!isHealthFormat(format)) return usageError(io, `Unknown format "${format}", expected html, md or json.`, 'report');
  const today = todayFrom(values.today);
  if ('error' in today) return usageError(io, today.error, 'report');

  const asked = lessonsAsked(io, paths, values.config, 'report');
  if (asked.kind === 'stopped') return asked.exit;
  const run = await courseOutline(asked, { today: today.today, configPath: values.config, cache: cacheFrom(values, io.cwd) }, io);
  const health = courseHealth(run.outline, today.today);
  const output = values.output === undefined ? undefined : resolve(io.cwd, values.output);
  // Pages are named relative to the working directory; a saved report links to them from its own folder.
  const href = (path: string) => encodeURI(toPosix(output ? relative(dirname(output), resolve(io.cwd, path)) : path));
  const text =
    format === 'json'
      ? `${JSON.stringify(health, null, 2)}\n`
      : format === 'md'
        ? healthMarkdown(health, href).split('\n').map(printable).join('\n')
        : await healthHtml(health, { href });
  if (output) {
    const failure = writeWholeFile(output, text);
    if (failure !== undefined) {
      io.stderr(`course-review: ${printable(values.output ?? output)}: Cannot write the report: ${printable(failure)}.\n`);
      return EXIT.usage;
    }
    io.stdout(
      `Wrote the course health report (${health.totals.pages} pages, ${health.totals.openReviews} ` +
        `open reviews) to ${printable(values.output ?? output)}.\n`,
    );
  } else {
    io.stdout(text);
  }
  if (run.failed > 0) {
    io.stderr(failedLine(run));
    return EXIT.usage;
  }
  return EXIT.ok;
}

function isHealthFormat(format: string): format is HealthFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}

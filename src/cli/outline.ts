import { parseArgs } from 'node:util';
import { formatOutline, OUTLINE_FORMATS, type OutlineFormat } from '../core';
import { CACHE_OPTIONS, EXIT, SHARED_OPTIONS, todayFrom, usageError, type CliIO } from './common';
import { courseOutline, failedLine } from './courseOutline';
import { cacheFrom } from './lintCache';
import { lessonsAsked } from './lessonsAsked';
import { printable } from './printable';
import { commandHelp } from './usage';

/**
 * `course-review outline [paths…] [options]`: the course as modules and pages, as a lead reads it.
 * Lints the pages as `lint` does (same findings, settled across modules), then rolls them up.
 */
export async function outline(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'table' },
        ...SHARED_OPTIONS,
        ...CACHE_OPTIONS,
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message, 'outline');
  }
  const { values, positionals: paths } = parsed;
  if (values.help) {
    io.stdout(commandHelp('outline'));
    return EXIT.ok;
  }
  if (!isOutlineFormat(values.format)) return usageError(io, `Unknown format "${values.format}", expected table, json or md.`, 'outline');
  const today = todayFrom(values.today);
  if ('error' in today) return usageError(io, today.error, 'outline');

  const asked = lessonsAsked(io, paths, values.config, 'outline');
  if (asked.kind === 'stopped') return asked.exit;
  const run = await courseOutline(asked, { today: today.today, configPath: values.config, cache: cacheFrom(values, io.cwd) }, io);
  const text = formatOutline(run.outline, values.format);
  io.stdout(values.format === 'json' ? text : text.split('\n').map(printable).join('\n'));
  if (run.failed > 0) {
    io.stderr(failedLine(run));
    return EXIT.usage;
  }
  return EXIT.ok;
}

function isOutlineFormat(format: string): format is OutlineFormat {
  return (OUTLINE_FORMATS as readonly string[]).includes(format);
}

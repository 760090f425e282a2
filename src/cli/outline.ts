import { parseArgs } from 'node:util';
import { buildOutline, formatOutline, OUTLINE_FORMATS, type OutlineFormat, type OutlineInput } from '../core';
import { checkCourse } from './checkCourse';
import { EXIT, SHARED_OPTIONS, todayFrom, usageError, type CliIO } from './common';
import { displayPath, posixPath } from './files';
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
  const { files, configFor } = asked;

  const checked = await checkCourse(files, configFor, { cwd: io.cwd, configPath: values.config, today: today.today, fix: false }, io);
  const inputs: OutlineInput[] = [];
  let failed = 0;
  for (const [index, outcome] of checked.outcomes.entries()) {
    const file = displayPath(io.cwd, files[index].path);
    if (outcome.kind === 'failed') {
      failed++;
      io.stderr(`course-review: ${printable(file)}: ${printable(outcome.problem)}\n`);
      continue;
    }
    const coursePath = posixPath(files[index].path);
    inputs.push({ coursePath, path: file, summary: outcome.page, findings: checked.settled.get(coursePath) ?? outcome.findings });
  }
  const built = buildOutline(checked.course, inputs);
  // Folders and tables of contents as the user named them, relative to where they asked.
  const shown = (path: string) => displayPath(io.cwd, path) || '.';
  const course = { ...built, modules: built.modules.map((module) => ({ ...module, source: module.source.kind === 'folder' ? { ...module.source, folder: shown(module.source.folder) } : { ...module.source, file: shown(module.source.file) } })) };
  const text = formatOutline(course, values.format);
  io.stdout(values.format === 'json' ? text : text.split('\n').map(printable).join('\n'));
  if (failed > 0) {
    io.stderr(`${failed} of ${files.length} ${files.length === 1 ? 'lesson' : 'lessons'} could not be checked; the others are shown.\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}

function isOutlineFormat(format: string): format is OutlineFormat {
  return (OUTLINE_FORMATS as readonly string[]).includes(format);
}

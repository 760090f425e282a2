import { buildOutline, type CourseOutline, type OutlineInput, type ResolvedConfig } from '../core';
import { checkCourse } from './checkCourse';
import type { CliIO, ConfigSource } from './common';
import { displayPath, posixPath } from './files';
import { saveCache, type LintCache } from './lintCache';
import { printable } from './printable';

export interface OutlineRun {
  outline: CourseOutline;
  /** Lessons that could not be checked: said on stderr, left out of the outline. */
  failed: number;
  checked: number;
}

/**
 * Checks the lessons asked for as pages of their course, as `lint` does (findings settled across
 * modules), and rolls them up into the outline, with paths as the user named them.
 */
export async function courseOutline(
  asked: { files: Array<{ path: string; config: ResolvedConfig }>; configFor: ConfigSource },
  options: { today: string; configPath: string | undefined; cache?: LintCache },
  io: CliIO,
): Promise<OutlineRun> {
  const { files, configFor } = asked;
  const checked = await checkCourse(
    files,
    configFor,
    { cwd: io.cwd, configPath: options.configPath, today: options.today, fix: false },
    io,
    options.cache,
  );
  saveCache(options.cache, io);
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
  const outline = {
    ...built,
    modules: built.modules.map((module) => ({
      ...module,
      source:
        module.source.kind === 'folder'
          ? { ...module.source, folder: shown(module.source.folder) }
          : { ...module.source, file: shown(module.source.file) },
    })),
  };
  return { outline, failed, checked: files.length };
}

export function failedLine(run: OutlineRun): string {
  return `${run.failed} of ${run.checked} ${run.checked === 1 ? 'lesson' : 'lessons'} could not be checked; the others are shown.\n`;
}

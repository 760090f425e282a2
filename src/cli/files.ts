import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { isLesson, toPosix, type ConfigError, type ConfigLoader, type ResolvedConfig } from '../core';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);
/** Markdown in its common spellings, MDX included; the `lessons` globs then choose among them. */
export const LESSON_FILE = /\.(?:md|markdown|mdx)$/i;

export interface LessonFile {
  path: string;
  /** The config for this file, or the error that stops it from loading. */
  config: ReturnType<ConfigLoader['forFile']>;
}

/**
 * Expands the command line's paths: a file is linted as given; a folder means every lesson in it
 * (by the `lessons` globs of the config that applies); a glob means the files it matches.
 */
export function collectFiles(
  args: readonly string[],
  cwd: string,
  configFor: (path: string) => LessonFile['config'],
): { files: LessonFile[]; missing: string[] } {
  const files = new Map<string, LessonFile>();
  const missing: string[] = [];
  const add = (path: string) => {
    if (!files.has(path)) files.set(path, { path, config: configFor(path) });
  };
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stat = statSafe(path);
    if (stat?.isFile()) {
      add(path);
    } else if (stat?.isDirectory()) {
      for (const file of walk(path)) {
        const config = configFor(file);
        if (!config.ok || isLessonFor(config.config, file)) add(file);
      }
    } else if (picomatch.scan(arg).isGlob) {
      const { base, glob } = picomatch.scan(arg);
      const matcher = picomatch(glob, { dot: true });
      const root = resolve(cwd, base || '.');
      let matched = false;
      for (const file of walk(root)) {
        if (matcher(posixPath(relative(root, file)))) {
          add(file);
          matched = true;
        }
      }
      if (!matched) missing.push(arg);
    } else {
      missing.push(arg);
    }
  }
  return { files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)), missing };
}

/** The files, each with its configuration; or the first configuration that does not load, which stops a run. */
export function withConfigs(
  files: readonly LessonFile[],
): { files: Array<{ path: string; config: ResolvedConfig }> } | { error: ConfigError } {
  const configured: Array<{ path: string; config: ResolvedConfig }> = [];
  for (const { path, config } of files) {
    if (!config.ok) return { error: config.error };
    configured.push({ path, config: config.config });
  }
  return { files: configured };
}

/** How a file is named in output: relative to the working directory, with `/` separators. */
/** A path with `/` separators, as the core and the output want it on every platform. */
export function posixPath(path: string): string {
  return toPosix(path);
}

export function displayPath(cwd: string, path: string): string {
  return posixPath(relative(cwd, path));
}

export function isLessonFor(config: ResolvedConfig, file: string): boolean {
  return isLesson(config, posixPath(relative(config.baseDir, file)));
}

function* walk(folder: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) yield* walk(path);
    else if (entry.isFile() && LESSON_FILE.test(entry.name)) yield path;
  }
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigLoader, configError, isIsoDate, localIsoDate, parseConfig, type ConfigError, type ConfigResult } from '../core';
import { printable } from './printable';

export interface CliIO {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Each file's configuration: the nearest `.coursereview.json`, or the one `--config` names. */
export interface ConfigSource {
  forFile: (path: string) => ConfigResult;
}

export function configSource(cwd: string, configPath: string | undefined): ConfigSource | { error: ConfigError } {
  if (configPath === undefined) {
    // Like a workspace folder in the editor, a repository's root is where configurations stop being
    // looked for (and where `lessons` globs start); outside any repository, the working directory is.
    const isRepository = (folder: string) => existsSync(join(folder, '.git'));
    const loader = new ConfigLoader({ readFile: readTextOrUndefined, isRoot: isRepository }, repositoryOf(cwd, isRepository) ? [] : [cwd]);
    return { forFile: (path) => loader.forFile(path) };
  }
  const file = resolve(cwd, configPath);
  const text = readTextOrUndefined(file);
  if (text === undefined) return { error: configError('', file, 'Configuration file not found.') };
  const result = parseConfig(text, file, dirname(file));
  if (!result.ok) return { error: result.error };
  return { forFile: () => result };
}

function repositoryOf(folder: string, isRepository: (folder: string) => boolean): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    if (isRepository(current)) return current;
    if (dirname(current) === current) return undefined;
  }
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export type CommandName = 'lint' | 'review' | 'queue' | 'outline' | 'report' | 'history' | 'verify';

/** The message, and where to read more: a whole help text would push the message off the screen. */
export function usageError(io: CliIO, message: string, command: CommandName | undefined): number {
  io.stderr(`course-review: ${printable(message)}\nRun course-review ${command ? `${command} ` : ''}--help for usage.\n`);
  return EXIT.usage;
}

export function reportConfigError(io: CliIO, error: ConfigError): number {
  const { line, character } = error.range.start;
  const message = error.message.split(/\r?\n/).map(printable).join('\n  ');
  io.stderr(`course-review: invalid configuration ${printable(error.file)}:${line + 1}:${character + 1}\n  ${message}\n`);
  return EXIT.usage;
}

/** `--today` checked, else the local date: the day a reviewer at this machine would write. */
export function todayFrom(option: string | undefined, now = new Date()): { today: string } | { error: string } {
  if (option !== undefined)
    return isIsoDate(option) ? { today: option } : { error: `Unexpected --today "${option}", expected a date as YYYY-MM-DD.` };
  const today = localIsoDate(now);
  return today !== undefined
    ? { today }
    : { error: `Unexpected clock date ${now.toISOString()}, expected a year from 0000 to 9999: pass --today YYYY-MM-DD.` };
}

/** The options every command that reads lessons takes: the date, the configuration, help. */
export const SHARED_OPTIONS = {
  today: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options of the commands that lint: keep results between runs, as ESLint's `--cache` does. */
export const CACHE_OPTIONS = {
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
} as const;

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigLoader, configError, isIsoDate, parseConfig, type ConfigError, type ConfigResult } from '../core';
import { USAGE } from './usage';

export interface CliIO {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export function configSource(cwd: string, configPath: string | undefined): { forFile: (path: string) => ConfigResult } | { error: ConfigError } {
  if (configPath === undefined) {
    const loader = new ConfigLoader({ readFile: readTextOrUndefined });
    return { forFile: (path) => loader.forFile(path) };
  }
  const file = resolve(cwd, configPath);
  const text = readTextOrUndefined(file);
  if (text === undefined) return { error: configError('', file, 'Configuration file not found.') };
  const result = parseConfig(text, file, dirname(file));
  if (!result.ok) return { error: result.error };
  return { forFile: () => result };
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function usageError(io: CliIO, message: string): number {
  io.stderr(`course-review: ${message}\n\n${USAGE}`);
  return EXIT.usage;
}

export function reportConfigError(io: CliIO, error: ConfigError): number {
  const { line, character } = error.range.start;
  io.stderr(`course-review: invalid configuration ${error.file}:${line + 1}:${character + 1}\n  ${error.message}\n`);
  return EXIT.usage;
}

/** `--today` checked, else the local date: the day a reviewer at this machine would write. */
export function todayFrom(option: string | undefined, now = new Date()): { today: string } | { error: string } {
  const pad = (value: number) => String(value).padStart(2, '0');
  if (option === undefined) return { today: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` };
  return isIsoDate(option) ? { today: option } : { error: `Unexpected --today "${option}", expected a date as YYYY-MM-DD.` };
}

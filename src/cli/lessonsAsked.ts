import type { ResolvedConfig } from '../core';
import { configSource, reportConfigError, usageError, type CliIO, type CommandName, type ConfigSource } from './common';
import { collectFiles, withConfigs } from './files';

export type LessonsAsked =
  { kind: 'found'; files: Array<{ path: string; config: ResolvedConfig }>; configFor: ConfigSource } | { kind: 'stopped'; exit: number };

/**
 * The lessons a command's paths name (every lesson under `.` without paths), each with its
 * configuration; or, when a configuration is broken or a path names nothing, the message said
 * and the exit code to stop with.
 */
export function lessonsAsked(io: CliIO, paths: readonly string[], configPath: string | undefined, command: CommandName): LessonsAsked {
  const configFor = configSource(io.cwd, configPath);
  if ('error' in configFor) return { kind: 'stopped', exit: reportConfigError(io, configFor.error) };
  const collected = collectFiles(paths.length > 0 ? paths : ['.'], io.cwd, configFor.forFile);
  if (collected.missing.length > 0)
    return { kind: 'stopped', exit: usageError(io, `No such file, folder or matching glob: ${collected.missing.join(', ')}`, command) };
  const configured = withConfigs(collected.files);
  if ('error' in configured) return { kind: 'stopped', exit: reportConfigError(io, configured.error) };
  return { kind: 'found', files: configured.files, configFor };
}

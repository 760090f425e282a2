import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reviewOfText } from '../core';
import { approvedVersion, diffSinceApproval } from '../git/approvedVersion';
import { configSource, EXIT, reportConfigError, usageError, type CliIO } from './common';
import { describeError } from './errors';
import { displayPath } from './files';
import { printable } from './printable';

/**
 * `course-review review diff --role ROLE FILE`: what changed in the lesson since the role approved
 * it, as a unified diff between the lesson at the commit that has the approved content and the
 * working copy, both without their review block. Reads git history with repository-controlled
 * programs turned off.
 */
export function reviewDiff(options: { role?: string; config?: string }, paths: readonly string[], io: CliIO): number {
  const role = options.role?.trim();
  if (!role) return usageError(io, 'Missing --role, e.g. --role sme.', 'review');
  if (paths.length !== 1) return usageError(io, 'review diff compares one lesson: name one file.', 'review');
  const file = resolve(io.cwd, paths[0]);
  const name = printable(displayPath(io.cwd, file));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr(`course-review: ${name}: Cannot read the file: ${describeError(error)}.\n`);
    return EXIT.usage;
  }
  const configs = configSource(io.cwd, options.config);
  if ('error' in configs) return reportConfigError(io, configs.error);
  const config = configs.forFile(file);
  if (!config.ok) return reportConfigError(io, config.error);
  const state = reviewOfText(text, { roles: config.config.roles, today: undefined }).states.find(
    (candidate) => candidate.role.name === role,
  );
  if (!state)
    return usageError(
      io,
      `Unknown role "${role}", expected one of ${config.config.roles.map((known) => known.name).join(', ')}.`,
      'review',
    );
  const fingerprint = state.record?.fingerprint;
  if (!fingerprint || (state.status !== 'approved' && state.status !== 'waived' && state.status !== 'stale')) {
    io.stderr(`course-review: ${name}: No approval by ${state.role.label} on record, so there is nothing to compare with.\n`);
    return EXIT.usage;
  }
  if (state.status !== 'stale') {
    io.stdout(
      `${name}: ${state.role.label}'s ${state.status === 'waived' ? 'waiver' : 'approval'} is current: nothing has changed since.\n`,
    );
    return EXIT.ok;
  }
  const approved = approvedVersion(file, fingerprint);
  if (approved.kind === 'refused') {
    io.stderr(`course-review: ${name}: ${printable(approved.message)}\n`);
    return EXIT.usage;
  }
  const { version, path } = approved;
  const before = `${path} (as approved: ${version.commit.slice(0, 10)}, ${version.date.slice(0, 10)})`;
  io.stdout(`${diffSinceApproval(approved.text, text, { before, after: `${path} (working copy)` })}`);
  return EXIT.ok;
}

import { readFileSync } from 'node:fs';
import { BOM, fixAll, lintText, withoutBom, type Finding, type PageHints, type PageSummary, type ResolvedConfig } from '../core';
import { describeError } from './errors';
import { updateFile, type Rewrite } from './safeWrite';

/** What every file of a run shares: where configurations are found, the date, whether to fix. */
export interface LintSettings {
  cwd: string;
  /** `--config`, or undefined to use the nearest `.coursereview.json` of each file. */
  configPath: string | undefined;
  /** YYYY-MM-DD; without it no review is overdue. */
  today: string | undefined;
  fix: boolean;
}

export type LintOutcome =
  /** `notes`: what happened to the file while fixing it, for stderr. */
  | { kind: 'linted'; findings: Finding[]; page: PageSummary; fixed: number; notes: string[] }
  /** --fix could not write the file, which is as it was: the findings are of that text. */
  | { kind: 'not-fixed'; findings: Finding[]; page: PageSummary; problem: string }
  | { kind: 'failed'; problem: string };

/** A file to lint, with what its course says of it. */
export interface LintJob {
  path: string;
  hints: PageHints | undefined;
  /** Checked for its module's sake only: never fixed. */
  sibling?: boolean;
}

interface Fixed {
  text: string;
  fixed: number;
}

/**
 * Reads one lesson, applies its safe fixes when asked (writing the file), and lints what is left.
 * Never throws: whatever goes wrong is this file's outcome, and the run goes on with the others.
 */
export function lintFile({ path, hints, sibling }: LintJob, config: ResolvedConfig, settings: LintSettings): LintOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { kind: 'failed', problem: `cannot read the file: ${describeError(error)}.` };
  }
  try {
    if (!settings.fix || sibling) return linted(withoutBom(bytes.toString('utf8')), 0, [], config, settings, hints);
    const first = fixText(bytes, config);
    if (first.value.fixed === 0) return linted(first.value.text, 0, [], config, settings, hints);
    // Fixed again under the lock only if another writer changed the file since this first read.
    const update = updateFile(path, (current) => (current.equals(bytes) ? first : fixText(current, config)), 'fixing');
    if (update.kind === 'refused') return notFixed(path, update.message, config, settings, hints);
    return linted(update.value.text, update.value.fixed, update.kind === 'written' ? update.notes : [], config, settings, hints);
  } catch (error) {
    return { kind: 'failed', problem: `cannot check the file: ${describeError(error)}. Please report this with the lesson attached.` };
  }
}

function fixText(bytes: Buffer, config: ResolvedConfig): Rewrite<Fixed> {
  const raw = bytes.toString('utf8');
  const bom = raw.startsWith(BOM) ? BOM : '';
  const result = fixAll(raw.slice(bom.length), config);
  if (result.fixed === 0) return { text: undefined, value: { text: raw.slice(bom.length), fixed: 0 } };
  return { text: bom + result.text, value: { text: result.text, fixed: result.fixed } };
}

function linted(
  text: string,
  fixed: number,
  notes: string[],
  config: ResolvedConfig,
  settings: LintSettings,
  hints: PageHints | undefined,
): LintOutcome {
  const { findings, page } = lintText(text, config, { today: settings.today, page: hints });
  return { kind: 'linted', findings, page, fixed, notes };
}

function notFixed(
  path: string,
  problem: string,
  config: ResolvedConfig,
  settings: LintSettings,
  hints: PageHints | undefined,
): LintOutcome {
  const reason = `not fixed: ${problem}`;
  try {
    const { findings, page } = lintText(withoutBom(readFileSync(path, 'utf8')), config, { today: settings.today, page: hints });
    return { kind: 'not-fixed', findings, page, problem: reason };
  } catch (error) {
    return { kind: 'failed', problem: `${reason} Then cannot read it: ${describeError(error)}.` };
  }
}

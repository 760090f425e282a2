import { readFileSync } from 'node:fs';
import { sha256Hex, triggerCounts, withoutBom, type ResolvedConfig } from '../core';
import { describeError } from './errors';

/**
 * A lesson whose claims `queue` checks: its path, and a hash of the text the queue read from it. The
 * worker reads the file itself (the queue keeps no text meanwhile) and counts only that same text.
 */
export interface TriggerJob {
  path: string;
  hash: string;
}

export type TriggerOutcome = { kind: 'counted'; counts: Array<[string, number]> } | { kind: 'failed'; problem: string };

/** The lesson's trigger counts, if the file still holds the text the job was made from; the queue's answer for it otherwise. */
export function countLessonTriggers(job: TriggerJob, config: ResolvedConfig): TriggerOutcome {
  let text: string;
  try {
    text = withoutBom(readFileSync(job.path, 'utf8'));
  } catch (error) {
    return { kind: 'failed', problem: `cannot read the file: ${describeError(error)}.` };
  }
  if (sha256Hex(text) !== job.hash) return { kind: 'failed', problem: 'the file changed while the queue read it; run the queue again.' };
  try {
    return { kind: 'counted', counts: [...triggerCounts(text, config)] };
  } catch (error) {
    return { kind: 'failed', problem: `cannot check its claims: ${describeError(error)}. Please report this with the lesson attached.` };
  }
}

import type { ResolvedConfig } from '../config/resolve';
import type { Finding } from '../lint';

/** Why an editor stopped checking a lesson before the rules could say anything. */
export type StopReason = { kind: 'time'; limitMs: number } | { kind: 'memory'; limitMb: number } | { kind: 'failed'; message: string };

/**
 * The `lesson-skipped` finding for a check the editor had to stop: a silent stop would look like a
 * clean lesson. At the configured severity of `lesson-skipped`; none when that rule is off.
 */
export function stoppedCheckFinding(reason: StopReason, config: ResolvedConfig): Finding | undefined {
  const enabled = config.rules.get('lesson-skipped');
  if (!enabled) return undefined;
  const why =
    reason.kind === 'time'
      ? `Unexpected check time over ${(reason.limitMs / 1000).toLocaleString('en-US')} s, expected a lesson Course Review can check ` +
        `while you type`
      : reason.kind === 'memory'
        ? `Unexpected memory use over ${reason.limitMb} MB while checking, expected a lesson Course Review can check while you type`
        : `Unexpected failure while checking (${reason.message}), expected a check to finish`;
  const message =
    `${why}: this lesson was not checked. It is checked again when you save it; if this persists, ` +
    `split the lesson or report it with the file attached.`;
  return {
    ruleId: 'lesson-skipped',
    severity: enabled.severity,
    message,
    start: 0,
    end: 0,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

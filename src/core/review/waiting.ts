import { daysBetween } from './dates';
import type { RoleState } from './state';

/**
 * Days an outstanding review has waited: from the request, or from the sign-off that reopened it
 * (changes asked for, an approval gone stale). Undefined when nothing is outstanding or no date says.
 */
export function daysWaiting(state: RoleState, today: string | undefined): number | undefined {
  if (!state.outstanding || !today) return undefined;
  const record = state.record;
  const since =
    state.status === 'changes-requested' || state.status === 'stale' ? (record?.signed ?? record?.requested) : record?.requested;
  return since ? Math.max(0, daysBetween(since, today)) : undefined;
}

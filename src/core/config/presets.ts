import { RULES } from '../rules';
import type { PresetName, SeveritySetting } from './schema';
import type { Severity } from '../types/severity';

const STRICTER: Record<Severity, Severity> = { hint: 'info', info: 'warning', warning: 'error', error: 'error' };

/** A preset is a plain severity per rule, options left at their defaults. */
export const PRESETS: Record<PresetName, Record<string, SeveritySetting>> = {
  recommended: Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity])),
  strict: Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity === 'off' ? 'off' : STRICTER[rule.defaultSeverity]])),
};

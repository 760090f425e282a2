import { RULES } from '../rules';

/**
 * The patterns of the built-in rules' prefilters at their default options, anchors included, for
 * the patterns' growth test; a module of its own, so that loading the extension does not widen them.
 */
export const BUILTIN_PREFILTERS: Readonly<Record<string, readonly RegExp[]>> = Object.fromEntries(
  RULES.flatMap((rule) => (rule.prefilter ? [[rule.id, rule.prefilter(rule.options.parse({})).flatMap((group) => [...(group.anchor ? [group.anchor] : []), ...group.patterns])]] : [])),
);

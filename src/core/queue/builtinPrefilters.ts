import { RULES } from '../rules';

/**
 * The widened patterns of the built-in rules' prefilters at their default options, for the
 * patterns' growth test; a module of its own, so that loading the extension does not widen them.
 * Their anchors are left out: each is the rule's own anchor, a list of words, unchanged.
 */
export const BUILTIN_PREFILTERS: Readonly<Record<string, readonly RegExp[]>> = Object.fromEntries(
  RULES.flatMap((rule) => (rule.prefilter ? [[rule.id, rule.prefilter(rule.options.parse({})).flatMap((group) => group.patterns)]] : [])),
);

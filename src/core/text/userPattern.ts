import type { RE2JS } from 're2js';
import { z } from 'zod';

/** Longer patterns are refused: a pattern in a config file names a few words, not a grammar. */
export const MAX_PATTERN_LENGTH = 1000;

/** One match of a user's pattern: where it starts in the text searched, and what it matched. */
export interface UserMatch {
  index: number;
  text: string;
}

/**
 * A regular expression from the team's configuration, run by RE2 (the re2js port): its time is
 * linear in the text whatever the pattern, so that `(a+)+$` cannot hang a lint as it does
 * JavaScript's backtracking engine. RE2 has no look-around and no back-references; the
 * configuration refuses patterns that use them, with RE2's reason.
 */
export interface UserPattern {
  readonly source: string;
  test(text: string): boolean;
  matches(text: string): UserMatch[];
}

type Engine = typeof import('re2js');

let engine: Engine | undefined;

/** re2js is loaded the first time a configuration has a pattern: most never do. */
function re2(): Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at activation
  engine ??= require('re2js') as Engine;
  return engine;
}

/** Why RE2 cannot run the pattern, or `undefined` when it can. */
export function userPatternProblem(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH)
    return `Unexpected pattern of ${source.length} characters, expected at most ${MAX_PATTERN_LENGTH}.`;
  try {
    re2().RE2JS.compile(source);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return `Unexpected pattern /${source}/ (${reason}), expected a regular expression without look-around or back-references.`;
  }
}

/** A pattern that passed `userPatternProblem`; matched case-insensitively unless told otherwise. */
export function compileUserPattern(source: string, caseInsensitive = true): UserPattern {
  const { RE2JS: Engine } = re2();
  const compiled: RE2JS = Engine.compile(source, caseInsensitive ? Engine.CASE_INSENSITIVE : 0);
  return {
    source,
    test: (text) => compiled.matcher(text).find(),
    matches(text) {
      const found: UserMatch[] = [];
      const matcher = compiled.matcher(text);
      while (matcher.find()) found.push({ index: matcher.start(), text: matcher.group() ?? '' });
      return found;
    },
  };
}

/** A configuration option that holds a regular expression: checked when the configuration loads. */
export function userPatternOption(): z.ZodString {
  return z.string().superRefine((source, context) => {
    const problem = userPatternProblem(source);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }) as unknown as z.ZodString;
}

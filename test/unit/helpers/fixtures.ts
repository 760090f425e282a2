import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parseConfig, resolveConfig, type ResolvedConfig } from '../../../src/core';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');
export const RULE_FIXTURES = join(FIXTURES, 'rules');

/** Every Markdown file the repository's tests use: rule fixtures, the labelled workplace lessons, courses, the sample workspace. */
export function markdownFixtures(folder = FIXTURES): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFixtures(path);
    return /\.mdx?$/.test(entry.name) ? [path] : [];
  });
}

/** `<!-- expect: a, b -->` in Markdown, `# expect: a` in front matter: findings of those rules must start on that line. */
const EXPECT = /(?:<!--|#)\s*expect:\s*([\w\s,-]+?)\s*(?:-->|$)/;

export interface RuleFixture {
  ruleId: string;
  name: string;
  path: string;
  text: string;
}

export function ruleFixtures(): RuleFixture[] {
  return readdirSync(RULE_FIXTURES).flatMap((ruleId) =>
    readdirSync(join(RULE_FIXTURES, ruleId))
      .filter((name) => /\.mdx?$/.test(name))
      .map((name) => ({
        ruleId,
        name,
        path: join(RULE_FIXTURES, ruleId, name),
        text: readFileSync(join(RULE_FIXTURES, ruleId, name), 'utf8'),
      })),
  );
}

/** "line:ruleId" for each marker, 1-based lines. */
export function expectedFindings(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    const marker = EXPECT.exec(line);
    return marker
      ? marker[1]
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((id) => `${index + 1}:${id}`)
      : [];
  });
}

/** The text without its expectation markers, for doc pages. */
export function withoutMarkers(text: string): string {
  return text.replace(/[ \t]*(?:<!--\s*expect:[^>]*-->|#\s*expect:.*)$/gm, '');
}

/** The date every fixture is checked on, so that due dates in fixtures stay overdue (or not). */
export const FIXTURE_TODAY = '2026-11-28';

/**
 * Only the rule under test, at its default severity, plus the fixture folder's `config.json`; rules
 * that config names stay enabled too (review-required needs the claims rules that trigger it).
 */
export function configForRule(ruleId: string): ResolvedConfig {
  const extra = join(RULE_FIXTURES, ruleId, 'config.json');
  const text = existsSync(extra) ? readFileSync(extra, 'utf8') : undefined;
  const base =
    text !== undefined ? parseConfig(text, extra, FIXTURES) : { ok: true as const, config: resolveConfig(undefined, undefined, FIXTURES) };
  if (!base.ok) throw new Error(base.error.message);
  const enabled = base.config.rules.get(ruleId);
  if (!enabled) throw new Error(`${ruleId} is not enabled by default`);
  const named = Object.keys((text !== undefined ? (parseJsonc(text) as { rules?: object }).rules : undefined) ?? {});
  return { ...base.config, rules: new Map([...base.config.rules].filter(([id]) => id === ruleId || named.includes(id))) };
}

/** The recommended preset with every rule checking pages of any length, for short test lessons. */
export function everyPageConfig(): ResolvedConfig {
  const defaults = resolveConfig(undefined, undefined, '/');
  const rules = new Map(
    [...defaults.rules].map(([id, rule]) => {
      const options = rule.options as Record<string, unknown>;
      return [id, 'minWords' in options ? { ...rule, options: { ...options, minWords: 0 } } : rule];
    }),
  );
  return { ...defaults, rules };
}

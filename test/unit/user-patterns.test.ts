import assert from 'node:assert/strict';
import { lintText, parseConfig, type ResolvedConfig } from '../../src/core';
import { compileUserPattern, userPatternProblem } from '../../src/core/text/userPattern';
import { CATASTROPHIC_PATTERNS } from '../bad-inputs/catalogue';
import { growthRatio, lowestGrowth } from '../bad-inputs/growth';

/** Every option that holds regular expressions, as a config file sets it. */
const PATTERN_OPTIONS = [
  ['placeholder-text', 'patterns'],
  ['objectives-present', 'headings'],
  ['practice-present', 'headings'],
  ['summary-present', 'headings'],
  ['knowledge-check-present', 'headings'],
  ['hook-present', 'headings'],
  ['objectives-measurable', 'headings'],
  ['practice-feedback', 'solutionHeadings'],
] as const;

function configWith(rule: string, option: string, pattern: string) {
  const text = `{\n  "rules": {\n    "${rule}": ["warning", { "${option}": [${JSON.stringify(pattern)}] }]\n  }\n}\n`;
  return { text, result: parseConfig(text, '/course/.coursereview.json', '/course') };
}

function accepted(rule: string, option: string, pattern: string): ResolvedConfig {
  const { result } = configWith(rule, option, pattern);
  if (!result.ok) throw new Error(result.error.message);
  return result.config;
}

describe('patterns in the configuration', () => {
  for (const [rule, option] of PATTERN_OPTIONS) {
    it(`${rule}.${option}: an invalid pattern is a config error at the pattern, saying why`, () => {
      const { text, result } = configWith(rule, option, '(unclosed');
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.match(
        result.error.message,
        new RegExp(`"rules\\.${rule}\\.1\\.${option}\\.0": Unexpected pattern /\\(unclosed/ \\(missing closing \\)`),
      );
      assert.equal(text.slice(result.error.start, result.error.end), '"(unclosed"');
    });

    it(`${rule}.${option}: a look-around is refused, since RE2 cannot run it`, () => {
      const { result } = configWith(rule, option, 'Practice(?= time)');
      assert.match(result.ok ? '' : result.error.message, /invalid or unsupported Perl syntax/);
    });

    it(`${rule}.${option}: patterns that backtrack catastrophically are accepted and run in linear time`, () => {
      for (const pattern of CATASTROPHIC_PATTERNS) {
        const config = accepted(rule, option, pattern);
        const lesson = (size: number) => `# ${'a'.repeat(size)}!\n\n${'a'.repeat(size)}!\n`;
        // From 8,000 characters: below that, a whole lint's fixed costs (compiling, warming up) bend the curve on a busy machine.
        const growth = lowestGrowth(() => growthRatio(lesson, (text) => lintText(text, config), 8_000, 128_000), 3.5);
        assert.ok(growth.ratio < 3.5, `${pattern}: doubling multiplied the time by ${growth.ratio.toFixed(2)}`);
      }
    });
  }

  it('a user heading pattern still counts, case-insensitively', () => {
    const config = accepted('objectives-present', 'headings', '^what we aim for$');
    const ids = (text: string, with_: ResolvedConfig) => lintText(text, with_).findings.map((finding) => finding.ruleId);
    const lesson = `# Refunds\n\n## What We Aim For\n\n- Explain the refund policy\n\n${'Customers can ask for a refund within thirty days. '.repeat(40)}\n`;
    assert.ok(!ids(lesson, config).includes('objectives-present'));
    assert.ok(ids(lesson.replace('What We Aim For', 'Background'), config).includes('objectives-present'));
  });

  it('a user placeholder pattern finds its matches, case-sensitively, at their places', () => {
    const config = accepted('placeholder-text', 'patterns', 'XX-\\d+');
    const text = '# Refunds\n\nCall XX-42 for help, not xx-42.\n';
    const found = lintText(text, config).findings.filter((finding) => finding.ruleId === 'placeholder-text');
    assert.deepEqual(
      found.map((finding) => text.slice(finding.start, finding.end)),
      ['XX-42'],
    );
  });

  it('RE2 offsets count UTF-16 code units, as the lesson text does', () => {
    assert.deepEqual(compileUserPattern('b+').matches('😀 abB b'), [
      { index: 4, text: 'bB' },
      { index: 7, text: 'b' },
    ]);
    assert.equal(userPatternProblem('(a+)+$'), undefined);
    assert.match(userPatternProblem('x'.repeat(1001)) ?? '', /at most 1000/);
  });
});

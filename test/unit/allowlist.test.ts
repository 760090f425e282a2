import assert from 'node:assert/strict';
import { lintText, type ResolvedConfig } from '../../src/core';
import { configForRule, ruleFixtures } from './helpers/fixtures';

/** Rules that flag words and phrases: the team's `allow` list must silence each of them. */
const PHRASE_RULES = [
  'placeholder-text',
  'simpler-words',
  'hedge-words',
  'acronym-defined',
  'passive-voice',
  'inclusive-language',
  'claim-absolute',
  'claim-outcome-promise',
  'claim-uncited-statistic',
  'trademark-terms',
  'sensory-language',
  'link-text',
];

function allowing(config: ResolvedConfig, terms: string[]): ResolvedConfig {
  const lower = terms.map((term) => term.toLowerCase());
  return { ...config, settings: { ...config.settings, allowed: new Set(lower), acronyms: new Set(terms) } };
}

describe('the team allowlist applies to every phrase rule', () => {
  for (const ruleId of PHRASE_RULES) {
    it(ruleId, () => {
      const fixture = ruleFixtures().find((candidate) => candidate.ruleId === ruleId && candidate.name === 'bad.md');
      assert.ok(fixture, `${ruleId} has a bad example`);
      const config = configForRule(ruleId);
      assert.ok(lintText(fixture.text, config).findings.length > 0);
      // A rule that reports one finding per sentence shows the next phrase of a sentence once the first is allowed.
      const flagged: string[] = [];
      for (let round = 0; round < 4; round++) {
        const texts = lintText(fixture.text, allowing(config, flagged)).findings.map((finding) =>
          fixture.text.slice(finding.start, finding.end).replace(/\s+/g, ' '),
        );
        if (texts.length === 0) break;
        assert.ok(
          texts.every((text) => !flagged.includes(text)),
          `an allowed phrase is still flagged: ${JSON.stringify(texts)}`,
        );
        flagged.push(...texts);
      }
      assert.deepEqual(
        lintText(fixture.text, allowing(config, flagged)).findings.map((finding) => fixture.text.slice(finding.start, finding.end)),
        [],
        `allowing ${JSON.stringify(flagged)} should silence ${ruleId}`,
      );
    });
  }
});

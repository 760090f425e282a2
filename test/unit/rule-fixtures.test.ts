import assert from 'node:assert/strict';
import { applyEdits, lintText, RULES } from '../../src/core';
import { configForRule, expectedFindings, FIXTURE_TODAY, ruleFixtures } from './helpers/fixtures';

describe('rule fixtures', () => {
  const fixtures = ruleFixtures();

  it('every rule has a bad and a good example', () => {
    for (const rule of RULES) {
      const names = fixtures.filter((fixture) => fixture.ruleId === rule.id).map((fixture) => fixture.name);
      assert.ok(
        names.includes('bad.md') && names.includes('good.md'),
        `${rule.id} needs test/fixtures/rules/${rule.id}/bad.md and good.md`,
      );
    }
  });

  it('every fixture folder names a rule', () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    for (const fixture of fixtures) assert.ok(ids.has(fixture.ruleId), `test/fixtures/rules/${fixture.ruleId} names no rule`);
  });

  for (const fixture of fixtures) {
    describe(`${fixture.ruleId}/${fixture.name}`, () => {
      const config = configForRule(fixture.ruleId);
      // An .mdx fixture is read as MDX, as its file name tells the CLI and the editor.
      const page = fixture.name.endsWith('.mdx') ? { path: `lesson.mdx` } : undefined;
      const { findings } = lintText(fixture.text, config, { today: FIXTURE_TODAY, page });

      it('reports exactly the marked lines', () => {
        const actual = findings.map((finding) => `${finding.range.start.line + 1}:${finding.ruleId}`);
        assert.deepEqual(
          actual.sort(),
          expectedFindings(fixture.text).sort(),
          findings.map((finding) => `${finding.range.start.line + 1}: ${finding.message}`).join('\n'),
        );
      });

      if (fixture.name === 'bad.md') {
        it('says what was expected', () => {
          for (const finding of findings) assert.match(finding.message, /expected/i);
        });
      }

      it('offers fixes that apply cleanly and remove the finding', () => {
        for (const finding of findings) {
          for (const fix of [...(finding.fix ? [finding.fix] : []), ...(finding.suggestions ?? [])]) {
            const fixed = applyEdits(fixture.text, fix.edits);
            assert.notEqual(fixed, fixture.text, fix.title);
            if (fix === finding.fix) {
              // Two lines may have findings with the same message: the fix removes its own, one of them.
              const same = (other: { ruleId: string; message: string }) =>
                other.ruleId === finding.ruleId && other.message === finding.message;
              const after = lintText(fixed, config, { today: FIXTURE_TODAY, page }).findings.filter(same);
              assert.equal(after.length, findings.filter(same).length - 1, `${fix.title} should remove: ${finding.message}`);
            }
          }
        }
      });
    });
  }
});

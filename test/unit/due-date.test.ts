import assert from 'node:assert/strict';
import { dueDateProblem, exampleDue, suggestedDue } from '../../src/core';

describe('due dates in the Request Review prompt', () => {
  const today = '2026-12-02';

  it("suggests today + the role's dueInDays, and a week ahead as the example when the role has none", () => {
    assert.equal(suggestedDue(today, 7), '2026-12-09');
    assert.equal(suggestedDue(today, undefined), undefined);
    assert.equal(exampleDue(today, 5), '2026-12-07');
    assert.equal(exampleDue(today, undefined), '2026-12-09');
  });

  it('accepts the example it gives, and every message names a date it would accept', () => {
    for (const dueInDays of [0, 1, 5, 7, undefined]) {
      const example = exampleDue(today, dueInDays);
      assert.equal(dueDateProblem(example, today, example), undefined);
      for (const typed of ['soon', '2026-13-01', '2026-12-01', '2025-01-01']) {
        const problem = dueDateProblem(typed, today, example);
        assert.ok(problem?.endsWith(`e.g. ${example}.`), String(problem));
        const named = /e\.g\. (\d{4}-\d{2}-\d{2})\.$/.exec(problem ?? '')?.[1];
        assert.equal(dueDateProblem(named!, today, example), undefined, `${named} is accepted`);
      }
    }
  });

  it('takes an empty answer as no due date, and today as a valid one', () => {
    assert.equal(dueDateProblem('  ', today, '2026-12-09'), undefined);
    assert.equal(dueDateProblem(today, today, '2026-12-09'), undefined);
    assert.equal(dueDateProblem('2026-12-01', today, '2026-12-09'), 'Expected today (2026-12-02) or later, e.g. 2026-12-09.');
  });
});

describe('due dates near the end of the calendar', () => {
  it('suggests nothing past 9999-12-31, and gives today as the example there', () => {
    assert.equal(suggestedDue('9999-12-30', 7), undefined);
    assert.equal(exampleDue('9999-12-30', 7), '9999-12-30');
    assert.equal(dueDateProblem('9999-12-31', '9999-12-30', '9999-12-30'), undefined);
  });
});

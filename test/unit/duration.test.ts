import assert from 'node:assert/strict';
import { parseDuration } from '../../src/core';

describe('parseDuration', () => {
  const cases: Array<[unknown, number | undefined]> = [
    [20, 20],
    ['20', 20],
    ['20 min', 20],
    ['20 minutes', 20],
    ['1h 30m', 90],
    ['1 hour and 30 minutes', 90],
    ['1.5 hours', 90],
    ['PT20M', 20],
    ['PT1H30M', 90],
    ['1:30', 90],
    ['about 45 minutes', 45],
    ['20-30 min', 30],
    ['half an hour', 30],
    ['two hours', 120],
    ['90s', 1.5],
    ['TBD', undefined],
    ['20 min reading', undefined],
    ['PT', undefined],
    ['', undefined],
    [null, undefined],
    [-5, undefined],
    [{ minutes: 5 }, undefined],
  ];
  for (const [input, minutes] of cases) {
    it(`${JSON.stringify(input)} is ${minutes === undefined ? 'not a duration' : `${minutes} min`}`, () =>
      assert.equal(parseDuration(input), minutes));
  }
});

import assert from 'node:assert/strict';
import { anyOf, oneLine } from '../../src/core/text/pattern';

describe('oneLine and anyOf', () => {
  const ANIMAL = 'cats?';
  const cases: Array<[string, string, string]> = [
    ['one line as written', oneLine`a\s+b|c`, String.raw`a\s+b|c`],
    [
      'line breaks and indentation dropped',
      oneLine`
      dogs?|birds?|
      fish`,
      'dogs?|birds?|fish',
    ],
    ['spaces inside a line kept', oneLine`in summary|to sum up`, 'in summary|to sum up'],
    [
      'substitutions kept as they are',
      oneLine`(?:${ANIMAL}|
      dogs?)\b`,
      String.raw`(?:cats?|dogs?)\b`,
    ],
    [
      'anyOf wraps a group',
      anyOf`
      a|
      b`,
      '(?:a|b)',
    ],
  ];
  for (const [name, actual, expected] of cases) it(name, () => assert.equal(actual, expected));
});

import assert from 'node:assert/strict';
import { printable } from '../../src/cli/printable';

describe('cli printable', () => {
  const cases: Array<[string, string, string]> = [
    ['plain text', 'Priya Patel <priya@example.com>', 'Priya Patel <priya@example.com>'],
    ['accents, emoji and CJK', 'Zoë 🎓 学習', 'Zoë 🎓 学習'],
    ['an OSC title and a screen clear', '\u001b]0;pwned\u0007\u001b[2J', '\\u001b]0;pwned\\u0007\\u001b[2J'],
    ['tabs and line breaks, as spaces', 'a\tb\nc\r\nd\re', 'a b c d e'],
    ['NUL, backspace, DEL and a C1 CSI', 'a\u0000b\u0008c\u007fd\u009be', 'a\\u0000b\\u0008c\\u007fd\\u009be'],
    ['bidirectional overrides', 'abc\u202edcba\u2066x\u2069', 'abc\\u202edcba\\u2066x\\u2069'],
    ['a backslash stays as it is', 'C:\\course', 'C:\\course'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(printable(input), expected));
  }
});

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { growthRatio, MEASURABLE_MS, type Growth } from '../bad-inputs/growth';

const CORE = join(__dirname, '..', '..', 'src', 'core');
const MAX_RATIO = 6;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

/** Every regular expression the core's modules export, alone, in arrays, or in objects such as vocabularies. */
function exportedPatterns(): Array<{ name: string; pattern: RegExp }> {
  const found = new Map<RegExp, string>();
  const collect = (value: unknown, name: string, depth: number) => {
    if (value instanceof RegExp) {
      if (!found.has(value)) found.set(value, name);
    } else if (Array.isArray(value) && depth < 3) value.forEach((item, index) => collect(item, `${name}[${index}]`, depth + 1));
    else if (value && typeof value === 'object' && depth < 3 && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, item] of Object.entries(value)) collect(item, `${name}.${key}`, depth + 1);
    }
  };
  for (const file of sourceFiles(CORE)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every core module, found at run time
    const module = require(file) as Record<string, unknown>;
    for (const [key, value] of Object.entries(module)) collect(value, `${relative(CORE, file)}:${key}`, 0);
  }
  return [...found].map(([pattern, name]) => ({ name, pattern }));
}

/**
 * Inputs that make backtracking engines slow: long runs of one character class, of words, and of
 * the words and punctuation a pattern itself names.
 */
function adversarialUnits(pattern: RegExp): string[] {
  const generic = [
    'a',
    'A',
    ' ',
    'a ',
    'ab ',
    '1',
    '1,',
    '1 ',
    '.',
    '. ',
    '-',
    'a-',
    "'",
    '(',
    '[',
    ']',
    '<',
    '{',
    '%',
    '*',
    '_',
    '\n',
    ' \n',
    'é',
    '2019 ',
    'http://',
    'www.',
    '<!--',
    '|',
  ];
  const words = [...new Set(pattern.source.match(/[a-z]{3,}/gi) ?? [])].slice(0, 40);
  return [...generic, ...words.map((word) => `${word} `), ...words.map((word) => word)];
}

/** Tries again only while the ratio is over the limit: a quadratic pattern stays over it every time, a busy machine does not. */
function lowestOfFive(measure: () => Growth): Growth {
  let lowest = measure();
  for (let attempt = 1; attempt < 5 && lowest.ratio >= MAX_RATIO; attempt++) {
    const next = measure();
    if (next.ratio < lowest.ratio) lowest = next;
  }
  return lowest;
}

function runAll(pattern: RegExp, text: string) {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let match = global.exec(text); match; match = global.exec(text)) if (match[0] === '') global.lastIndex++;
}

describe('built-in patterns', function () {
  this.timeout(600_000);
  const patterns = exportedPatterns();

  it('finds the exported patterns (self-test)', () => {
    assert.ok(patterns.length > 15, `${patterns.length} patterns`);
    assert.ok(patterns.some(({ name }) => name.includes('OBJECTIVES_LEAD_IN')));
  });

  // One test per pattern: together they take minutes, and a slow machine must not fail them on mocha's clock.
  for (const { name, pattern } of patterns) {
    it(`${name} runs in near-linear time on adversarial text of growing size`, () => {
      const slow: string[] = [];
      for (const unit of adversarialUnits(pattern)) {
        const text = (size: number) => unit.repeat(Math.ceil(size / unit.length));
        // Four times the text: linear time grows four times, quadratic up to sixteen. Noise only adds time, so the lowest of five tries
        // counts.
        const growth = lowestOfFive(() => growthRatio(text, (input) => runAll(pattern, input), 1_000, 128_000, 4));
        // Under a measurable time at four times the largest size, a backtracking pattern would have shown itself: any ratio is noise.
        if (growth.ratio >= MAX_RATIO && growth.largeMs >= MEASURABLE_MS)
          slow.push(`on ${JSON.stringify(unit)} repeated: ×${growth.ratio.toFixed(1)} when grown fourfold from ${growth.size}`);
      }
      assert.deepEqual(slow, []);
    });
  }
});

/**
 * `npx tsx bench/long-paragraphs.ts [--limit RATIO]`: the prose of every rule fixture
 * (test/fixtures/rules, whose lessons hold the words each rule looks for), headings, code and markup
 * left out, joined into one paragraph and repeated to 100 KB and to 400 KB. A rule that reads the
 * whole paragraph at each word it looks at is quadratic, and shows here though the catalogue's
 * inputs never use its words. Prints the fixtures whose time grows most, and fails when one grows
 * past `--limit` (linear is 4; quadratic 16).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lintText, resolveConfig } from '../src/core';
import { growthRatio, lowestGrowth } from '../test/bad-inputs/growth';

const FIXTURES = join(__dirname, '..', 'test', 'fixtures', 'rules');
const MARKUP_LINE = /^\s*(?:#|```|\||<|:::|>|\{)/;
const LIST_MARKER = /^\s*(?:[-*+]|\d+\.)\s+/;

function lessons(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return lessons(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

function oneParagraph(text: string): string {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  return body
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !MARKUP_LINE.test(line))
    .map((line) => line.replace(LIST_MARKER, ''))
    .join(' ');
}

function main() {
  const { values } = parseArgs({ options: { limit: { type: 'string', default: '6.5' } } });
  const limit = Number(values.limit);
  const config = resolveConfig(undefined, undefined, '/');
  const lint = (lesson: string) => lintText(lesson, config, { today: '2026-11-28' });
  const results: Array<{ file: string; ratio: number }> = [];
  for (const file of lessons(FIXTURES)) {
    const prose = oneParagraph(readFileSync(file, 'utf8'));
    if (prose.length < 200) continue;
    const make = (size: number) => `# A lesson\n\n${prose.repeat(Math.ceil(size / prose.length)).slice(0, size)}`;
    const growth = lowestGrowth(() => growthRatio(make, lint, 100_000, 400_000, 4), limit);
    results.push({ file: file.slice(FIXTURES.length + 1), ratio: growth.ratio });
  }
  results.sort((a, b) => b.ratio - a.ratio);
  console.log(`${results.length} fixtures as one paragraph, 100 KB to 400 KB; time multiplied by (linear: 4):\n`);
  console.log('| fixture | ratio |\n| --- | ---: |');
  for (const { file, ratio } of results.slice(0, 10)) console.log(`| ${file} | ${ratio.toFixed(2)} |`);
  const over = results.filter((result) => result.ratio >= limit);
  console.log(
    over.length === 0
      ? `\nEvery fixture under ${limit}.`
      : `\n${over.length} fixture(s) at ${limit} or more: ${over.map((result) => result.file).join(', ')}`,
  );
  process.exitCode = over.length === 0 ? 0 : 1;
}

main();

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * micromark 4.0.3 copies every event of the document each time a blockquote or a list item closes,
 * which makes a lesson of many of them quadratic to parse (40 KB of blockquotes took 15 s).
 * patches/micromark+4.0.3.patch moves only the events after the closed flow; these inputs would
 * grow sixteenfold in time for fourfold in size without it.
 */
const GROWTH = 4;
const MAX_RATIO = 8;

function growthInPlainNode(unit: string, size: number, factor: number): number {
  const output = execFileSync(
    process.execPath,
    [join(__dirname, '../bad-inputs/parse-growth.mjs'), JSON.stringify(unit), String(size), String(factor)],
    { encoding: 'utf8' },
  );
  return (JSON.parse(output) as { ratio: number }).ratio;
}

describe('the Markdown parser, as patched', function () {
  this.timeout(120_000);
  const inputs: Array<[string, string]> = [
    ['blockquotes between paragraphs', '> A quote.\n\nText.\n\n'],
    ['list items between paragraphs', '- An item\n\nText.\n\n'],
    ['blockquotes with a lazy line', '> A quote\ncontinued.\n\n'],
    ['blockquotes, one after another', '> A quote.\n\n'],
  ];
  for (const [name, unit] of inputs) {
    it(`parses ${name} in time linear in their number`, () => {
      // The lowest of up to three tries: other work on the machine can inflate one, never all three.
      let ratio = Infinity;
      for (let attempt = 0; attempt < 3 && ratio >= MAX_RATIO; attempt++) ratio = Math.min(ratio, growthInPlainNode(unit, 8_000, GROWTH));
      assert.ok(ratio < MAX_RATIO, `growing 8,000 characters fourfold multiplied the time by ${ratio.toFixed(2)}`);
    });
  }

  it('builds the same tree as before the patch', () => {
    const tree = fromMarkdown('> a\nlazy\n\n- b\n\n  c\n\nd\n\n> e\n> - f\n\ng\n');
    assert.deepEqual(
      tree.children.map((node) => [node.type, node.position?.start.line, node.position?.end.line]),
      [
        ['blockquote', 1, 2],
        ['list', 4, 6],
        ['paragraph', 8, 8],
        ['blockquote', 10, 11],
        ['paragraph', 13, 13],
      ],
    );
  });
});

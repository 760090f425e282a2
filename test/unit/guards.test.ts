import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';
import { lintText, parseLesson, resolveConfig } from '../../src/core';
import { MAX_DELIMITERS, MAX_NESTING, uncheckedBlocks } from '../../src/core/document/guard';
import { consumeFromFirstEdit, upstreamConsume } from '../../src/core/document/linearEditMap';
import { preOrder } from '../../src/core/document/walk';
import { jsonTooDeep, MAX_DATA_NESTING, yamlTooDeep } from '../../src/core/text/nesting';
import { ruleFixtures } from './helpers/fixtures';

const config = resolveConfig(undefined, undefined, '/');
const LESSON = '# Refunds\n\nCustomers can ask for a refund within thirty days.\n\n- Explain the policy\n- Log the call\n';

describe('guards against inputs that would hang the parser', () => {
  describe('nesting in data (front matter, .coursereview.json)', () => {
    it('finds JSON nested one level too deep, skipping brackets in strings and comments', () => {
      assert.equal(jsonTooDeep('['.repeat(MAX_DATA_NESTING)), undefined);
      // The object is the first level, so the 100th `[` is one too many.
      assert.deepEqual(jsonTooDeep(`{"a": ${'['.repeat(MAX_DATA_NESTING)}`), { offset: 6 + MAX_DATA_NESTING - 1, limit: MAX_DATA_NESTING });
      assert.equal(jsonTooDeep(`{"a": "${'['.repeat(500)}", /* ${'{'.repeat(500)} */ // ${'['.repeat(500)}\n"b": 1}`), undefined);
    });

    it('counts YAML levels of flow collections, indentation and sequences on one line', () => {
      assert.ok(yamlTooDeep(`a: ${'['.repeat(MAX_DATA_NESTING)}`));
      assert.ok(yamlTooDeep(`a:\n  ${'- '.repeat(MAX_DATA_NESTING)}x`));
      assert.ok(yamlTooDeep(Array.from({ length: MAX_DATA_NESTING + 1 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n')));
      assert.equal(
        yamlTooDeep('title: Loops\nobjectives:\n  - Write a loop\n  - Read a loop\nreview:\n  sme:\n    status: approved\n'),
        undefined,
      );
    });

    it('does not count brackets in quotes, comments or block scalars', () => {
      const brackets = '['.repeat(300);
      assert.equal(
        yamlTooDeep(`a: "${brackets}"\nb: '${brackets}'\n# ${brackets}\nc: |\n  ${brackets}\n      ${'- '.repeat(300)}\nd: 1\n`),
        undefined,
      );
    });
  });

  describe('Markdown blocks left out of the parse', () => {
    it('leaves out a run of lines nested too deep, and only that run', () => {
      const deep = `${'> '.repeat(MAX_NESTING + 1)}quoted`;
      const text = `${LESSON}\n${deep}\n\n${LESSON}`;
      const [block, ...others] = uncheckedBlocks(text, 0);
      assert.deepEqual(others, []);
      assert.equal(text.slice(block.start, block.end), deep);
      assert.deepEqual(block.reason, { kind: 'nesting', depth: MAX_NESTING + 1, limit: MAX_NESTING });
    });

    it('leaves out a paragraph of too many delimiters, but not a code block of them', () => {
      const stars = '*_'.repeat(MAX_DELIMITERS);
      assert.equal(uncheckedBlocks(`${LESSON}\n${stars}\n`, 0).length, 1);
      assert.deepEqual(uncheckedBlocks(`${LESSON}\n\`\`\`\n${stars}\n\`\`\`\n`, 0), []);
      assert.deepEqual(uncheckedBlocks(`${LESSON}\n> \`\`\`\n> ${stars}\n> \`\`\`\n`, 0), []);
      assert.deepEqual(uncheckedBlocks(`${LESSON}\n- \`\`\`\n  ${stars}\n  \`\`\`\n`, 0), []);
    });

    it('ends a code block where its list item or quote ends, so that a stray fence hides nothing', () => {
      const stars = '*_'.repeat(MAX_DELIMITERS);
      assert.equal(uncheckedBlocks(`- \`\`\`\n  code\nparagraph\n${stars}\n`, 0).length, 1);
      assert.equal(uncheckedBlocks(`> \`\`\`\n> code\n${stars}\n`, 0).length, 1);
    });

    it('leaves nothing out of any rule fixture', () => {
      for (const fixture of ruleFixtures()) assert.deepEqual(uncheckedBlocks(fixture.text, 0), [], `${fixture.ruleId}/${fixture.name}`);
    });

    it('says in one info finding which lines were not checked and why, and checks the rest', () => {
      const deep = `${'- '.repeat(4000)}item`;
      const text = `# Refunds\n\nTODO write the intro.\n\n${deep}\n\nMore TODO here.\n`;
      const { findings, doc } = lintText(text, config);
      const skipped = findings.filter((finding) => finding.ruleId === 'lesson-skipped');
      assert.equal(skipped.length, 1);
      assert.equal(skipped[0].severity, 'info');
      assert.match(skipped[0].message, /line 5 \(lists or quotes nested 4,000 deep, at most 32 are read\) were not checked/);
      assert.equal(skipped[0].range.start.line, 4);
      assert.deepEqual(
        findings.filter((finding) => finding.ruleId === 'placeholder-text').map((finding) => finding.range.start.line),
        [2, 6],
      );
      assert.equal(doc.tree.children.at(-1)?.position?.start.line, 7, 'positions after the left-out block are those of the lesson');
    });

    it('maps every node after a left-out block back to its own text (property)', () => {
      const deep = `${'> '.repeat(MAX_NESTING + 1)}x`;
      fc.assert(
        fc.property(fc.constantFrom(...ruleFixtures().map((fixture) => fixture.text)), fc.nat(), (lesson, at) => {
          const lines = lesson.split('\n');
          const bodyStart = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
          const line = bodyStart + (at % (lines.length - bodyStart + 1));
          const text = [...lines.slice(0, line), '', deep, '', ...lines.slice(line)].join('\n');
          const doc = parseLesson(text);
          // Inside a code block the line is code, not Markdown, and nothing is left out.
          assert.ok(doc.unchecked.length <= 1);
          for (const node of preOrder(doc.tree as Nodes)) {
            if (node.type !== 'text' || !node.position) continue;
            const source = text.slice(node.position.start.offset, node.position.end.offset);
            assert.ok(source.includes(node.value.split('\n')[0]), `${JSON.stringify(node.value)} at ${JSON.stringify(source)}`);
          }
        }),
        { numRuns: 100 },
      );
    });
  });

  describe("micromark's EditMap, applied from the first edit on", () => {
    it('gives the events that the upstream consume gives (property)', () => {
      const edit = fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 5 }), fc.array(fc.integer({ min: 100, max: 199 }), { maxLength: 4 }));
      fc.assert(
        fc.property(fc.nat({ max: 40 }), fc.array(edit, { maxLength: 6 }), (length, edits) => {
          const apply = (consume: (this: EditMap, events: Event[]) => undefined) => {
            const events = Array.from({ length }, (_, index) => index as unknown as Event);
            const map = new EditMap();
            // micromark edits events that exist, or adds at the end.
            for (const [at, remove, add] of edits) map.add(at % (length + 1), remove, [...add] as unknown as Event[]);
            consume.call(map, events);
            return events;
          };
          assert.deepEqual(apply(consumeFromFirstEdit), apply(upstreamConsume));
        }),
        { numRuns: 2000 },
      );
    });

    it('is the one micromark uses', () => {
      assert.equal(EditMap.prototype.consume, consumeFromFirstEdit);
    });
  });
});

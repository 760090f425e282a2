import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { LessonSession, lintText, parseLesson, resolveConfig } from '../../src/core';
import { ruleFixtures } from './helpers/fixtures';

/** Node types and positions, the shape every rule reads. */
function shape(node: Nodes): unknown {
  const { type, position } = node;
  const children = 'children' in node ? (node.children as Nodes[]).map(shape) : undefined;
  const value = 'value' in node ? node.value : undefined;
  return { type, start: position?.start, end: position?.end, value, children };
}

const lessons = ruleFixtures().map((fixture) => fixture.text);
const longLesson = lessons.join('\n\n');
const snippets = ['\n', '\n\n', '```', '\n```\n', ':::', '::: challenge\n', '> ', '- ', '# ', '[x]: /y', '[^1]', '|a|b|\n|-|-|\n', '---\n', '<details>', 'word', ' ', '`', '*', '\r\n', '{: .challenge}\n'];

describe('incremental parsing', () => {
  it('re-parses after an edit to the same tree a full parse gives (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...lessons, longLesson), fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...snippets), (text, at, removed, inserted) => {
        const position = at % (text.length + 1);
        const edited = text.slice(0, position) + inserted + text.slice(Math.min(text.length, position + removed));
        const previous = parseLesson(text);
        assert.deepEqual(shape(parseLesson(edited, {}, previous).tree), shape(parseLesson(edited).tree));
      }),
      { numRuns: 400 },
    );
  });

  it('a session gives the same findings as a fresh lint, version after version', function () {
    this.timeout(60000);
    const config = resolveConfig(undefined, undefined, '/');
    const session = new LessonSession(config);
    let text = longLesson;
    for (let step = 0; step < 30; step++) {
      const at = (step * 7919) % text.length;
      text = step % 3 === 2 ? text.slice(0, at) + text.slice(at + 5) : `${text.slice(0, at)}${snippets[step % snippets.length]}${text.slice(at)}`;
      const strip = (findings: ReturnType<typeof lintText>['findings']) => findings.map(({ ruleId, start, end, message }) => ({ ruleId, start, end, message }));
      assert.deepEqual(strip(session.lint(text).findings), strip(lintText(text, config).findings), `after edit ${step}`);
    }
  });

  it('reuses the blocks away from an edit instead of parsing them again', () => {
    const text = `# Title\n\n${Array.from({ length: 50 }, (_, i) => `Paragraph ${i} of the lesson.`).join('\n\n')}\n`;
    const previous = parseLesson(text);
    const edited = text.replace('Paragraph 25 of', 'Paragraph 25 (edited) of');
    const next = parseLesson(edited, {}, previous);
    assert.equal(next.tree.children[5], previous.tree.children[5], 'a block before the edit is reused as it is');
    assert.notEqual(next.tree.children[40], previous.tree.children[40], 'a block after the edit is a shifted copy');
    assert.deepEqual(shape(next.tree.children[40]), shape(parseLesson(edited).tree.children[40]));
    assert.equal(next.tree.children.length, previous.tree.children.length);
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { locateFrontMatter } from '../../src/core/document/frontMatter';
import { remarkLessonGfm } from '../../src/core/document/gfm';
import { LessonSession, lintText, parseLesson, resolveConfig, type Finding, type LessonDocument } from '../../src/core';
import { ruleFixtures } from './helpers/fixtures';

/** Node types and positions, the shape every rule reads. */
function shape(node: Nodes): unknown {
  const { type, position } = node;
  const children = 'children' in node ? (node.children as Nodes[]).map(shape) : undefined;
  const value = 'value' in node ? node.value : undefined;
  return { type, start: position?.start, end: position?.end, value, children };
}

/** What rules read besides the tree: prose (with its mapping to the source), code, comments, headings, containers. */
function model(doc: LessonDocument): unknown {
  const prose = doc.prose.map((block) => ({
    kind: block.kind,
    text: block.text,
    start: block.start,
    end: block.end,
    sources: Array.from({ length: block.text.length + 1 }, (_, offset) => block.toSource(offset)),
  }));
  const { nonProse, codeBlocks, comments, headings, containers, frontMatter, unclosedFrontMatter, body } = doc;
  return {
    prose,
    nonProse,
    codeBlocks,
    comments,
    headings,
    containers,
    frontMatter: frontMatter?.range,
    data: frontMatter?.data,
    unclosedFrontMatter,
    body,
  };
}

const lessons = ruleFixtures().map((fixture) => fixture.text);
/** Without link or footnote definitions, which make every edit parse the whole lesson again. */
const longLesson = lessons.filter((text) => !/^ {0,3}\[[^\]\n]+\]:/m.test(text)).join('\n\n');
const snippets = [
  '\n',
  '\n\n',
  '```',
  '\n```\n',
  ':::',
  '::: challenge\n',
  '> ',
  '- ',
  '# ',
  '[x]: /y',
  '[^1]',
  '|a|b|\n|-|-|\n',
  '---\n',
  '<details>',
  'word',
  ' ',
  '`',
  '*',
  '\r\n',
  '{: .challenge}\n',
];

describe('incremental parsing', () => {
  it('re-parses after an edit to the same tree a full parse gives (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...lessons, longLesson),
        fc.nat(),
        fc.nat({ max: 12 }),
        fc.constantFrom(...snippets),
        (text, at, removed, inserted) => {
          const position = at % (text.length + 1);
          const edited = text.slice(0, position) + inserted + text.slice(Math.min(text.length, position + removed));
          const previous = parseLesson(text);
          const incremental = parseLesson(edited, {}, previous);
          const full = parseLesson(edited);
          assert.deepEqual(shape(incremental.tree), shape(full.tree));
          assert.deepEqual(model(incremental), model(full));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('re-parses to what a full parse gives when a block is left out of the parse, before or after the edit (property)', () => {
    const guarded = [
      `${'> '.repeat(40)}deep quote\n`,
      `${'*_'.repeat(1200)}\n`,
      `${'- '.repeat(40)}deep list\n`,
      '```\n' + '*_'.repeat(1200) + '\n```\n',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...lessons, longLesson),
        fc.constantFrom(...guarded),
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 12 }),
        fc.constantFrom(...snippets, ...guarded),
        (text, block, blockAt, at, removed, inserted) => {
          const paragraphs = text.split('\n\n');
          const where = 1 + (blockAt % paragraphs.length);
          const lesson = [...paragraphs.slice(0, where), block, ...paragraphs.slice(where)].join('\n\n');
          const position = at % (lesson.length + 1);
          const edited = lesson.slice(0, position) + inserted + lesson.slice(Math.min(lesson.length, position + removed));
          const incremental = parseLesson(edited, {}, parseLesson(lesson));
          const full = parseLesson(edited);
          assert.deepEqual(shape(incremental.tree), shape(full.tree));
          assert.deepEqual(model(incremental), model(full));
          assert.deepEqual(incremental.unchecked, full.unchecked);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a session gives the same findings as a fresh lint, version after version', function () {
    this.timeout(60000);
    const config = resolveConfig(undefined, undefined, '/');
    const session = new LessonSession(config);
    let text = longLesson;
    for (let step = 0; step < 30; step++) {
      const at = (step * 7919) % text.length;
      text =
        step % 3 === 2
          ? text.slice(0, at) + text.slice(at + 5)
          : `${text.slice(0, at)}${snippets[step % snippets.length]}${text.slice(at)}`;
      const strip = (findings: ReturnType<typeof lintText>['findings']) =>
        findings.map(({ ruleId, start, end, message }) => ({ ruleId, start, end, message }));
      assert.deepEqual(strip(session.lint(text).findings), strip(lintText(text, config).findings), `after edit ${step}`);
    }
  });

  it('a session gives the same findings as a fresh lint after any series of edits (property)', function () {
    this.timeout(120000);
    const config = resolveConfig(undefined, undefined, '/');
    const strip = (findings: readonly Finding[]) =>
      findings.map(({ ruleId, start, end, message, range, fix, suggestions }) => ({
        ruleId,
        start,
        end,
        message,
        range,
        fix,
        suggestions,
      }));
    const edit = fc.record({
      at: fc.nat(),
      removed: fc.nat({ max: 40 }),
      inserted: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 6 })),
    });
    fc.assert(
      fc.property(fc.constantFrom(...lessons, longLesson), fc.array(edit, { minLength: 1, maxLength: 6 }), (lesson, edits) => {
        const session = new LessonSession(config);
        session.lint(lesson);
        let text = lesson;
        for (const { at, removed, inserted } of edits) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + inserted + text.slice(Math.min(text.length, position + removed));
          assert.deepEqual(strip(session.lint(text).findings), strip(lintText(text, config).findings));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('parses a lesson that opens with `---` but no front matter in full, since that `---` changes how later blocks read', () => {
    const text = '---\n--\n\nSome prose.\n\n- a list item\n';
    const edited = text.slice(2);
    assert.deepEqual(shape(parseLesson(edited, {}, parseLesson(text)).tree), shape(parseLesson(edited).tree));
    assert.deepEqual(shape(parseLesson(text, {}, parseLesson(edited)).tree), shape(parseLesson(text).tree));
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

describe('parsing with only the GFM constructs a lesson can hold', () => {
  const everyConstruct = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkLessonGfm);
  // A lesson that opens with a thematic break and prose has no front matter: parse it as remark would without one.
  const withoutFrontMatter = unified().use(remarkParse).use(remarkLessonGfm);
  const reference = (text: string) => (locateFrontMatter(text).kind === 'yaml' ? everyConstruct : withoutFrontMatter).parse(text);
  const gfm = [
    '|a|b|\n|-|-|\n|1|2|\n',
    'a | b\n--|--\n',
    '~~gone~~',
    '~one~',
    '[^1]',
    '\n[^1]: A note.\n',
    '- [ ] todo\n',
    '* [x] done\n',
    '|',
    '~',
    '[x]',
  ];

  it('gives the tree that every construct gives (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...lessons), fc.nat(), fc.constantFrom(...gfm, ...snippets), (text, at, inserted) => {
        const position = at % (text.length + 1);
        const edited = text.slice(0, position) + inserted + text.slice(position);
        assert.deepEqual(shape(parseLesson(edited).tree), shape(reference(edited)));
      }),
      { numRuns: 300 },
    );
  });
});

import assert from 'node:assert/strict';
import { lintText, resolveConfig } from '../../src/core';
import { mdxBlocks } from '../../src/core/dialects/mdx';
import { parseLesson } from '../../src/core/document/parse';
import { growthRatio, lowestGrowth } from '../bad-inputs/growth';

const config = resolveConfig(undefined, undefined, '/');

/** The source text of each block, with its kind and name. */
function blocksOf(text: string): string[] {
  return mdxBlocks(text).map((block) => `${block.kind}${block.name ? ` ${block.name}` : ''}: ${text.slice(block.start, block.end)}`);
}

const LONG_EXPLANATION = Array.from(
  { length: 12 },
  (_, index) => `Sentence ${index + 1} explains why this answer is right in plain words for the learner.`,
).join(' ');

const QUIZ_PAGE = `# Quiz

import Question from '../components/Question';
export const meta = { unit: 1 };

Answer the questions below to check what you learned about rewards and states in this unit.

<Question
  choices={[
    {
      text: "The agent's state",
      explain: "${LONG_EXPLANATION}",
      correct: true
    },
  ]}
/>

<Tip>
The environment gives a reward after each action.
</Tip>

{/* The next question is new: it's reviewed in December. */}

\`\`\`jsx
<Question
  choices={[]}
/>
\`\`\`
`;

describe('the MDX dialect', () => {
  it("finds imports and exports, components' tags (over many lines too) and expressions, outside fenced code", () => {
    assert.deepEqual(blocksOf(QUIZ_PAGE), [
      "esm: import Question from '../components/Question';\nexport const meta = { unit: 1 };",
      `jsx Question: ${QUIZ_PAGE.slice(QUIZ_PAGE.indexOf('<Question'), QUIZ_PAGE.indexOf('/>') + 2)}`,
      'jsx Tip: <Tip>',
      'jsx Tip: </Tip>',
      "expression: {/* The next question is new: it's reviewed in December. */}",
    ]);
  });

  it('takes "import" at the start of a wrapped line for a word, and a tag followed by text for inline', () => {
    assert.deepEqual(blocksOf('To use pandas you\nimport it first, then read the file.\n\n<Kbd>Ctrl</Kbd> saves the file.\n'), []);
  });

  it('leaves a tag that never closes to the Markdown, and scans each line at most once', () => {
    const unclosed = `<Question choices={[\n${'  "an open quote and a { brace\n'.repeat(2000)}`;
    assert.deepEqual(mdxBlocks(unclosed), []);
    const growth = lowestGrowth(
      () =>
        growthRatio(
          (lines) => `<A b={\n`.repeat(lines),
          (text) => mdxBlocks(text),
          2_000,
          256_000,
        ),
      3,
    );
    assert.ok(growth.ratio < 3, `doubling ${growth.size} lines of unclosed tags multiplied the time by ${growth.ratio.toFixed(2)}`);
  });

  it('keeps CRLF line ends out of a block, so the cut leaves an empty line', () => {
    const text = '<Tip>\r\nRead this first.\r\n</Tip>\r\n';
    assert.deepEqual(
      mdxBlocks(text).map((block) => text.slice(block.start, block.end)),
      ['<Tip>\r', '</Tip>\r'],
    );
  });

  it("parses an .mdx page without its MDX syntax: the component's text is not prose, the Markdown inside a component is", () => {
    const doc = parseLesson(QUIZ_PAGE, { dialect: 'mdx' });
    const prose = doc.prose.map((block) => block.text);
    assert.ok(prose.includes('The environment gives a reward after each action.'), prose.join(' | '));
    assert.ok(!prose.some((text) => /explains why|import Question|choices|December/.test(text)), prose.join(' | '));
    assert.equal(doc.mdx.length, 5);
    const markdown = parseLesson(QUIZ_PAGE, { dialect: 'markdown' });
    assert.ok(
      markdown.prose.some((block) => /explains why/.test(block.text)),
      'the same page read as Markdown takes the component for a paragraph',
    );
  });

  it("lints a page by its file name: no paragraph-length on a component's attributes in .mdx, one in .md", () => {
    const rulesFor = (path: string) => lintText(QUIZ_PAGE, config, { page: { path } }).findings.map((finding) => finding.ruleId);
    assert.ok(!rulesFor('unit1/quiz.mdx').includes('paragraph-length'));
    assert.ok(rulesFor('unit1/quiz.md').includes('paragraph-length'));
  });

  it('keeps positions after a cut block where they are in the file', () => {
    const text = `import X from './x';\n\n<Tip>\nUtilize the map.\n</Tip>\n`;
    const finding = lintText(text, config, { page: { path: 'lesson.mdx' } }).findings.find((each) => each.ruleId === 'simpler-words');
    assert.ok(finding);
    assert.equal(text.slice(finding.start, finding.end), 'Utilize');
  });
});

import assert from 'node:assert/strict';
import { applyEdits, LineIndex, parseLesson, type LessonDocument } from '../../src/core';

/** The source text of each container, with its dialect, name, title and parent. */
function containers(doc: LessonDocument) {
  return doc.containers.map((block) => ({
    syntax: block.syntax,
    name: block.name,
    title: block.title,
    parent: block.parent,
    text: doc.text.slice(block.start, block.end),
  }));
}

/** Where a word of a prose block comes from in the source, through `sourceRange`. */
function sourceOf(doc: LessonDocument, word: string): string {
  const block = doc.prose.find((candidate) => candidate.text.includes(word));
  assert.ok(block, `no prose block contains "${word}"`);
  const at = block.text.indexOf(word);
  const range = block.sourceRange(at, at + word.length);
  return doc.text.slice(range.start, range.end);
}

describe('document model', () => {
  describe('containers', () => {
    it('finds a Carpentries challenge div with a nested solution div', () => {
      const doc = parseLesson(
        '# Loops\n\n::::: challenge\n\n## Sum a list\n\nAdd the numbers.\n\n::: solution\n\n`sum(xs)`\n\n:::\n\n:::::\n\nAfter the challenge.\n',
      );
      assert.deepEqual(containers(doc), [
        {
          syntax: 'fenced-div',
          name: 'challenge',
          title: 'Sum a list',
          parent: undefined,
          text: '::::: challenge\n\n## Sum a list\n\nAdd the numbers.\n\n::: solution\n\n`sum(xs)`\n\n:::\n\n:::::',
        },
        { syntax: 'fenced-div', name: 'solution', title: undefined, parent: 0, text: '::: solution\n\n`sum(xs)`\n\n:::' },
      ]);
    });

    it('reads Pandoc attribute forms of a div class', () => {
      const doc = parseLesson('::: {.callout-tip}\nSave often.\n:::\n\n:::: Exercise\nDo it.\n::::\n');
      assert.deepEqual(
        doc.containers.map((block) => block.name),
        ['callout-tip', 'exercise'],
      );
    });

    it('finds a kramdown challenge blockquote with a nested solution', () => {
      const text =
        '# Regex\n\n> ## Match a year\n>\n> Write a pattern for `2026`.\n>\n> > ## Solution\n> >\n> > `\\d{4}`\n> {: .solution}\n{: .challenge}\n\nAfter.\n';
      const doc = parseLesson(text);
      assert.deepEqual(containers(doc), [
        {
          syntax: 'kramdown',
          name: 'challenge',
          title: 'Match a year',
          parent: undefined,
          text: '> ## Match a year\n>\n> Write a pattern for `2026`.\n>\n> > ## Solution\n> >\n> > `\\d{4}`\n> {: .solution}\n{: .challenge}',
        },
        { syntax: 'kramdown', name: 'solution', title: 'Solution', parent: 0, text: '> > ## Solution\n> >\n> > `\\d{4}`\n> {: .solution}' },
      ]);
    });

    it('finds <details> with its <summary> as the title', () => {
      const doc = parseLesson('## Exercise\n\nDo it.\n\n<details>\n<summary><b>Solution</b></summary>\n\nIt is 42.\n\n</details>\n');
      assert.deepEqual(containers(doc), [
        {
          syntax: 'details',
          name: 'details',
          title: 'Solution',
          parent: undefined,
          text: '<details>\n<summary><b>Solution</b></summary>\n\nIt is 42.\n\n</details>',
        },
      ]);
    });

    it('finds an MDX component, block or self-closing', () => {
      const doc = parseLesson('# Sums\n\n<Quiz>\n\nWhat is 2 + 2?\n\n</Quiz>\n\n<Exercise title="Add" />\n');
      assert.deepEqual(
        containers(doc).map(({ syntax, name, text }) => ({ syntax, name, text })),
        [
          { syntax: 'component', name: 'quiz', text: '<Quiz>\n\nWhat is 2 + 2?\n\n</Quiz>' },
          { syntax: 'component', name: 'exercise', text: '<Exercise title="Add" />' },
        ],
      );
    });

    it('finds a GitHub alert and its whole quote', () => {
      const doc = parseLesson('# Saving\n\n> [!TIP]\n> Save often.\n> Really often.\n\nAfter the tip.\n');
      assert.deepEqual(containers(doc), [
        { syntax: 'alert', name: 'tip', title: undefined, parent: undefined, text: '> [!TIP]\n> Save often.\n> Really often.' },
      ]);
    });

    it('ignores div fences, kramdown attributes and components inside code blocks', () => {
      const doc = parseLesson(
        '# Syntax\n\n```markdown\n::: challenge\nNot a challenge.\n:::\n```\n\n~~~\n> ## Not a challenge\n{: .challenge}\n<Quiz>\n~~~\n\n    ::: challenge\n    indented code\n    :::\n',
      );
      assert.deepEqual(doc.containers, []);
    });

    it('ignores div fences in the front matter', () => {
      const doc = parseLesson('---\ntitle: Divs\nnote: |\n  ::: challenge\n  :::\n---\n\n# Divs\n');
      assert.deepEqual(doc.containers, []);
    });
  });

  describe('headings', () => {
    it('ends a section at the next heading of the same or a higher level', () => {
      const text = '# Title\n\nIntro.\n\n## A\n\nText a.\n\n### A1\n\nText a1.\n\n## B\n\nText b.\n';
      const doc = parseLesson(text);
      const sections = Object.fromEntries(
        doc.headings.map((heading) => [heading.text, { depth: heading.depth, section: text.slice(heading.start, heading.sectionEnd) }]),
      );
      assert.deepEqual(sections, {
        Title: { depth: 1, section: text },
        A: { depth: 2, section: '## A\n\nText a.\n\n### A1\n\nText a1.\n\n' },
        A1: { depth: 3, section: '### A1\n\nText a1.\n\n' },
        B: { depth: 2, section: '## B\n\nText b.\n' },
      });
    });

    it('ends a section inside a container at the container end', () => {
      const text = '# Loops\n\n::: challenge\n\n## Sum\n\nAdd.\n\n:::\n\nAfter the div.\n';
      const doc = parseLesson(text);
      const sum = doc.headings.find((heading) => heading.text === 'Sum');
      assert.equal(text.slice(sum?.start, sum?.sectionEnd), '## Sum\n\nAdd.\n\n:::');
    });

    it('keeps the text of a heading with inline markup and a closing sequence', () => {
      const doc = parseLesson('## Using *the* `ls` command ##\n');
      assert.equal(doc.headings[0].text, 'Using the ls command');
    });
  });

  describe('front matter', () => {
    it('parses data, keeps dates as strings and reports no problems', () => {
      const text = '---\ntitle: "Refunds"\ndate: 2026-11-28\nobjectives:\n  - Explain the refund policy\n---\n\n# Refunds\n';
      const doc = parseLesson(text);
      assert.deepEqual(doc.frontMatter?.data, { title: 'Refunds', date: '2026-11-28', objectives: ['Explain the refund policy'] });
      assert.deepEqual(doc.frontMatter?.problems, []);
      assert.equal(text.slice(doc.frontMatter?.range.start, doc.frontMatter?.range.end), text.slice(0, text.indexOf('\n\n# ')));
      assert.equal(text.slice(doc.body.start, doc.body.end), '\n\n# Refunds\n');
      assert.equal(doc.unclosedFrontMatter, undefined);
    });

    it('reports problems at their place in the lesson, with no data', () => {
      const text = '---\ntitle: Refunds\nduration: 20 min: more\n---\n\n# Refunds\n';
      const doc = parseLesson(text);
      assert.equal(doc.frontMatter?.data, undefined);
      const problems = doc.frontMatter?.problems ?? [];
      assert.ok(problems.length > 0);
      for (const problem of problems) {
        assert.ok(problem.message.length > 0);
        assert.equal(doc.lines.lineAt(problem.start), 2, `${problem.message} at ${JSON.stringify(doc.lines.positionAt(problem.start))}`);
      }
    });

    it('has no data when the YAML is not a mapping', () => {
      const doc = parseLesson('---\n- a\n- b\n---\n\n# List\n');
      assert.equal(doc.frontMatter?.data, undefined);
      assert.deepEqual(doc.frontMatter?.problems, []);
    });

    it('marks an unclosed fence and parses the rest as body', () => {
      const doc = parseLesson('---\ntitle: Refunds\n\n# Refunds\n');
      assert.equal(doc.frontMatter, undefined);
      assert.deepEqual(doc.unclosedFrontMatter, { start: 0, end: 3 });
      assert.ok(doc.headings.some((heading) => heading.text === 'Refunds'));
    });
  });

  describe('prose', () => {
    it('masks Liquid tags and output, keeping offsets', () => {
      const text = 'See {% include links.md %} and {{ site.title }} for more.\n';
      const doc = parseLesson(text);
      const [block] = doc.prose;
      assert.equal(block.text.length, text.trimEnd().length);
      assert.doesNotMatch(block.text, /include|links|site|title|[{}%]/);
      assert.deepEqual(block.text.split(/\s+/).filter(Boolean), ['See', 'and', 'for', 'more.']);
      assert.equal(sourceOf(doc, 'more'), 'more');
    });

    it('masks kramdown attribute lists', () => {
      const doc = parseLesson('Some text {: .note} here.\n');
      assert.doesNotMatch(doc.prose[0].text, /note|[{}:]/);
    });

    it('leaves code, HTML and images out of prose', () => {
      const doc = parseLesson('Run `rm -rf` now <b>please</b> ![alt words](x.png) done.\n');
      assert.doesNotMatch(doc.prose[0].text, /rm -rf|<b>|alt words/);
      assert.match(doc.prose[0].text, /please/);
    });

    it('maps each word back to exactly that word in the source', () => {
      const text =
        '# The *first* heading\n\nA paragraph with **bold**, _emphasis_, a [link text](https://example.com) and `code` then more.\n\n| Column | Other |\n| --- | --- |\n| cell word | x |\n';
      const doc = parseLesson(text);
      for (const word of ['first', 'heading', 'paragraph', 'bold', 'emphasis', 'link', 'text', 'then', 'more', 'cell', 'word']) {
        assert.equal(sourceOf(doc, word), word, word);
      }
    });

    it('maps words in a blockquote and a list item that span lines', () => {
      const text =
        '# Quotes\n\n> The first line of a quote\n> continues with **bold** words\n> and ends here.\n\n- an item *one* here\n  and more item text\n';
      const doc = parseLesson(text);
      for (const word of ['quote', 'continues', 'bold', 'words', 'ends', 'one', 'more', 'item text']) {
        assert.equal(sourceOf(doc, word), word, word);
      }
    });

    it('maps words in a blockquote that spans lines with CRLF line endings', () => {
      const text =
        '# Quotes\r\n\r\n> The first line of a quote\r\n> continues with **bold** words\r\n> and ends here.\r\n\r\n- an item *one* here\r\n  and more item text\r\n';
      const doc = parseLesson(text);
      for (const word of ['quote', 'continues', 'bold', 'words', 'ends', 'one', 'more', 'item text']) {
        assert.equal(sourceOf(doc, word), word, word);
      }
    });

    it('keeps offsets in the text without the byte-order mark', () => {
      const doc = parseLesson('\uFEFF# Title\n\nSome words.\n');
      assert.equal(doc.text, '# Title\n\nSome words.\n');
      assert.equal(sourceOf(doc, 'words'), 'words');
    });
  });

  describe('comments', () => {
    it('lists HTML comments with trimmed bodies, not those in code', () => {
      const text = 'Hi <!-- inline --> there.\n\n<!--\n  block comment\n-->\n\n```html\n<!-- in code -->\n```\n';
      const doc = parseLesson(text);
      assert.deepEqual(
        doc.comments.map((comment) => ({ body: comment.body, source: text.slice(comment.start, comment.end) })),
        [
          { body: 'inline', source: '<!-- inline -->' },
          { body: 'block comment', source: '<!--\n  block comment\n-->' },
        ],
      );
    });
  });
});

describe('LineIndex', () => {
  const text = 'one\ntwo\r\nthree\rfour\n\nsix';
  const index = new LineIndex(text);

  it('counts \\n, \\r\\n and \\r as line ends', () => {
    assert.equal(index.lineCount, 6);
    assert.deepEqual(
      Array.from({ length: index.lineCount }, (_, line) => index.lineText(line)),
      ['one', 'two', 'three', 'four', '', 'six'],
    );
    assert.equal(index.lineStart(2), text.indexOf('three'));
    assert.equal(index.lineEnd(1), text.indexOf('\r\n'));
  });

  it('maps offsets to positions', () => {
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(text.indexOf('wo')), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(text.indexOf('four')), { line: 3, character: 0 });
    assert.deepEqual(index.positionAt(text.length), { line: 5, character: 3 });
  });

  it('clamps offsets and positions outside the text', () => {
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(text.length + 10), { line: 5, character: 3 });
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(index.offsetAt({ line: 99, character: 0 }), text.indexOf('six'));
  });

  it('round-trips every offset that does not split a \\r\\n pair', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      assert.equal(index.offsetAt(index.positionAt(offset)), offset, `offset ${offset}`);
    }
  });

  it('round-trips every position on every line', () => {
    for (let line = 0; line < index.lineCount; line++) {
      for (let character = 0; character <= index.lineText(line).length; character++) {
        assert.deepEqual(index.positionAt(index.offsetAt({ line, character })), { line, character });
      }
    }
  });

  it('tells the line ending to insert', () => {
    assert.equal(new LineIndex('a\nb\n').eol, '\n');
    assert.equal(new LineIndex('a\r\nb\r\n').eol, '\r\n');
    assert.equal(new LineIndex('single line').eol, '\n');
  });

  it('has one empty line for empty text', () => {
    const empty = new LineIndex('');
    assert.equal(empty.lineCount, 1);
    assert.equal(empty.lineText(0), '');
    assert.deepEqual(empty.positionAt(0), { line: 0, character: 0 });
  });
});

describe('applyEdits', () => {
  const text = 'The quick brown fox jumps.';
  const edits = [
    { start: 4, end: 9, text: 'slow' },
    { start: 10, end: 15, text: 'red' },
    { start: 0, end: 0, text: '> ' },
    { start: text.length, end: text.length, text: '\n' },
    { start: 20, end: 26, text: 'sleeps.' },
  ];

  it('applies edits by their original offsets', () => {
    assert.equal(applyEdits(text, edits), '> The slow red fox sleeps.\n');
  });

  it('gives the same result in any order', () => {
    const expected = applyEdits(text, edits);
    for (const order of [
      [...edits].reverse(),
      [edits[2], edits[0], edits[4], edits[1], edits[3]],
      [edits[4], edits[3], edits[2], edits[1], edits[0]],
    ]) {
      assert.equal(applyEdits(text, order), expected);
    }
  });

  it('accepts adjacent edits', () => {
    assert.equal(
      applyEdits('abcdef', [
        { start: 2, end: 4, text: 'X' },
        { start: 4, end: 6, text: 'Y' },
        { start: 2, end: 2, text: '<' },
      ]),
      'ab<XY',
    );
  });

  it('keeps the array order of insertions at the same offset, as VS Code and LSP do', () => {
    assert.equal(
      applyEdits('ab', [
        { start: 1, end: 1, text: '1' },
        { start: 1, end: 1, text: '2' },
      ]),
      'a12b',
    );
  });

  it('does not change the input for no edits', () => {
    assert.equal(applyEdits(text, []), text);
  });

  it('throws on overlapping edits', () => {
    assert.throws(
      () =>
        applyEdits(text, [
          { start: 0, end: 9, text: 'A' },
          { start: 4, end: 15, text: 'B' },
        ]),
      /Overlapping/,
    );
    assert.throws(
      () =>
        applyEdits(text, [
          { start: 4, end: 15, text: 'B' },
          { start: 0, end: 9, text: 'A' },
        ]),
      /Overlapping/,
    );
    assert.throws(
      () =>
        applyEdits(text, [
          { start: 4, end: 9, text: 'A' },
          { start: 4, end: 9, text: 'B' },
        ]),
      /Overlapping/,
    );
    assert.throws(
      () =>
        applyEdits(text, [
          { start: 2, end: 12, text: 'A' },
          { start: 5, end: 5, text: 'inside' },
        ]),
      /Overlapping/,
    );
  });
});

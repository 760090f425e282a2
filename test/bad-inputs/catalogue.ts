/**
 * Inputs that have crashed, hung or exhausted memory in Markdown and YAML tools, and their
 * neighbours, generated at any size so that nothing large is committed. `make(size)` returns at
 * most `size` characters, close to it: the unit test runs each small and doubled, the bench just
 * under `maxLessonSize`.
 */
export interface BadInput {
  name: string;
  make(size: number): string;
}

/** `unit` repeated to fill `size` characters, cut at a whole unit. */
function repeat(unit: string, size: number, head = '', tail = ''): string {
  const count = Math.max(1, Math.floor((size - head.length - tail.length) / unit.length));
  return head + unit.repeat(count) + tail;
}

/** Lines of growing depth: `line(depth)` for depth 1, 2, … until `size` is reached. */
function deepening(size: number, line: (depth: number) => string, head = ''): string {
  const lines: string[] = [head];
  let length = head.length;
  for (let depth = 1; ; depth++) {
    const next = line(depth);
    if (length + next.length > size) break;
    lines.push(next);
    length += next.length;
  }
  return lines.join('');
}

/** `open` repeated half the size, then `close` as many times, with `middle` between. */
function nested(open: string, close: string, size: number, middle = 'x', head = ''): string {
  const depth = Math.max(1, Math.floor((size - head.length - middle.length) / (open.length + close.length)));
  return head + open.repeat(depth) + middle + close.repeat(depth);
}

const PROSE = 'Imagine a caller who has waited on hold for twenty minutes. What do you say first? ';
const STATISTIC = 'In 2023, 45% of the 1,200 managers surveyed said that training improved retention by 30 percent. ';
const HEAD = '# A lesson\n\n';

/** Front matter around `yaml`, then a short body. */
function withFrontMatter(yaml: string): string {
  return `---\n${yaml}\n---\n\n# A lesson\n\n${PROSE}\n`;
}

const FRONT_MATTER_FRAME = withFrontMatter('').length;

/** Markdown lessons: `lintText` must finish each in linear time and memory, without a throw. */
export const LESSON_INPUTS: readonly BadInput[] = [
  // Nesting of every construct, on one line and over many lines.
  { name: 'list markers on one line (- - - …)', make: (size) => nested('- ', '', size) },
  { name: 'ordered list markers on one line (1. 1. …)', make: (size) => nested('1. ', '', size) },
  { name: 'mixed list markers on one line (- * + 1) …)', make: (size) => nested('- * + 1) ', '', size) },
  { name: 'list nested by indentation', make: (size) => deepening(size, (depth) => `${' '.repeat(2 * depth)}- item ${depth}\n`, HEAD) },
  { name: 'blockquote markers on one line (>>>>)', make: (size) => nested('>', '', size) },
  { name: 'blockquote markers with spaces (> > >)', make: (size) => nested('> ', '', size) },
  { name: 'deep blockquotes on every line', make: (size) => repeat(`${'> '.repeat(40)}Quoted text.\n`, size) },
  { name: 'blockquotes between paragraphs', make: (size) => repeat('> A quote.\n\nText.\n\n', size) },
  { name: 'list items between paragraphs', make: (size) => repeat('- An item\n\nText.\n\n', size) },
  { name: 'blockquotes with a lazy line', make: (size) => repeat('> A quote\ncontinued.\n\n', size) },
  { name: 'blockquote and list markers interleaved (> - > -)', make: (size) => nested('> - ', '', size) },
  { name: 'emphasis nested (*_*_ … _*_*)', make: (size) => nested('*_', '_*', size) },
  { name: 'emphasis openers only (*_*_*_)', make: (size) => repeat('*_', size) },
  { name: 'asterisks in a run', make: (size) => repeat('*', size, 'a') },
  { name: 'underscores between words (a_b_c)', make: (size) => repeat('a_', size) },
  { name: 'strikethrough tildes (~~a~~~)', make: (size) => repeat('~~a~', size) },
  { name: 'links nested ([[[ … ]]])', make: (size) => nested('[', ']', size) },
  { name: 'link openers ([a]( repeated)', make: (size) => repeat('[a](', size) },
  { name: 'link destinations unclosed ([a](b repeated)', make: (size) => repeat('[a](b ', size) },
  { name: 'images nested (![![ …)', make: (size) => nested('![', '](x.png)', size) },
  { name: 'brackets unclosed ([ repeated)', make: (size) => repeat('[', size) },
  { name: 'reference links unresolved ([a][b] repeated)', make: (size) => repeat('[a][b] ', size) },
  { name: 'inline HTML nested (<span>)', make: (size) => nested('<span>', '</span>', size, 'x', 'Text ') },
  { name: 'HTML blocks nested (<div>)', make: (size) => nested('<div>\n', '</div>\n', size) },
  { name: 'details nested', make: (size) => nested('<details>\n<summary>Solution</summary>\n\n', '</details>\n\n', size, 'Answer.\n\n') },
  { name: 'details opened, never closed', make: (size) => repeat('<details><summary>Solution</summary>\n\nAnswer.\n\n', size) },
  { name: 'HTML tags unclosed (<a href=")', make: (size) => repeat('<a href="', size) },
  { name: 'HTML comments unclosed (<!--)', make: (size) => repeat('<!-- ', size) },
  { name: 'HTML comments, many', make: (size) => repeat('<!-- note -->\n', size) },
  { name: 'HTML comments on one line', make: (size) => repeat('<!-- a -->', size - 1, '', 'x') },
  { name: 'MDX components nested (<Quiz>)', make: (size) => nested('<Quiz>\n', '</Quiz>\n', size, 'Question?\n') },
  { name: 'fenced divs nested (::: challenge)', make: (size) => nested('::: challenge\n', ':::\n', size, '## Task\n\nDo it.\n') },
  { name: 'fenced divs opened, never closed', make: (size) => repeat('::: challenge\n\n', size) },
  { name: 'fenced div closers only (:::)', make: (size) => repeat(':::\n', size) },
  {
    name: 'kramdown attribute lines under a long quote',
    make: (size) => `${repeat('> Quoted line of a challenge.\n', size / 2)}${repeat('{: .challenge}\n', size / 2)}`,
  },
  { name: 'kramdown attribute lines, many quotes', make: (size) => repeat('> ## Challenge\n> Do it.\n{: .challenge}\n', size) },
  { name: 'GitHub alerts, many', make: (size) => repeat('> [!TIP]\n> Use a shortcut.\n\n', size) },
  // Many blocks of one kind.
  { name: 'setext headings (a / =)', make: (size) => repeat('a\n=\n', size) },
  { name: 'setext headings (a / -)', make: (size) => repeat('a\n-\n', size) },
  { name: 'setext underline after a long paragraph', make: (size) => repeat('word\n', size - 2, '', '=\n') },
  { name: 'ATX headings (# h)', make: (size) => repeat('# h\n', size) },
  { name: 'headings of every level', make: (size) => repeat('# a\n## b\n### c\n#### d\n##### e\n###### f\n', size) },
  { name: 'headings inside fenced divs', make: (size) => repeat('::: challenge\n## Task\n:::\n', size) },
  { name: 'thematic breaks (---)', make: (size) => repeat('---\n', size) },
  { name: 'table, many rows', make: (size) => repeat('| 1 | 2 | 3 |\n', size, '| a | b | c |\n| --- | --- | --- |\n') },
  { name: 'table, many columns', make: (size) => `${repeat('| a ', size / 2)}|\n${repeat('|---', size / 2)}|\n` },
  { name: 'table of empty cells (||||)', make: (size) => repeat('|', size, '| a |\n| - |\n') },
  { name: 'task list items', make: (size) => repeat('- [ ] Do the task\n', size) },
  { name: 'task list items nested', make: (size) => deepening(size, (depth) => `${'  '.repeat(depth)}- [x] step ${depth}\n`) },
  { name: 'footnotes, many', make: (size) => repeat('Text[^n].\n\n[^n]: A note.\n\n', size) },
  { name: 'footnote references, many', make: (size) => repeat('[^1]', size, '', '\n\n[^1]: The note.\n') },
  { name: 'link definitions, many', make: (size) => repeat('[a]: https://example.com/a\n', size) },
  {
    name: 'link definitions and references, all different',
    make: (size) => Array.from({ length: Math.floor(size / 40) }, (_, i) => `[l${i}]: /a\n\nSee [l${i}].\n\n`).join(''),
  },
  {
    name: 'footnotes, all different',
    make: (size) => Array.from({ length: Math.floor(size / 40) }, (_, i) => `Text[^f${i}].\n\n[^f${i}]: A note.\n\n`).join(''),
  },
  { name: 'links, many', make: (size) => repeat('[the docs](https://example.com/docs) ', size) },
  { name: 'images, many', make: (size) => repeat('![](image.png)\n', size) },
  { name: 'bare URLs, many', make: (size) => repeat('https://example.com/a.b.c. ', size) },
  { name: 'autolinks unclosed (<http://)', make: (size) => repeat('<http://', size) },
  { name: 'code spans of growing length', make: (size) => deepening(size, (depth) => `${'`'.repeat(depth)}a`) },
  { name: 'backticks unbalanced', make: (size) => repeat('`a``', size) },
  { name: 'fenced code never closed', make: (size) => repeat('code line\n', size, '```\n') },
  { name: 'fenced code blocks, many', make: (size) => repeat('```\ncode\n```\n', size) },
  { name: 'indented code, many lines', make: (size) => repeat('    code line\n', size) },
  { name: 'entities and escapes', make: (size) => repeat('&amp; \\* &#x41; ', size) },
  // Long lines and long runs.
  { name: 'one long word', make: (size) => repeat('a', size) },
  { name: 'one long line of prose', make: (size) => repeat('word ', size) },
  { name: 'one paragraph of many lines', make: (size) => repeat('Some words on a line\n', size) },
  { name: 'one paragraph of scenario prose', make: (size) => repeat(PROSE, size, HEAD) },
  {
    name: "names of Object.prototype's properties as words",
    make: (size) =>
      repeat(
        '## Constructor functions\n\nThe constructor, __proto__, toString, valueOf and hasOwnProperty of a prototype.\n\n',
        size,
        '# Constructor functions\n\n',
      ),
  },
  { name: 'one paragraph of generic pronouns', make: (size) => repeat('A new agent should log every call he takes. ', size, HEAD) },
  { name: 'a run of full stops', make: (size) => repeat('.', size, 'Word') },
  { name: 'a run of question and exclamation marks', make: (size) => repeat('?!', size, 'Word') },
  { name: 'a run of hyphens in a word', make: (size) => repeat('a-', size) },
  { name: 'a run of apostrophes', make: (size) => repeat("'", size, 'a') },
  { name: 'a run of spaces inside a line', make: (size) => repeat(' ', size, 'a', 'b') },
  { name: 'a run of digits', make: (size) => repeat('1', size) },
  { name: 'a run of capitals (acronym-like)', make: (size) => repeat('ABC ', size) },
  { name: 'a run of pipes in prose', make: (size) => repeat('a | ', size) },
  { name: 'statistics sentences', make: (size) => repeat(STATISTIC, size, HEAD) },
  {
    name: 'claims and hedges repeated',
    make: (size) => repeat('Simply click the button: it always works and is guaranteed to be easy. ', size, HEAD),
  },
  { name: 'placeholders repeated', make: (size) => repeat('TODO [insert text] TBD lorem ipsum ', size, HEAD) },
  {
    name: 'acronyms, many different',
    make: (size) =>
      Array.from({ length: Math.floor(size / 9) }, (_, i) => `X${i.toString(36).toUpperCase().padStart(4, 'A')} is `).join(''),
  },
  {
    name: 'normal lesson prose',
    make: (size) => repeat(`## Section\n\n${PROSE.repeat(4)}\n\n- Explain the policy\n- Log the call\n\n`, size, HEAD),
  },
  // Template and attribute syntax.
  { name: 'Liquid openers ({{ repeated)', make: (size) => repeat('{{', size) },
  { name: 'Liquid tags unclosed ({% repeated)', make: (size) => repeat('{% ', size) },
  { name: 'Liquid comments unclosed ({% comment %})', make: (size) => repeat('{% comment %} TODO ', size) },
  { name: 'Jinja comments unclosed ({#)', make: (size) => repeat('{# TODO ', size) },
  { name: 'kramdown attributes unclosed ({:)', make: (size) => repeat('{: ', size) },
  { name: 'Pandoc attributes unclosed ([a]{)', make: (size) => repeat('[a]{', size) },
  // Characters.
  { name: 'NUL after the first 8 KB', make: (size) => repeat('\0a', size, repeat(PROSE, 9000)) },
  { name: 'control characters', make: (size) => repeat('\u0001\u0002\u0007\u001b[0m ', size) },
  { name: 'lone surrogates', make: (size) => repeat('\uD800a\uDC00 ', size) },
  { name: 'emoji and astral characters', make: (size) => repeat('🚀 𝒳 é ', size) },
  { name: 'CR and CRLF mixed', make: (size) => repeat('a\r\rb\r\n\n> c\r', size) },
  { name: 'CR only', make: (size) => repeat('Some words.\r', size) },
  { name: 'byte-order marks inside', make: (size) => repeat('\uFEFFa ', size) },
];

/** Lessons whose front matter is hostile: the lint, a review write and the queue must each refuse it or read it, never crash. */
export const FRONT_MATTER_INPUTS: readonly BadInput[] = [
  {
    name: 'flow sequences nested (a: [[[ … ]]])',
    make: (size) => withFrontMatter(nested('[', ']', size - FRONT_MATTER_FRAME, '1', 'a: ')),
  },
  { name: 'flow sequence openers only (a: [[[)', make: (size) => withFrontMatter(repeat('[', size - FRONT_MATTER_FRAME, 'a: ')) },
  {
    name: 'flow mappings nested (a: {b: {b: …}})',
    make: (size) => withFrontMatter(nested('{b: ', '}', size - FRONT_MATTER_FRAME, '1', 'a: ')),
  },
  {
    name: 'block mappings nested by indentation',
    make: (size) => withFrontMatter(deepening(size - FRONT_MATTER_FRAME, (depth) => `${' '.repeat(depth - 1)}k:\n`)),
  },
  {
    name: 'block sequences nested on one line (a: - - - …)',
    make: (size) => withFrontMatter(nested('- ', '', size - FRONT_MATTER_FRAME, 'x', 'a:\n  ')),
  },
  {
    name: 'circular alias (a: &a [*a])',
    make: (size) => withFrontMatter(repeat('# padding\n', size - FRONT_MATTER_FRAME - 20, '', 'a: &a [*a]')),
  },
  { name: 'alias as the review block (review: *x)', make: () => withFrontMatter('x: &x\n  sme:\n    status: approved\nreview: *x') },
  {
    name: 'alias bomb',
    make: () =>
      withFrontMatter(
        ['a', 'b', 'c', 'd', 'e', 'f', 'g']
          .map(
            (name, index, all) =>
              `${name}: &${name} [${Array(9)
                .fill(index === 0 ? 'lol' : `*${all[index - 1]}`)
                .join(', ')}]`,
          )
          .join('\n'),
      ),
  },
  { name: 'aliases, many', make: (size) => withFrontMatter(repeat('- *a\n', size - FRONT_MATTER_FRAME, 'x: &a value\nlist:\n')) },
  {
    name: 'keys, many',
    make: (size) =>
      withFrontMatter(Array.from({ length: Math.floor((size - FRONT_MATTER_FRAME) / 16) }, (_, i) => `k${i}: value`).join('\n')),
  },
  {
    name: 'front matter comments, many',
    make: (size) => withFrontMatter(repeat('# a comment\n', size - FRONT_MATTER_FRAME, 'title: Loops\n')),
  },
  { name: 'one long scalar', make: (size) => withFrontMatter(repeat('a', size - FRONT_MATTER_FRAME, 'title: ')) },
  { name: 'quoted scalar unclosed', make: (size) => withFrontMatter(repeat('a\n', size - FRONT_MATTER_FRAME, 'title: "')) },
  {
    name: "names of Object.prototype's properties as keys and values",
    make: () =>
      withFrontMatter(
        'type: constructor\nlayout: toString\nconstructor: x\n__proto__: {status: approved}\ntoString: 1\nreview:\n  constructor: {status: approved}\n  __proto__: {status: requested}\n  hasOwnProperty: {status: waived}',
      ),
  },
  {
    name: 'review roles, many',
    make: (size) => withFrontMatter(repeat('  r: {status: requested}\n', size - FRONT_MATTER_FRAME, 'review:\n')),
  },
];

/** `.coursereview.json` texts: `parseConfig` must refuse each with a positioned error, or accept it, never throw or hang. */
export const CONFIG_INPUTS: readonly BadInput[] = [
  { name: 'arrays nested ([[[ … ]]])', make: (size) => nested('[', ']', size, '1', '') },
  { name: 'objects nested ({"a": { … }})', make: (size) => nested('{"a":', '}', size, '1') },
  { name: 'array openers only ([[[)', make: (size) => repeat('[', size) },
  {
    name: 'nested inside rules',
    make: (size) => `{"rules": {"placeholder-text": ["warning", {"patterns": ${nested('[', ']', size - 60, '"x"')}}]}}`,
  },
  { name: 'comments, many', make: (size) => repeat('// note\n', size - 2, '', '{}') },
  { name: 'one long string', make: (size) => `{"$schema": "${repeat('a', size - 16)}"}` },
];

/** User patterns that backtrack catastrophically on a backtracking engine, for every option that is a pattern. */
export const CATASTROPHIC_PATTERNS: readonly string[] = ['(a+)+$', '(a|aa)+$', '(a|a)*b', '(\\w+\\s?)*$', '^(a+)+b', '(.*a){12}'];

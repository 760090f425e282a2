import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, DEFAULT_ROLES, lintText, parseConfig, writeReview, type Finding, type ResolvedConfig } from '../../src/core';
import { everyPageConfig, ruleFixtures } from './helpers/fixtures';

const defaults = everyPageConfig();
const BOM = '\uFEFF';

function lint(text: string, config: ResolvedConfig = defaults): Finding[] {
  return lintText(text, config).findings;
}

function ruleIds(findings: readonly Finding[]): string[] {
  return findings.map((finding) => finding.ruleId);
}

/** Rule, 0-based start and end positions and message: what a user sees of a finding. */
function shape(finding: Finding): string {
  const { start, end } = finding.range;
  return `${finding.ruleId} ${start.line}:${start.character}-${end.line}:${end.character} ${finding.message}`;
}

/** The line and column of an offset, counted independently of LineIndex: `\r\n`, `\r` and `\n` each end a line. */
function expectedPosition(text: string, offset: number) {
  const before = text.slice(0, offset);
  const lineBreaks = before.match(/\r\n|\r|\n/g)?.length ?? 0;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: lineBreaks, character: offset - lastBreak - 1 };
}

function smallLimit(limit: number): ResolvedConfig {
  const result = parseConfig(`{ "maxLessonSize": ${limit} }`, '/.coursereview.json', '/');
  if (!result.ok) throw new Error(result.error.message);
  return result.config;
}

const LESSON = `---
title: Handling complaints
audience: New contact-centre agents
duration: TBD
---

# Handling complaints

Imagine a caller who has been on hold for twenty minutes. What do you say first?

## Learning objectives

- Understand the complaint process
- Log a complaint in the CRM

> Listen before you speak, and let the caller
> finish TODO before you answer.

::::::::::::::::::::::::::::::::::::::: challenge

## Role-play a call

Greet a partner, listen, and log the complaint.

::::::::::::::::::::::::::::::::::::::::::::::::::

> ## Match a year
>
> Write a pattern that matches \`2026\`.
{: .challenge}
`;

describe('bad input', () => {
  describe('broken YAML front matter', () => {
    const text = `---
title: Handling complaints: the basics
audience: New contact-centre agents
---

# Handling complaints

## Learning objectives

- Understand the complaint process

Customers can ask for a refund within TODO days.
`;
    const findings = lint(text);

    it('reports a front-matter-schema error on the bad line', () => {
      const schema = findings.filter((finding) => finding.ruleId === 'front-matter-schema');
      assert.ok(schema.length > 0, findings.map(shape).join('\n'));
      for (const finding of schema) {
        assert.equal(finding.severity, 'error');
        assert.equal(finding.range.start.line, 1, shape(finding));
      }
    });

    it('still runs every other rule on the body', () => {
      const ids = ruleIds(findings);
      assert.ok(ids.includes('objectives-measurable'), 'the vague "Understand" objective is still reported');
      assert.ok(ids.includes('placeholder-text'), 'the TODO in the body is still reported');
      assert.ok(!ids.includes('objectives-present'), 'the "Learning objectives" section is still found');
      const measurable = findings.find((finding) => finding.ruleId === 'objectives-measurable');
      assert.equal(measurable?.range.start.line, 9);
    });

    it('survives an alias to an anchor that does not exist', () => {
      const aliased = '---\ntitle: Refunds\nobjectives: *missing\n---\n\n# Refunds\n\nCustomers can ask for a refund within TODO days.\n';
      const result = lint(aliased);
      assert.ok(ruleIds(result).includes('front-matter-schema'), result.map(shape).join('\n'));
      assert.ok(ruleIds(result).includes('placeholder-text'), result.map(shape).join('\n'));
    });

    it('survives an alias bomb (exponential expansion) without expanding it', () => {
      const levels = ['a', 'b', 'c', 'd', 'e', 'f'];
      const yaml = levels
        .map(
          (name, index) =>
            `${name}: &${name} [${Array(9)
              .fill(index === 0 ? 'lol' : `*${levels[index - 1]}`)
              .join(', ')}]`,
        )
        .join('\n');
      const result = lint(`---\n${yaml}\n---\n\n# Refunds\n\nCustomers can ask for a refund within TODO days.\n`);
      assert.ok(ruleIds(result).includes('front-matter-schema'), result.map(shape).join('\n'));
      assert.ok(ruleIds(result).includes('placeholder-text'), result.map(shape).join('\n'));
    });
  });

  describe('unclosed front matter fence', () => {
    const text =
      '---\ntitle: Refunds\nobjectives:\n  - Explain the refund policy\n\n# Refunds\n\nCustomers can ask for a refund within TODO days.\n';
    const findings = lint(text);

    it('reports a front-matter-schema error on line 1', () => {
      const schema = findings.filter((finding) => finding.ruleId === 'front-matter-schema');
      assert.equal(schema.length, 1, findings.map(shape).join('\n'));
      assert.equal(schema[0].severity, 'error');
      assert.deepEqual(schema[0].range.start, { line: 0, character: 0 });
      assert.match(schema[0].message, /---/);
    });

    it('still runs the other rules', () => {
      const ids = ruleIds(findings);
      assert.ok(ids.includes('placeholder-text'), findings.map(shape).join('\n'));
      assert.ok(ids.includes('summary-present'), findings.map(shape).join('\n'));
    });
  });

  describe('a lesson that opens with a thematic break', () => {
    const closedByAnotherRule =
      '---\n\n# Solution\n\nHere is how we solved the exercise, one step at a time.\n\n---\n\nThe rest explains TODO the approach.\n';
    const neverClosed = '---\n\n## Solution\n\nHere is how we solved the exercise, one step at a time.\n';

    it('has no front matter, even when a second `---` follows: no schema error, and all its text is prose', () => {
      const findings = lint(closedByAnotherRule);
      assert.ok(!ruleIds(findings).includes('front-matter-schema'), findings.map(shape).join('\n'));
      const todo = findings.find((finding) => finding.ruleId === 'placeholder-text');
      assert.ok(todo, findings.map(shape).join('\n'));
      assert.equal(todo.range.start.line, 8);
      assert.ok(!ruleIds(lint(neverClosed)).includes('front-matter-schema'));
    });

    it('is signed with a new front matter above it, the break and the text kept byte for byte, and stays fresh', () => {
      const written = writeReview(
        closedByAnotherRule,
        { kind: 'approve', role: 'sme' },
        { identity: { name: 'Priya Patel' }, today: '2026-12-03', roles: DEFAULT_ROLES },
      );
      assert.ok(written.kind !== 'refused', written.kind !== 'refused' ? '' : written.message);
      const signed = applyEdits(closedByAnotherRule, written.edits);
      assert.ok(signed.startsWith('---\nreview:\n') && signed.endsWith(`---\n${closedByAnotherRule}`), signed);
      assert.ok(!ruleIds(lint(signed)).includes('review-stale'), lint(signed).map(shape).join('\n'));
    });

    it('still has a front matter when one `key:` line is there, and an unclosed one is still reported', () => {
      const keyed = lintText('---\ntitle: Refunds\n# A comment, as a sentence would read.\n---\n\nText.\n', defaults);
      assert.equal(keyed.doc.frontMatter?.data?.title, 'Refunds');
      assert.ok(lintText('---\n# a whole-line comment\n---\n', defaults).doc.frontMatter, 'a front matter of comments only is still one');
      const unclosed = lint('---\ntitle: Refunds\n\n# Refunds\n\nCustomers can ask for a refund.\n');
      assert.ok(ruleIds(unclosed).includes('front-matter-schema'), unclosed.map(shape).join('\n'));
    });
  });

  describe('empty file', () => {
    for (const [name, text] of [
      ['empty', ''],
      ['only white space', '  \n\n\t\n'],
      ['only a byte-order mark', BOM],
      ['only an opening fence', '---\n'],
      ['empty front matter', '---\n---\n'],
    ] as const) {
      it(`${name}: reports missing parts at the start, no crash`, () => {
        const findings = lint(text);
        assert.ok(ruleIds(findings).includes('objectives-present'), findings.map(shape).join('\n'));
        for (const finding of findings) {
          assert.doesNotMatch(finding.message, /could not check/, shape(finding));
          assert.equal(finding.range.start.line, 0, shape(finding));
        }
      });
    }
  });

  describe('size limit', () => {
    it('skips a 5 MB lesson with one info finding', () => {
      const section = '## Greeting the caller\n\nImagine a caller who has waited twenty minutes. TODO write the greeting.\n\n';
      const text = `# A very long lesson\n\n${section.repeat(Math.ceil(5_000_000 / section.length))}`;
      assert.ok(text.length > 5_000_000);
      const findings = lint(text);
      assert.equal(findings.length, 1, findings.map(shape).join('\n'));
      assert.equal(findings[0].ruleId, 'lesson-skipped');
      assert.equal(findings[0].severity, 'info');
      assert.match(findings[0].message, /5,000,\d{3} characters/);
      assert.match(findings[0].message, /1,000,000/);
      assert.deepEqual(findings[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    });

    /** A lesson of exactly `length` characters that ends with a placeholder. */
    const lesson = (length: number) => {
      const ending = ' TODO\n';
      return `# Refunds\n\n${'Customers can ask for a refund within thirty days. '.repeat(60)}`.slice(0, length - ending.length) + ending;
    };

    it('lints a lesson just under maxLessonSize', () => {
      const text = lesson(1_900);
      assert.equal(text.length, 1_900);
      const findings = lint(text, smallLimit(2_000));
      assert.ok(!ruleIds(findings).includes('lesson-skipped'));
      assert.ok(ruleIds(findings).includes('placeholder-text'), findings.map(shape).join('\n'));
      assert.ok(ruleIds(findings).includes('objectives-present'));
    });

    it('lints a lesson of exactly maxLessonSize', () => {
      const text = lesson(2_000);
      assert.equal(text.length, 2_000);
      const findings = lint(text, smallLimit(2_000));
      assert.ok(!ruleIds(findings).includes('lesson-skipped'));
      assert.ok(ruleIds(findings).includes('placeholder-text'));
    });

    it('skips a lesson just over maxLessonSize with one info finding', () => {
      const findings = lint(lesson(2_100), smallLimit(2_000));
      assert.deepEqual(ruleIds(findings), ['lesson-skipped']);
      assert.equal(findings[0].severity, 'info');
      assert.match(findings[0].message, /2,100 characters.*2,000/);
    });

    it('does not count the byte-order mark', () => {
      const findings = lint(BOM + lesson(2_000), smallLimit(2_000));
      assert.ok(!ruleIds(findings).includes('lesson-skipped'));
    });
  });

  describe('binary file named .md', () => {
    it('skips NUL bytes with one info finding', () => {
      const findings = lint('# Looks like a lesson\n\0\0\0\u0001\u0002 TODO\n');
      assert.deepEqual(ruleIds(findings), ['lesson-skipped']);
      assert.equal(findings[0].severity, 'info');
      assert.match(findings[0].message, /binary/);
    });

    it('skips a PNG read as UTF-8', () => {
      const png = Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0xff, 0xd8,
        0x2d, 0x2d, 0x2d, 0x0a,
      ]);
      const findings = lint(png.toString('utf8'));
      assert.deepEqual(ruleIds(findings), ['lesson-skipped']);
    });
  });

  describe('line endings and byte-order mark', () => {
    const cases = {
      'a lesson in many dialects': LESSON,
      'a lesson with broken YAML at the end of a line':
        '---\ntitle: Refunds\nobjectives: [Explain the policy\n---\n\n# Refunds\n\nCustomers wait TODO days.\n',
      'a lesson with an unclosed quote before a blank line':
        '---\ntitle: "Refunds\n\nduration: "20 min"\n---\n\n# Refunds\n\nCustomers wait TODO days.\n',
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`${name}: CRLF gives the same findings at the same lines and columns as LF`, () => {
        const lf = lint(text).map(shape);
        assert.ok(lf.length > 3);
        assert.deepEqual(lint(text.replace(/\n/g, '\r\n')).map(shape), lf);
      });

      it(`${name}: a byte-order mark changes no finding, line or column`, () => {
        const plain = lint(text);
        const withBom = lint(BOM + text);
        assert.deepEqual(withBom.map(shape), plain.map(shape));
        assert.deepEqual(
          withBom.map((finding) => [finding.start, finding.end]),
          plain.map((finding) => [finding.start, finding.end]),
        );
      });
    }

    it('CRLF with a byte-order mark keeps front matter, containers and objectives', () => {
      const findings = lint(BOM + LESSON.replace(/\n/g, '\r\n'));
      const ids = ruleIds(findings);
      assert.ok(!ids.includes('front-matter-schema'), findings.map(shape).join('\n'));
      assert.ok(!ids.includes('objectives-present'));
      assert.ok(!ids.includes('practice-present'));
      assert.deepEqual(
        findings.filter((finding) => finding.ruleId === 'placeholder-text').map((finding) => finding.range.start.line),
        [3, 16],
      );
    });
  });

  describe('arbitrary text (property)', () => {
    const lessons = ruleFixtures()
      .filter((fixture) =>
        [
          'objectives-measurable/bad.md',
          'practice-feedback/good.md',
          'placeholder-text/bad.md',
          'knowledge-check-present/good.md',
        ].includes(`${fixture.ruleId}/${fixture.name}`),
      )
      .map((fixture) => fixture.text);

    /** Characters that mean something in Markdown, YAML, Liquid or the dialects; no `\r` (CRLF is tested above). */
    const syntax = fc.constantFrom(
      '\n',
      ' ',
      '  ',
      '#',
      '>',
      '-',
      '*',
      '_',
      ':',
      ':::',
      '---',
      '`',
      '```',
      '<',
      '>',
      '/',
      '!',
      '[',
      ']',
      '(',
      ')',
      '{',
      '}',
      '{%',
      '%}',
      '&',
      '|',
      '\\',
      '"',
      "'",
      '\t',
      'é',
      '😀',
      BOM,
      '<!--',
      '-->',
      '<details>',
      '</details>',
      '{: .challenge}',
    );

    const mutation = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.string({ unit: syntax, maxLength: 4 }) });
    const mutated = fc.tuple(fc.constantFrom(...lessons), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([lesson, mutations]) =>
      mutations.reduce((text, { at, remove, insert }) => {
        const position = at % (text.length + 1);
        return text.slice(0, position) + insert + text.slice(position + remove);
      }, lesson),
    );

    function checkFindings(input: string) {
      const { doc, findings } = lintText(input, defaults);
      const text = input.startsWith(BOM) ? input.slice(1) : input;
      assert.equal(doc.text, text);
      for (const finding of findings) {
        assert.doesNotMatch(finding.message, /could not check/, finding.message);
        assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, shape(finding));
        assert.deepEqual(finding.range.start, expectedPosition(text, finding.start), `start of ${shape(finding)}`);
        assert.deepEqual(finding.range.end, expectedPosition(text, finding.end), `end of ${shape(finding)}`);
      }
    }

    it('never throws, and every finding is inside the text with matching positions (ASCII and Unicode strings)', () => {
      fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: syntax })), checkFindings), {
        numRuns: 400,
      });
    });

    it('never throws on mutations of a real lesson', () => {
      fc.assert(fc.property(mutated, checkFindings), { numRuns: 300 });
    });
  });
});

import assert from 'node:assert/strict';
import { DEFAULT_ROLES, LineIndex, lintText, parseConfig, readEntry, resolveConfig, writeReview, type Finding } from '../../src/core';
import { CONFIG_INPUTS, FRONT_MATTER_INPUTS, LESSON_INPUTS } from '../bad-inputs/catalogue';
import { growthRatio, lowestGrowth } from '../bad-inputs/growth';

const config = resolveConfig(undefined, undefined, '/');
const SMALL = 6_000;
/**
 * Linear time grows fourfold when the input does; quadratic time sixteenfold. Growing the input four
 * times (not twice) keeps that gap wide enough that a shared machine's noise (garbage collection of a
 * test process that has run a thousand tests) cannot close it.
 */
const GROWTH = 4;
const MAX_RATIO = 8;
const TODAY = '2026-11-28';
const CONTEXT = { identity: { name: 'Priya Patel' }, today: TODAY, roles: DEFAULT_ROLES };

/**
 * Other work on a shared machine can only make a ratio look worse: a second or third try that stays linear settles it, while a quadratic
 * run fails every try.
 */
function assertFindingsInside(text: string, findings: readonly Finding[]) {
  const lines = new LineIndex(text);
  for (const finding of findings) {
    assert.doesNotMatch(finding.message, /could not check/, finding.message);
    assert.ok(
      0 <= finding.start && finding.start <= finding.end && finding.end <= text.length,
      `${finding.ruleId} ${finding.start}-${finding.end} of ${text.length}`,
    );
    assert.deepEqual(finding.range.start, lines.positionAt(finding.start), finding.ruleId);
    assert.deepEqual(finding.range.end, lines.positionAt(finding.end), finding.ruleId);
  }
}

describe('bad-input catalogue', function () {
  this.timeout(120_000);

  describe('lessons: linted without a throw, findings inside the text, time linear in size', () => {
    for (const input of [...LESSON_INPUTS, ...FRONT_MATTER_INPUTS]) {
      it(input.name, () => {
        const text = input.make(SMALL);
        const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
        assertFindingsInside(body, lintText(text, config, { today: TODAY }).findings);
        const growth = lowestGrowth(
          () => growthRatio(input.make, (lesson) => lintText(lesson, config, { today: TODAY }), 4_000, 128_000, GROWTH),
          MAX_RATIO,
        );
        assert.ok(growth.ratio < MAX_RATIO, `growing ${growth.size} characters fourfold multiplied the time by ${growth.ratio.toFixed(2)}`);
      });
    }
  });

  describe('long paragraphs: a rule that looks around a word reads its sentence, not the whole paragraph', () => {
    // At the catalogue's small sizes a scan of the whole paragraph at each word is still cheap; it shows from 100 KB.
    const LONG_PARAGRAPH_RATIO = 6.5;
    for (const name of ['one paragraph of scenario prose', 'one paragraph of generic pronouns']) {
      it(name, () => {
        const input = LESSON_INPUTS.find((candidate) => candidate.name === name);
        assert.ok(input, name);
        const lint = (lesson: string) => lintText(lesson, config, { today: TODAY });
        const growth = lowestGrowth(() => growthRatio(input.make, lint, 100_000, 400_000, GROWTH), LONG_PARAGRAPH_RATIO);
        assert.ok(
          growth.ratio < LONG_PARAGRAPH_RATIO,
          `growing ${growth.size} characters fourfold multiplied the time by ${growth.ratio.toFixed(2)}`,
        );
      });
    }
  });

  describe('hostile front matter: a review write and the queue refuse or read it, never throw', () => {
    for (const input of FRONT_MATTER_INPUTS) {
      it(input.name, () => {
        const text = input.make(SMALL);
        for (const kind of ['approve', 'withdraw', 'request'] as const) {
          const write = writeReview(text, { kind, role: 'sme' }, CONTEXT);
          if (write.kind === 'refused') assert.match(write.message, /\w/);
        }
        const entry = readEntry('lesson.md', text, DEFAULT_ROLES);
        const frontMatterProblem = lintText(text, config).findings.some(
          (finding) => finding.ruleId === 'front-matter-schema' && /YAML/.test(finding.message),
        );
        if (frontMatterProblem) assert.ok(entry.problem, 'the queue lists a front matter the lint cannot read as a problem');
      });
    }

    it('refuses front matter nested too deep, saying so, at the place it gets too deep', () => {
      const text = FRONT_MATTER_INPUTS[0].make(SMALL);
      const write = writeReview(text, { kind: 'approve', role: 'sme' }, CONTEXT);
      assert.equal(write.kind !== 'refused', false);
      assert.match(write.kind !== 'refused' ? '' : write.message, /front matter nests too deep/);
      // The top-level mapping is the first level, so the 100th `[` is one too many.
      assert.equal(write.kind !== 'refused' ? undefined : write.range?.start, text.indexOf('[') + 99);
      assert.match(readEntry('lesson.md', text, DEFAULT_ROLES).problem ?? '', /nests too deep/);
      const schema = lintText(text, config).findings.find((finding) => finding.ruleId === 'front-matter-schema');
      assert.equal(schema?.range.start.line, 1);
    });

    it('refuses a circular alias and an aliased review block', () => {
      const circular = '---\ntitle: Loops\na: &a [*a]\n---\n\n# Loops\n';
      const write = writeReview(circular, { kind: 'withdraw', role: 'sme' }, CONTEXT);
      assert.match(write.kind !== 'refused' ? '' : write.message, /alias \*a refers to a node that contains it/);
      assert.match(readEntry('loops.md', circular, DEFAULT_ROLES).problem ?? '', /alias/);
      const aliased = '---\nx: &x\n  sme:\n    status: approved\nreview: *x\n---\n\n# Loops\n';
      const withdraw = writeReview(aliased, { kind: 'withdraw', role: 'sme' }, CONTEXT);
      assert.match(withdraw.kind === 'refused' ? withdraw.message : '', /`review` is a YAML alias \(\*x\)/);
    });
  });

  describe('configuration files: refused with a position, or accepted, never a throw', () => {
    for (const input of CONFIG_INPUTS) {
      it(input.name, () => {
        for (const size of [SMALL, 200_000]) {
          const text = input.make(size);
          const result = parseConfig(text, '/course/.coursereview.json', '/course');
          if (!result.ok) assert.ok(result.error.start >= 0 && result.error.end <= text.length + 1, result.error.message);
        }
      });
    }

    it('says where a file nests too deep', () => {
      const text = `{"rules": ${'['.repeat(200)}${']'.repeat(200)}}`;
      const result = parseConfig(text, '/course/.coursereview.json', '/course');
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.error.message, /nesting deeper than 100 levels/);
      assert.equal(result.ok ? -1 : result.error.start, 10 + 99);
    });
  });
});

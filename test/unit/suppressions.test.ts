import assert from 'node:assert/strict';
import { applyEdits, disableFileComment, disableNextLineComment, lintText, parseLesson, type Finding } from '../../src/core';
import { everyPageConfig } from './helpers/fixtures';

const config = everyPageConfig();

/** "line:ruleId" of each finding, 1-based lines, sorted. */
function found(text: string): string[] {
  return lintText(text, config)
    .findings.map((finding) => `${finding.range.start.line + 1}:${finding.ruleId}`)
    .sort();
}

function placeholders(text: string): number[] {
  return lintText(text, config)
    .findings.filter((finding) => finding.ruleId === 'placeholder-text')
    .map((finding) => finding.range.start.line + 1);
}

function firstFinding(text: string, ruleId: string): Finding {
  const finding = lintText(text, config).findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `expected a ${ruleId} finding`);
  return finding;
}

function insert(text: string, at: { start: number; text: string }): string {
  return applyEdits(text, [{ start: at.start, end: at.start, text: at.text }]);
}

/** A lesson with two placeholders (lines 3 and 5) and no objectives, practice, summary or knowledge check (line 1). */
const LESSON = '# Refunds\n\nCustomers can ask within TODO days.\n\nThe form is FIXME.\n';
const WITH_FRONT_MATTER = `---\ntitle: Refunds\n---\n\n${LESSON}`;

describe('suppressions', () => {
  it('finds the placeholders of the sample lesson', () => {
    assert.deepEqual(placeholders(LESSON), [3, 5]);
    assert.ok(found(LESSON).includes('1:objectives-present'));
  });

  describe('disable and enable', () => {
    it('disable turns a rule off from the comment on', () => {
      const text =
        '# Refunds\n\nCustomers can ask within TODO days.\n\n<!-- course-review-disable placeholder-text -->\n\nThe form is FIXME.\n\nAnd TBD.\n';
      assert.deepEqual(placeholders(text), [3]);
      assert.ok(found(text).includes('1:objectives-present'), 'other rules still report');
    });

    it('enable turns it back on', () => {
      const text =
        '# Refunds\n\n<!-- course-review-disable placeholder-text -->\nCustomers can ask within TODO days.\n<!-- course-review-enable placeholder-text -->\n\nThe form is FIXME.\n';
      assert.deepEqual(placeholders(text), [7]);
    });

    it('with no rule ids, disables and enables every rule', () => {
      const text =
        '<!-- course-review-disable -->\n# Refunds\n\nCustomers can ask within TODO days.\n\n<!-- course-review-enable -->\n\nThe form is FIXME.\n';
      assert.deepEqual(found(text), ['8:placeholder-text']);
    });

    it('enable for one rule after disable for all re-enables only that rule', () => {
      const text =
        '<!-- course-review-disable -->\n# Refunds\n\n<!-- course-review-enable placeholder-text -->\n\nCustomers can ask within TODO days.\n';
      assert.deepEqual(found(text), ['6:placeholder-text']);
    });

    it('takes several ids, separated by spaces or commas', () => {
      const text = '<!-- course-review-disable placeholder-text, objectives-present summary-present -->\n' + LESSON;
      const ids = found(text).map((entry) => entry.split(':')[1]);
      assert.ok(!ids.includes('placeholder-text'));
      assert.ok(!ids.includes('objectives-present'));
      assert.ok(!ids.includes('summary-present'));
      assert.ok(ids.includes('practice-present'));
    });

    it('leaves other rules alone', () => {
      const text = '<!-- course-review-disable hook-present -->\n' + LESSON;
      assert.deepEqual(placeholders(text), [4, 6]);
    });
  });

  describe('line scopes', () => {
    it('disable-next-line covers only the line after the comment', () => {
      const text =
        '# Refunds\n\n<!-- course-review-disable-next-line placeholder-text -->\nCustomers can ask within TODO days.\n\nThe form is FIXME.\n';
      assert.deepEqual(placeholders(text), [6]);
    });

    it('disable-next-line does not reach past a blank line', () => {
      const text = '# Refunds\n\n<!-- course-review-disable-next-line placeholder-text -->\n\nCustomers can ask within TODO days.\n';
      assert.deepEqual(placeholders(text), [5]);
    });

    it('disable-next-line after a multi-line comment covers the line after its end', () => {
      const text = '# Refunds\n\n<!--\n  course-review-disable-next-line placeholder-text\n-->\nCustomers can ask within TODO days.\n';
      assert.deepEqual(placeholders(text), []);
    });

    it("disable-line covers the comment's own line", () => {
      const text =
        '# Refunds\n\nCustomers can ask within TODO days. <!-- course-review-disable-line placeholder-text -->\n\nThe form is FIXME.\n';
      assert.deepEqual(placeholders(text), [5]);
    });

    it('disable-line for another rule does not hide the finding', () => {
      const text = '# Refunds\n\nCustomers can ask within TODO days. <!-- course-review-disable-line hook-present -->\n';
      assert.deepEqual(placeholders(text), [3]);
    });
  });

  describe('disable-file', () => {
    it('disables the rule everywhere, wherever the comment is', () => {
      const text = LESSON + '\n<!-- course-review-disable-file placeholder-text -->\n';
      assert.deepEqual(placeholders(text), []);
      assert.ok(found(text).includes('1:objectives-present'));
    });

    it('with no rule ids, disables every rule', () => {
      assert.deepEqual(found('<!-- course-review-disable-file -->\n' + LESSON), []);
    });

    it('with several ids, disables each', () => {
      const ids = found('<!-- course-review-disable-file placeholder-text objectives-present -->\n' + LESSON).map(
        (entry) => entry.split(':')[1],
      );
      assert.ok(!ids.includes('placeholder-text'));
      assert.ok(!ids.includes('objectives-present'));
      assert.ok(ids.includes('summary-present'));
    });
  });

  describe('what is not a directive', () => {
    it('ignores directives inside code', () => {
      const fenced = '# Refunds\n\n```markdown\n<!-- course-review-disable-file -->\n```\n\nCustomers can ask within TODO days.\n';
      assert.deepEqual(placeholders(fenced), [7]);
      const inline = '# Refunds\n\nWrite `<!-- course-review-disable-file -->` to hide TODO findings.\n';
      assert.deepEqual(placeholders(inline), [3]);
    });

    it('ignores words that only start like a directive', () => {
      const text = '<!-- course-review-disabled -->\n<!-- course-review-disable-everything -->\n' + LESSON;
      assert.deepEqual(placeholders(text), [5, 7]);
    });
  });

  describe('inserted comments', () => {
    const variants = {
      'no front matter': LESSON,
      'front matter': WITH_FRONT_MATTER,
      'CRLF, no front matter': LESSON.replace(/\n/g, '\r\n'),
      'CRLF, front matter': WITH_FRONT_MATTER.replace(/\n/g, '\r\n'),
    };

    for (const [name, text] of Object.entries(variants)) {
      const eol = text.includes('\r\n') ? '\r\n' : '\n';

      it(`${name}: "disable for this line" hides that finding only`, () => {
        const before = placeholders(text);
        const target = firstFinding(text, 'placeholder-text');
        const comment = disableNextLineComment(parseLesson(text), target.ruleId, target.start);
        assert.ok(comment.text.endsWith(eol), JSON.stringify(comment.text));
        assert.equal(comment.text.split(/\r?\n/).length, 2, 'inserts exactly one line');
        assert.ok(!/\r?\n/.test(comment.text.slice(0, -eol.length)));
        const after = insert(text, comment);
        assert.equal(after.replace(/\r\n/g, '').includes('\n'), eol === '\n', "keeps the file's line endings");
        assert.deepEqual(placeholders(after), [before[1] + 1], after);
      });

      it(`${name}: "disable for this file" hides every finding of the rule only`, () => {
        const comment = disableFileComment(parseLesson(text), 'placeholder-text');
        assert.ok(comment.text.endsWith(eol));
        const after = insert(text, comment);
        assert.deepEqual(placeholders(after), [], after);
        assert.ok(lintText(after, config).findings.some((finding) => finding.ruleId === 'objectives-present'));
        assert.equal(
          lintText(after, config).findings.filter((finding) => finding.ruleId === 'front-matter-schema').length,
          0,
          'front matter still parses',
        );
        if (name.includes('front matter') && !name.includes('no front matter')) {
          assert.ok(
            after.startsWith(`---${eol}title: Refunds${eol}---${eol}<!-- course-review-disable-file placeholder-text -->${eol}`),
            JSON.stringify(after),
          );
          assert.deepEqual(parseLesson(after).frontMatter?.data, { title: 'Refunds' });
        } else {
          assert.ok(after.startsWith(`<!-- course-review-disable-file placeholder-text -->${eol}`), JSON.stringify(after));
        }
      });
    }

    it('indents the inserted line like a quote or list item', () => {
      for (const text of [
        '# Refunds\n\n> Customers can ask\n> within TODO days.\n',
        '# Refunds\n\n- Customers can ask\n  within TODO days.\n',
        '# Refunds\n\n1. Item\n\n   > within TODO days.\n',
      ]) {
        const target = firstFinding(text, 'placeholder-text');
        const after = insert(text, disableNextLineComment(parseLesson(text), target.ruleId, target.start));
        assert.deepEqual(placeholders(after), [], after);
        const insertedLine = after.split('\n')[target.range.start.line];
        assert.equal(insertedLine.slice(0, insertedLine.indexOf('<!--')), text.split('\n')[target.range.start.line].match(/^[ \t>]*/)?.[0]);
      }
    });

    it('disable for this file works on a file that is only front matter without a final line break', () => {
      const text = '---\ntitle: TODO\n---';
      const after = insert(text, disableFileComment(parseLesson(text), 'objectives-present'));
      assert.ok(!found(after).some((entry) => entry.endsWith(':objectives-present')), after);
      assert.deepEqual(parseLesson(after).frontMatter?.data, { title: 'TODO' });
    });
  });
});

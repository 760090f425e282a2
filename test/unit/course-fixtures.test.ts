import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from '../../src/cli/run';
import { expectedFindings, FIXTURES } from './helpers/fixtures';

const COURSES = join(FIXTURES, 'courses');
/** The rules a course fixture is about; its `.coursereview.json` switches them on. */
const COURSE_RULES = new Set([
  'objectives-present',
  'practice-present',
  'summary-present',
  'knowledge-check-present',
  'hook-present',
  'practice-feedback',
]);

interface Row {
  file: string;
  pageType: string;
  ruleId: string;
  line: number;
  message: string;
}

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : /\.(?:md|mdx)$/.test(name) ? [path] : [];
  });
}

async function lint(folder: string, ...paths: string[]): Promise<Row[]> {
  let out = '';
  let err = '';
  const code = await run(['lint', ...(paths.length > 0 ? paths : ['.']), '--format', 'json', '--today', '2026-11-28'], {
    cwd: folder,
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
  });
  assert.ok(code < 2, err);
  return JSON.parse(out) as Row[];
}

/**
 * Whole course trees, each with its table of contents (or folders), checked as the CLI checks a
 * course: `<!-- expect: rule -->` marks the line each finding of the course rules must start on.
 */
describe('course fixtures', () => {
  for (const name of readdirSync(COURSES)) {
    const folder = join(COURSES, name);
    it(`${name}: reports exactly the marked lines`, async () => {
      const rows = (await lint(folder)).filter((row) => COURSE_RULES.has(row.ruleId));
      const expected = files(folder).flatMap((file) =>
        expectedFindings(readFileSync(file, 'utf8')).map((marker) => `${relative(folder, file)}:${marker}`),
      );
      assert.deepEqual(
        rows.map((row) => `${row.file}:${row.line}:${row.ruleId}`).sort(),
        expected.sort(),
        rows.map((row) => `${row.file}:${row.line} [${row.pageType}] ${row.message}`).join('\n'),
      );
    });
  }

  it('a module whose overview states objectives covers its section pages; without them, one finding names the module and the pages searched', async () => {
    const rows = await lint(join(COURSES, 'hf-units'));
    const unit2 = rows.filter((row) => row.ruleId === 'objectives-present');
    assert.equal(unit2.length, 1);
    assert.equal(unit2[0].file, 'units/en/unit2/introduction.mdx');
    assert.equal(unit2[0].pageType, 'overview');
    assert.match(
      unit2[0].message,
      /^No learning objectives in the module "Unit 2\. Escalations": none of its pages has one, and no overview covers the module \(searched introduction\.mdx, when-to-escalate\.mdx, who-to-call\.mdx\)/,
    );
  });

  it('lints one page of a module with its module: the other pages are read but not reported', async () => {
    const rows = await lint(join(COURSES, 'hf-units'), 'units/en/unit1/refund-policy.mdx');
    assert.deepEqual(
      rows.filter((row) => COURSE_RULES.has(row.ruleId)),
      [],
      'the overview, the lab, the quiz and the conclusion cover it',
    );
    const alone = await lint(join(COURSES, 'hf-units'), 'units/en/unit2/introduction.mdx');
    assert.ok(alone.every((row) => row.file === 'units/en/unit2/introduction.mdx'));
    assert.equal(alone.filter((row) => row.ruleId === 'knowledge-check-present').length, 1);
  });

  it('gives each page its type in the JSON output', async () => {
    const types = new Map((await lint(join(COURSES, 'labs'))).map((row) => [row.file, row.pageType]));
    assert.equal(types.get('Instructions/Labs/02-no-check.md'), 'lab');
    assert.equal(types.get('Instructions/Labs/03-no-goal.md'), 'lab');
  });
});

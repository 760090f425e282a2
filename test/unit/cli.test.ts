import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/core';
import { useCliFolder } from './helpers/cliFolder';

const REPO = join(__dirname, '..', '..');

/** A lesson with warnings and info findings only. */
const WARNINGS_ONLY = '# Refunds\n\nCustomers can ask for a refund within TODO days.\n';
/** A lesson with no findings at the default severities. */
const CLEAN = `---
title: Refunds
objectives:
  - Explain the refund policy to a caller
keypoints:
  - Refunds take thirty days
review:
  sme:
    status: requested
    reviewer: Priya Patel
---

# Refunds

Imagine a caller who wants a refund. What do you say?

## Exercise

Role-play a refund call with a partner.

<details>
<summary>Solution</summary>

Say how long it takes and what happens next.

</details>

## Check your understanding

1. How long does a refund take?

<details>
<summary>Answer</summary>

Thirty days.

</details>
`;
const BROKEN_YAML = '---\ntitle: Refunds: the basics\n---\n\n# Refunds\n';

interface JsonFinding {
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

describe('cli', () => {
  const temp = useCliFolder('course-review-cli-');
  const { write, cli } = temp;

  async function json(...argv: string[]): Promise<{ code: number; findings: JsonFinding[] }> {
    const result = await cli(...argv, '--format', 'json');
    assert.equal(result.stderr, '');
    return { code: result.code, findings: JSON.parse(result.stdout) as JsonFinding[] };
  }

  describe('--format json', () => {
    it('prints one array of findings with 1-based positions and the file relative to the working directory', async () => {
      write('course/unit 1/refunds.md', WARNINGS_ONLY);
      const { code, findings } = await json('lint', 'course');
      assert.equal(code, 0);
      assert.ok(findings.length > 0);
      for (const finding of findings) {
        assert.deepEqual(Object.keys(finding).sort(), [
          'column',
          'endColumn',
          'endLine',
          'file',
          'line',
          'message',
          'pageType',
          'ruleId',
          'severity',
        ]);
        assert.equal(finding.file, 'course/unit 1/refunds.md');
        assert.ok(finding.line >= 1 && finding.column >= 1, JSON.stringify(finding));
      }
      const placeholder = findings.find((finding) => finding.ruleId === 'placeholder-text');
      assert.deepEqual(
        placeholder && {
          line: placeholder.line,
          column: placeholder.column,
          endLine: placeholder.endLine,
          endColumn: placeholder.endColumn,
          severity: placeholder.severity,
        },
        {
          line: 3,
          column: WARNINGS_ONLY.split('\n')[2].indexOf('TODO') + 1,
          endLine: 3,
          endColumn: WARNINGS_ONLY.split('\n')[2].indexOf('TODO') + 5,
          severity: 'warning',
        },
      );
    });

    it('gives the same positions for a CRLF file with a byte-order mark as for LF', async () => {
      write('lf.md', WARNINGS_ONLY);
      write('crlf.md', `\uFEFF${WARNINGS_ONLY.replace(/\n/g, '\r\n')}`);
      const { findings } = await json('lint', 'lf.md', 'crlf.md');
      const positions = (file: string) => findings.filter((finding) => finding.file === file).map(({ file: _file, ...rest }) => rest);
      assert.ok(positions('lf.md').length > 0);
      assert.deepEqual(positions('crlf.md'), positions('lf.md'));
    });

    it('reports a binary .md file as skipped, with exit 0', async () => {
      writeFileSync(join(temp.path, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
      const { code, findings } = await json('lint', 'image.md');
      assert.equal(code, 0);
      assert.deepEqual(
        findings.map((finding) => [finding.ruleId, finding.severity, finding.line, finding.column]),
        [['lesson-skipped', 'info', 1, 1]],
      );
    });

    it('prints an empty array when there is nothing to report', async () => {
      write('refunds.md', CLEAN);
      const result = await cli('lint', 'refunds.md', '--format', 'json');
      assert.equal(result.code, 0);
      assert.deepEqual(JSON.parse(result.stdout), []);
    });
  });

  describe('exit codes', () => {
    it('exits 0 with warnings only', async () => {
      write('refunds.md', WARNINGS_ONLY);
      const { code, findings } = await json('lint', 'refunds.md');
      assert.equal(code, 0);
      assert.ok(findings.some((finding) => finding.severity === 'warning'));
      assert.ok(!findings.some((finding) => finding.severity === 'error'));
    });

    it('exits 1 when a lesson has an error (broken YAML)', async () => {
      write('refunds.md', BROKEN_YAML);
      const { code, findings } = await json('lint', 'refunds.md');
      assert.equal(code, 1);
      const error = findings.find((finding) => finding.ruleId === 'front-matter-schema');
      assert.equal(error?.severity, 'error');
      assert.equal(error?.line, 2);
    });

    it('exits 1 with --max-warnings 0 and a warning, saying why', async () => {
      write('refunds.md', WARNINGS_ONLY);
      const result = await cli('lint', 'refunds.md', '--max-warnings', '0');
      assert.equal(result.code, 1);
      assert.match(result.stderr, /warnings/i);
    });

    it('exits 0 when the warnings are within --max-warnings', async () => {
      write('refunds.md', WARNINGS_ONLY);
      const result = await cli('lint', 'refunds.md', '--max-warnings', '100');
      assert.equal(result.code, 0);
    });

    const usageErrors: Array<[string, string[], RegExp]> = [
      ['an unknown flag', ['lint', '--fast', 'refunds.md'], /--fast/],
      ['an unknown format', ['lint', 'refunds.md', '--format', 'xml'], /xml/],
      ['a missing path', ['lint', 'missing.md'], /missing\.md/],
      ['a word for --max-warnings', ['lint', 'refunds.md', '--max-warnings', 'some'], /max-warnings/],
      ['a negative --max-warnings', ['lint', 'refunds.md', '--max-warnings=-1'], /max-warnings/],
      ['a fractional --max-warnings', ['lint', 'refunds.md', '--max-warnings', '1.5'], /max-warnings/],
      ['an empty --max-warnings', ['lint', 'refunds.md', '--max-warnings='], /max-warnings/],
      ['an unknown command', ['check', 'refunds.md'], /check/],
    ];
    for (const [name, argv, message] of usageErrors) {
      it(`exits 2 on ${name}, with a message on stderr and nothing on stdout`, async () => {
        write('refunds.md', WARNINGS_ONLY);
        const result = await cli(...argv);
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, message);
        assert.match(result.stderr, /^course-review: [^\n]+\nRun course-review (?:lint )?--help for usage\.\n$/);
        assert.equal(result.stdout, '');
      });
    }

    it('prints help and the version', async () => {
      const help = await cli('--help');
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: course-review COMMAND \[options\]\n/);
      assert.match(help.stdout, /\n {2}course-review lint \[paths or globs…\] \[options\]\n/);
      const version = await cli('--version');
      assert.equal(version.code, 0);
      assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    });
  });

  describe('configuration', () => {
    it('exits 2 on an invalid .coursereview.json, naming the file and line', async () => {
      write('.coursereview.json', '{\n  // team rules\n  "rules": {\n    "objectives-presnt": "error"\n  }\n}\n');
      write('refunds.md', WARNINGS_ONLY);
      const result = await cli('lint', 'refunds.md');
      assert.equal(result.code, 2);
      assert.ok(result.stderr.includes(`${join(temp.path, '.coursereview.json')}:4:`), result.stderr);
      assert.match(result.stderr, /did you mean "objectives-present"/);
      assert.equal(result.stdout, '');
    });

    it('uses the nearest .coursereview.json', async () => {
      write('.coursereview.json', '{ "rules": { "placeholder-text": "error" } }');
      write('course/.coursereview.json', '{ "rules": { "placeholder-text": "off" } }');
      write('top.md', WARNINGS_ONLY);
      write('course/inner.md', WARNINGS_ONLY);
      const { code, findings } = await json('lint', '.');
      assert.equal(code, 1);
      assert.deepEqual(
        findings.filter((finding) => finding.ruleId === 'placeholder-text').map((finding) => `${finding.file} ${finding.severity}`),
        ['top.md error'],
      );
    });

    it('--config FILE replaces the nearest config', async () => {
      write('.coursereview.json', '{ "rules": { "placeholder-text": "off" } }');
      write('ci/strict.json', '{ "extends": "strict" }');
      write('refunds.md', WARNINGS_ONLY);
      const { code, findings } = await json('lint', 'refunds.md', '--config', 'ci/strict.json');
      assert.equal(code, 1);
      assert.equal(findings.find((finding) => finding.ruleId === 'placeholder-text')?.severity, 'error');
    });

    it('--config with a missing or invalid file exits 2, naming it', async () => {
      write('refunds.md', WARNINGS_ONLY);
      const missing = await cli('lint', 'refunds.md', '--config', 'nope.json');
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.json/);
      write('bad.json', '{ "rules": ');
      const invalid = await cli('lint', 'refunds.md', '--config', 'bad.json');
      assert.equal(invalid.code, 2);
      assert.match(invalid.stderr, /bad\.json:1:/);
    });
  });

  describe('paths', () => {
    beforeEach(() => {
      write('course/README.md', WARNINGS_ONLY);
      write('README.md', WARNINGS_ONLY);
      write('course/CHANGELOG.md', WARNINGS_ONLY);
      write('course/intro.md', WARNINGS_ONLY);
      write('course/unit1/loops.markdown', WARNINGS_ONLY);
      write('course/.docs/extra.md', WARNINGS_ONLY);
      write('course/notes.txt', 'TODO');
      write('course/node_modules/pkg/doc.md', WARNINGS_ONLY);
    });

    async function files(...argv: string[]): Promise<string[]> {
      const { findings } = await json('lint', ...argv);
      return [...new Set(findings.map((finding) => finding.file))].sort();
    }

    it('a folder means its lessons only (a README in a course folder is one; the one at the root is not)', async () => {
      assert.deepEqual(await files('course'), [
        'course/.docs/extra.md',
        'course/README.md',
        'course/intro.md',
        'course/unit1/loops.markdown',
      ]);
    });

    it('the working directory is the default', async () => {
      assert.deepEqual(await files(), ['course/.docs/extra.md', 'course/README.md', 'course/intro.md', 'course/unit1/loops.markdown']);
    });

    it('a file named explicitly is linted even when it is not a lesson', async () => {
      assert.deepEqual(await files('course/README.md'), ['course/README.md']);
    });

    it('a folder follows the `lessons` globs of its config', async () => {
      write('course/.coursereview.json', '{ "lessons": ["unit1/**/*.markdown"] }');
      assert.deepEqual(await files('course'), ['course/unit1/loops.markdown']);
    });

    it('a glob means the files it matches', async () => {
      assert.deepEqual(await files('course/*.md'), ['course/CHANGELOG.md', 'course/README.md', 'course/intro.md']);
      assert.deepEqual(await files('course/**/*.markdown'), ['course/unit1/loops.markdown']);
    });

    it('a glob that matches nothing is a usage error', async () => {
      const result = await cli('lint', 'course/*.mdx');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /course\/\*\.mdx/);
    });
  });

  describe('--format sarif', () => {
    it('prints SARIF 2.1.0 with the rules and a result per finding', async () => {
      write('refunds.md', BROKEN_YAML);
      const result = await cli('lint', 'refunds.md', '--format', 'sarif');
      assert.equal(result.code, 1);
      const sarif = JSON.parse(result.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif/);
      assert.equal(sarif.runs.length, 1);
      const [sarifRun] = sarif.runs;
      assert.equal(sarifRun.tool.driver.name, 'course-review');
      assert.deepEqual(
        sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id),
        RULES.map((rule) => rule.id),
      );
      for (const rule of sarifRun.tool.driver.rules) {
        assert.ok(rule.shortDescription.text.length > 0);
        assert.match(rule.helpUri, new RegExp(`${rule.id}\\.md$`));
      }
      const ids = new Set(RULES.map((rule) => rule.id));
      assert.ok(sarifRun.results.length > 0);
      for (const finding of sarifRun.results) {
        assert.ok(ids.has(finding.ruleId));
        assert.ok(['error', 'warning', 'note', 'none'].includes(finding.level), finding.level);
        assert.ok(finding.message.text.length > 0);
        const location = finding.locations[0].physicalLocation;
        assert.equal(location.artifactLocation.uri, 'refunds.md');
        assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
      }
      const error = sarifRun.results.find((finding: { ruleId: string }) => finding.ruleId === 'front-matter-schema');
      assert.equal(error.level, 'error');
      assert.equal(error.locations[0].physicalLocation.region.startLine, 2);
    });
  });

  describe('--format text', () => {
    it('lists the file, then line:column, severity, message and rule id, then a count', async () => {
      write('refunds.md', WARNINGS_ONLY);
      const result = await cli('lint', 'refunds.md');
      assert.equal(result.code, 0);
      const lines = result.stdout.split('\n');
      assert.equal(lines[0], 'refunds.md');
      const column = WARNINGS_ONLY.split('\n')[2].indexOf('TODO') + 1;
      const placeholder = lines.find((line) => line.trimEnd().endsWith('placeholder-text'));
      assert.ok(placeholder, result.stdout);
      assert.match(placeholder, new RegExp(`^\\s+3:${column}\\s+warning\\s+Unexpected placeholder "TODO".*\\s+placeholder-text$`));
      assert.match(result.stdout, /\d+ findings? \(0 errors, \d+ warnings?, \d+ info\) in 1 lesson\.\n$/);
    });

    it('says when there are no findings', async () => {
      write('refunds.md', CLEAN);
      const result = await cli('lint', 'refunds.md');
      assert.equal(result.code, 0);
      assert.equal(result.stdout, 'No findings in 1 lesson.\n');
    });
  });

  describe('entry point', () => {
    it('runs as a process: node --import tsx src/cli/main.ts lint <file> --format json', () => {
      write('refunds.md', BROKEN_YAML);
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'lint', join(temp.path, 'refunds.md'), '--format', 'json'],
        { cwd: REPO, encoding: 'utf8', timeout: 60_000 },
      );
      assert.equal(child.error, undefined);
      assert.equal(child.status, 1, child.stderr);
      const findings = JSON.parse(child.stdout) as JsonFinding[];
      assert.ok(findings.length > 0);
      assert.ok(findings.every((finding) => finding.file.endsWith('refunds.md')));
      assert.ok(findings.some((finding) => finding.ruleId === 'front-matter-schema' && finding.severity === 'error' && finding.line === 2));
    });
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { relative } from 'node:path';
import {
  compileLessonGlobs,
  ConfigLoader,
  isLesson,
  parseConfig,
  resolveConfig,
  RULES,
  starterConfig,
  type ConfigError,
  type ConfigResult,
  type ResolvedConfig,
} from '../../src/core';

const FILE = '/course/.coursereview.json';

function config(text: string): ResolvedConfig {
  const result = parseConfig(text, FILE, '/course');
  if (!result.ok) assert.fail(`unexpected error: ${result.error.message}`);
  return result.config;
}

function error(text: string): ConfigError {
  const result = parseConfig(text, FILE, '/course');
  if (result.ok) assert.fail('expected an error');
  assert.equal(result.error.file, FILE);
  return result.error;
}

function severities(resolved: ResolvedConfig): Record<string, string> {
  return Object.fromEntries([...resolved.rules].map(([id, rule]) => [id, rule.severity]));
}

describe('configuration', () => {
  it('the starter configuration reads without a problem: recommended rules and the three review roles to fill in', () => {
    const parsed = parseConfig(starterConfig(), '/course/.coursereview.json', '/course');
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    assert.deepEqual(
      parsed.config.roles.map((role) => [role.name, role.required, role.reviewers.length]),
      [
        ['sme', 'always', 0],
        ['legal', 'when-triggered', 0],
        ['marketing', 'when-triggered', 0],
      ],
    );
    assert.deepEqual(
      [...parsed.config.rules.keys()],
      [...resolveConfig(undefined, undefined, '/course').rules.keys()],
      'the recommended rules',
    );
  });

  describe('parseConfig', () => {
    it('accepts JSON with comments and trailing commas', () => {
      const resolved = config(`// team settings
{
  /* turn the hook rule off */
  "rules": {
    "hook-present": "off", // noisy for reference pages
  },
}`);
      assert.ok(!resolved.rules.has('hook-present'));
      assert.ok(resolved.rules.has('objectives-present'));
      assert.equal(resolved.file, FILE);
      assert.equal(resolved.baseDir, '/course');
    });

    it('uses every rule at its default severity with no file', () => {
      const resolved = resolveConfig(undefined, undefined, '/course');
      const expected = Object.fromEntries(
        RULES.filter((rule) => rule.defaultSeverity !== 'off').map((rule) => [rule.id, rule.defaultSeverity]),
      );
      assert.deepEqual(severities(resolved), expected);
      assert.equal(resolved.maxLessonSize, 1_000_000);
      assert.equal(resolved.file, undefined);
    });

    it('sets each severity, or turns a rule off', () => {
      const resolved = config(
        '{ "rules": { "objectives-present": "error", "practice-present": "info", "summary-present": "hint", "hook-present": "warning", "placeholder-text": "off" } }',
      );
      const actual = severities(resolved);
      assert.equal(actual['objectives-present'], 'error');
      assert.equal(actual['practice-present'], 'info');
      assert.equal(actual['summary-present'], 'hint');
      assert.equal(actual['hook-present'], 'warning');
      assert.equal(actual['placeholder-text'], undefined);
    });

    it('fills option defaults for [severity, options]', () => {
      const resolved = config('{ "rules": { "objectives-present": ["error", { "headings": ["^Aims$"] }], "hook-present": ["warning"] } }');
      assert.deepEqual(resolved.rules.get('objectives-present'), {
        severity: 'error',
        options: { headings: ['^Aims$'], classes: [], frontMatterKeys: [], minWords: 200, scope: 'module' },
      });
      assert.deepEqual(resolved.rules.get('hook-present'), {
        severity: 'warning',
        options: { headings: [], classes: [], frontMatterKeys: [], minWords: 200, words: 200, scope: 'module' },
      });
    });

    it('gives rules left out of the file their default options', () => {
      const resolved = config('{}');
      assert.deepEqual(resolved.rules.get('practice-feedback')?.options, {
        solutionHeadings: [],
        solutionClasses: [],
        exempt: ['discussion'],
      });
    });

    it('rejects an option of the wrong type, pointing at the rule', () => {
      const text = '{ "rules": { "hook-present": ["warning", { "words": "many" }] } }';
      const problem = error(text);
      assert.match(problem.message, /hook-present/);
      assert.ok(
        problem.start >= text.indexOf('"hook-present"') && problem.end <= text.lastIndexOf('}'),
        text.slice(problem.start, problem.end),
      );
    });

    it("rejects an unknown option, suggesting the rule's own options", () => {
      const text = '{ "rules": { "objectives-present": ["warning", { "heading": ["^Aims$"] }] } }';
      const problem = error(text);
      assert.match(problem.message, /"heading"/);
      assert.match(problem.message, /did you mean "headings"/);
      assert.equal(text.slice(problem.start, problem.end), '"heading"');
    });

    it('rejects an unknown severity', () => {
      const text = '{ "rules": { "objectives-present": "loud" } }';
      const problem = error(text);
      assert.match(problem.message, /objectives-present/);
      assert.equal(text.slice(problem.start, problem.end), '"loud"');
    });

    it('raises severities with extends: "strict"', () => {
      const strict = severities(config('{ "extends": "strict" }'));
      const recommended = severities(config('{ "extends": "recommended" }'));
      const rank = { hint: 0, info: 1, warning: 2, error: 3 } as Record<string, number>;
      assert.deepEqual(Object.keys(strict).sort(), Object.keys(recommended).sort());
      for (const id of Object.keys(recommended)) {
        assert.ok(rank[strict[id]] >= rank[recommended[id]], id);
        if (recommended[id] !== 'error') assert.ok(rank[strict[id]] > rank[recommended[id]], `${id} is stricter`);
      }
      assert.equal(strict['objectives-present'], 'error');
      assert.equal(strict['hook-present'], 'warning');
    });

    it("lets the file's rules override the preset", () => {
      const resolved = severities(config('{ "extends": "strict", "rules": { "objectives-present": "info", "hook-present": "off" } }'));
      assert.equal(resolved['objectives-present'], 'info');
      assert.equal(resolved['hook-present'], undefined);
      assert.equal(resolved['summary-present'], 'error');
    });

    it('reads lessons and maxLessonSize', () => {
      const resolved = config('{ "lessons": ["lessons/**/*.md"], "maxLessonSize": 5000 }');
      assert.deepEqual(resolved.lessons, ['lessons/**/*.md']);
      assert.equal(resolved.maxLessonSize, 5000);
    });

    it('rejects an unknown rule id, suggesting the closest one, at the key', () => {
      const text = '{\n  "rules": {\n    "objectives-presnt": "error"\n  }\n}';
      const problem = error(text);
      assert.match(problem.message, /did you mean "objectives-present"/);
      assert.equal(problem.start, text.indexOf('"objectives-presnt"'));
      assert.equal(text.slice(problem.start, problem.end), '"objectives-presnt"');
      assert.deepEqual(problem.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 23 } });
    });

    it('lists the rule ids when no id is close', () => {
      const problem = error('{ "rules": { "zzzzzzzzzzzz": "error" } }');
      assert.doesNotMatch(problem.message, /did you mean/);
      for (const rule of RULES) assert.match(problem.message, new RegExp(`"${rule.id}"`));
    });

    it('rejects an unknown top-level key, suggesting the closest one', () => {
      const text = '{ "extend": "strict" }';
      const problem = error(text);
      assert.match(problem.message, /did you mean "extends"/);
      assert.equal(text.slice(problem.start, problem.end), '"extend"');
    });

    it('rejects a JSON syntax error, with its offset', () => {
      const text = '{ "rules": { "hook-present": "off" ';
      const problem = error(text);
      assert.match(problem.message, /CloseBraceExpected/);
      assert.equal(problem.start, text.length);
      const missingValue = '{ "rules": { "hook-present": } }';
      assert.equal(error(missingValue).start, missingValue.indexOf('}'));
    });

    it('rejects a value that is not an object, with its range', () => {
      const text = '["not", "an", "object"]';
      const problem = error(text);
      assert.deepEqual([problem.start, problem.end], [0, text.length]);
    });

    it('never throws, whatever the text', () => {
      const check = (text: string) => {
        const result: ConfigResult = parseConfig(text, FILE, '/course');
        if (!result.ok) {
          assert.ok(result.error.message.length > 0);
          assert.ok(
            0 <= result.error.start && result.error.start <= result.error.end && result.error.end <= text.length + 1,
            JSON.stringify(result.error),
          );
        }
      };
      const ruleIds = fc.constantFrom(
        ...RULES.map((rule) => rule.id),
        'rules',
        'extends',
        'lessons',
        'maxLessonSize',
        '__proto__',
        'constructor',
      );
      const settings = fc.oneof(fc.constantFrom('off', 'info', 'warning', 'error', 'hint', 'strict'), fc.jsonValue());
      const configs = fc.dictionary(ruleIds, settings).map((rules) => JSON.stringify({ rules }));
      fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), configs), check), { numRuns: 300 });
      for (const text of [
        '',
        ' ',
        'null',
        '0',
        '{',
        '}',
        '{"rules": null}',
        '{"rules": {"__proto__": "off"}}',
        '{"extends": ["strict", "nope"]}',
        '/* only a comment */',
      ])
        check(text);
    });
  });

  describe('ConfigLoader', () => {
    function host(files: Record<string, string>) {
      const reads: string[] = [];
      const map = new Map(Object.entries(files));
      const readFile = (path: string) => {
        reads.push(path);
        return map.get(path);
      };
      return { map, reads, readFile };
    }

    it('uses the nearest config file, relative to its folder', () => {
      const files = host({
        '/ws/.coursereview.json': '{ "rules": { "hook-present": "error" } }',
        '/ws/course/.coursereview.json': '{ "rules": { "hook-present": "off" } }',
      });
      const loader = new ConfigLoader(files, ['/ws']);
      const inner = loader.forFile('/ws/course/unit1/lesson.md');
      const outer = loader.forFile('/ws/other/lesson.md');
      assert.ok(inner.ok && outer.ok);
      assert.equal(inner.config.file, '/ws/course/.coursereview.json');
      assert.equal(inner.config.baseDir, '/ws/course');
      assert.ok(!inner.config.rules.has('hook-present'));
      assert.equal(outer.config.file, '/ws/.coursereview.json');
      assert.equal(outer.config.rules.get('hook-present')?.severity, 'error');
    });

    it('stops at the root', () => {
      const files = host({ '/.coursereview.json': '{ "rules": { "hook-present": "error" } }' });
      const result = new ConfigLoader(files, ['/ws']).forFile('/ws/course/lesson.md');
      assert.ok(result.ok);
      assert.equal(result.config.file, undefined);
      assert.equal(result.config.baseDir, '/ws');
      assert.deepEqual(files.reads, ['/ws/course/.coursereview.json', '/ws/.coursereview.json']);
    });

    it('uses the innermost of nested roots', () => {
      const files = host({ '/ws/.coursereview.json': '{}' });
      const result = new ConfigLoader(files, ['/ws', '/ws/course']).forFile('/ws/course/lesson.md');
      assert.ok(result.ok);
      assert.equal(result.config.file, undefined);
      assert.equal(result.config.baseDir, '/ws/course');
    });

    it('treats a folder whose name starts with two dots as inside the root', () => {
      const files = host({ '/.coursereview.json': '{ "rules": { "hook-present": "error" } }' });
      const result = new ConfigLoader(files, ['/ws']).forFile('/ws/..drafts/lesson.md');
      assert.ok(result.ok);
      assert.equal(result.config.file, undefined);
      assert.equal(result.config.baseDir, '/ws');
    });

    it('gives defaults when there is no config', () => {
      const result = new ConfigLoader(host({}), ['/ws']).forFile('/ws/a/b/lesson.md');
      assert.ok(result.ok);
      assert.deepEqual(severities(result.config), severities(resolveConfig(undefined, undefined, '/ws')));
    });

    it('without a config or a root, globs are relative to the top, so .github is still excluded', () => {
      const result = new ConfigLoader(host({})).forFile('/repo/.github/ISSUE_TEMPLATE/bug.md');
      assert.ok(result.ok);
      assert.equal(isLesson(result.config, relative(result.config.baseDir, '/repo/.github/ISSUE_TEMPLATE/bug.md')), false);
    });

    it("a sibling folder reuses its parent's lookup instead of reading every parent again", () => {
      const files = host({ '/ws/.coursereview.json': '{}' });
      const loader = new ConfigLoader(files, ['/ws']);
      const first = loader.forFile('/ws/course/a/lesson.md');
      const reads = files.reads.length;
      const second = loader.forFile('/ws/course/b/lesson.md');
      assert.equal(files.reads.length, reads + 1);
      assert.equal(second, first);
    });

    it('caches per folder, and reloads after clear()', () => {
      const files = host({ '/ws/.coursereview.json': '{ "rules": { "hook-present": "error" } }' });
      const loader = new ConfigLoader(files, ['/ws']);
      const first = loader.forFile('/ws/lesson-1.md');
      const readsAfterFirst = files.reads.length;
      const second = loader.forFile('/ws/lesson-2.md');
      assert.equal(files.reads.length, readsAfterFirst);
      assert.equal(second, first);

      files.map.set('/ws/.coursereview.json', '{ "rules": { "hook-present": "off" } }');
      const stale = loader.forFile('/ws/lesson-1.md');
      assert.ok(stale.ok && stale.config.rules.has('hook-present'));
      loader.clear();
      const fresh = loader.forFile('/ws/lesson-1.md');
      assert.ok(fresh.ok && !fresh.config.rules.has('hook-present'));
      assert.ok(files.reads.length > readsAfterFirst);
    });

    it('returns the error of an invalid config file', () => {
      const files = host({ '/ws/.coursereview.json': '{ "rules": { "objectives-presnt": "error" } }' });
      const result = new ConfigLoader(files, ['/ws']).forFile('/ws/lesson.md');
      assert.ok(!result.ok);
      assert.equal(result.error.file, '/ws/.coursereview.json');
      assert.match(result.error.message, /objectives-present/);
    });
  });

  describe('which files are lessons', () => {
    const defaults = resolveConfig(undefined, undefined, '/ws');

    it('skips the root README, and CHANGELOG, LICENSE and CONTRIBUTING in any case and folder', () => {
      for (const path of [
        'README.md',
        'readme.md',
        'CHANGELOG.md',
        'a/b/changelog.md',
        'LICENSE.md',
        'unit/License.md',
        'CONTRIBUTING.md',
        'x/contributing.md',
      ]) {
        assert.equal(isLesson(defaults, path), false, path);
      }
    });

    it('takes a README in a course folder: it is often the lesson itself', () => {
      for (const path of ['docs/ReadMe.md', 'lesson-1/README.md']) assert.equal(isLesson(defaults, path), true, path);
    });

    it('takes other Markdown files, dotted folders included', () => {
      for (const path of [
        'intro.md',
        'unit1/lesson.md',
        'unit1/lesson.markdown',
        'unit1/lesson.mdx',
        '.docs/intro.md',
        'a/.hidden/b.md',
        'README-first.md',
        'Intro.MD',
      ]) {
        assert.equal(isLesson(defaults, path), true, path);
      }
    });

    it('skips dependencies, git and GitHub folders, other extensions and paths outside the base', () => {
      for (const path of [
        'node_modules/pkg/lesson.md',
        '.git/x.md',
        '.github/ISSUE_TEMPLATE/bug.md',
        'notes.txt',
        '../elsewhere/lesson.md',
      ]) {
        assert.equal(isLesson(defaults, path), false, path);
      }
    });

    it('accepts Windows separators and a leading ./', () => {
      assert.equal(isLesson(defaults, 'unit1\\lesson.md'), true);
      assert.equal(isLesson(defaults, './unit1/lesson.md'), true);
      assert.equal(isLesson(defaults, '.\\README.md'), false);
    });

    it('follows `lessons` globs with ! exclusions', () => {
      const matches = compileLessonGlobs(['lessons/**/*.md', 'extras/*.md', '!lessons/drafts/**', '!**/_*.md']);
      assert.equal(matches('lessons/unit1/intro.md'), true);
      assert.equal(matches('extras/glossary.md'), true);
      assert.equal(matches('lessons/drafts/intro.md'), false);
      assert.equal(matches('lessons/unit1/_partial.md'), false);
      assert.equal(matches('extras/deep/glossary.md'), false);
      assert.equal(matches('notes/intro.md'), false);
    });

    it('takes nothing when every glob is an exclusion', () => {
      assert.equal(compileLessonGlobs(['!README.md'])('intro.md'), false);
    });

    it('reads the globs of a config file', () => {
      const resolved = config('{ "lessons": ["episodes/*.md"] }');
      assert.equal(isLesson(resolved, 'episodes/01-intro.md'), true);
      assert.equal(isLesson(resolved, 'index.md'), false);
    });
  });
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { lintText, resolveConfig, triggerCounts, triggerRules, type ResolvedConfig } from '../../src/core';
import { confirmedInBlocks } from '../../src/core/queue/blockCheck';
import { possibleTriggers } from '../../src/core/queue/triggers';
import { FIXTURES } from './helpers/fixtures';

const config = resolveConfig(undefined, undefined, '/');
const ids = triggerRules(config);
const triggersOnly: ResolvedConfig = { ...config, rules: new Map([...config.rules].filter(([id]) => ids.includes(id))) };

function confirmed(text: string): string[] {
  const possible = possibleTriggers(text, ids, config);
  return [...confirmedInBlocks(text, possible, config, (block) => possibleTriggers(block, possible, config))].sort();
}

/** The trigger rules a lint of the whole lesson finds something with. */
function linted(text: string): string[] {
  return [...new Set(lintText(text, triggersOnly).findings.map((finding) => finding.ruleId))].sort();
}

function counted(text: string): string[] {
  return [...triggerCounts(text, config).keys()].sort();
}

const STATISTIC = 'Agents who follow the script resolve 40% more calls than those who do not.';

function lesson(...blocks: string[]): string {
  return [
    '---',
    'title: Handling calls',
    '---',
    '',
    '# Handling calls',
    '',
    'Callers want an answer fast.',
    '',
    ...blocks.flatMap((block) => [block, '']),
  ].join('\n');
}

describe("the queue's check of a claim in its own block", () => {
  it('confirms a claim from its block in a lesson whose blocks read alone as they do in it', () => {
    const text = lesson('## The script', '', STATISTIC, '', 'Greet the caller by name.');
    assert.deepEqual(confirmed(text), ['claim-uncited-statistic']);
    assert.deepEqual(counted(text), linted(text));
    assert.deepEqual(counted(text), ['claim-uncited-statistic']);
  });

  it('confirms it between <details> blocks, which end at an empty line', () => {
    const text = lesson('<details>\n<summary>Why it matters</summary>', STATISTIC, '</details>', 'Greet the caller by name.');
    assert.deepEqual(confirmed(text), ['claim-uncited-statistic']);
    assert.deepEqual(counted(text), linted(text));
  });

  const dependent: Array<[string, string]> = [
    ['a footnote defined at the end cites it', lesson(`${STATISTIC}[^1]`, 'Greet the caller.', '[^1]: The 2025 contact centre survey.')],
    [
      'a reference link defined elsewhere cites it',
      lesson(`${STATISTIC} See [the survey][s].`, 'Greet the caller.', '[s]: https://example.com/s'),
    ],
    [
      'a suppression comment earlier silences it',
      lesson('<!-- course-review-disable claim-uncited-statistic -->', STATISTIC, 'Greet the caller.'),
    ],
    ['the lesson has code, which narrows what counts as a claim', lesson(STATISTIC, 'Type `ticket` in the search box.')],
    ['it is the second paragraph of a list item', lesson('- Follow the script.\n', `  ${STATISTIC}`, 'Greet the caller.')],
    ['a <pre> block runs past the empty line around it', lesson('<pre>', STATISTIC, '</pre>', 'Greet the caller.')],
    ['its lines end in carriage returns', lesson(STATISTIC, 'Greet the caller.').replace(/\n/g, '\r\n')],
  ];
  for (const [why, text] of dependent) {
    it(`leaves the lesson to a whole parse when ${why}, and counts as the lint does`, () => {
      assert.deepEqual(confirmed(text), []);
      assert.deepEqual(counted(text), linted(text));
    });
  }

  it('reads the source in the block after the claim: a claim cited there is not confirmed, and the lint finds none', () => {
    const cited = lesson(STATISTIC, 'Source: the 2025 contact centre survey.', 'Greet the caller.');
    assert.deepEqual(confirmed(cited), []);
    assert.deepEqual(linted(cited), []);
    assert.deepEqual(counted(cited), []);
  });

  it('reads the blocks between the claim and the next paragraph as the lesson does: a heading there is the next sentence', () => {
    const text = lesson(STATISTIC, '## Where this comes from', '- Source: the 2025 contact centre survey.', 'Greet the caller.');
    assert.deepEqual(confirmed(text), ['claim-uncited-statistic']);
    assert.deepEqual(linted(text), ['claim-uncited-statistic']);
  });

  // One test per fixture set, so that each stays well inside the timeout as the sets grow.
  const sets = fixtureSets(FIXTURES);
  let confirming = 0;
  for (const [set, files] of sets) {
    it(`confirms nothing that a lint of the whole lesson does not find, and counts the rules the lint finds, in ${set}`, () => {
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const found = linted(text);
        const byBlock = confirmed(text);
        for (const id of byBlock) assert.ok(found.includes(id), `${file}: ${id} confirmed from a block but not found by the lint`);
        assert.deepEqual(counted(text), found, file);
        if (byBlock.length > 0) confirming++;
      }
    });
  }

  it('confirms a claim from its block in over 100 of the fixture lessons checked above', () => {
    assert.ok(sets.size > 10, `only ${sets.size} fixture sets`);
    assert.ok(confirming > 100, `only ${confirming} lessons had a claim confirmed from its block`);
  });
});

/** Lesson files by set: a folder of test/fixtures, or of test/fixtures/corporate. */
function fixtureSets(root: string): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const file of lessonFiles(root)) {
    const parts = relative(root, file).split(sep);
    const set = parts[0] === 'corporate' ? parts.slice(0, 2).join('/') : parts.length > 1 ? parts[0] : '.';
    sets.set(set, [...(sets.get(set) ?? []), file]);
  }
  return sets;
}

function lessonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? lessonFiles(join(dir, entry.name)) : /\.mdx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

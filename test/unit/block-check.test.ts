import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { lintText, resolveConfig, triggerCounts, triggerRules, type ResolvedConfig } from '../../src/core';
import { settledInBlocks, type BlockVerdicts } from '../../src/core/queue/blockCheck';
import { possibleTriggers } from '../../src/core/queue/triggers';
import { FIXTURES } from './helpers/fixtures';

const config = resolveConfig(undefined, undefined, '/');
const ids = triggerRules(config);
const triggersOnly: ResolvedConfig = { ...config, rules: new Map([...config.rules].filter(([id]) => ids.includes(id))) };

function settled(text: string): BlockVerdicts {
  const possible = possibleTriggers(text, ids, config);
  return settledInBlocks(text, possible, config, (block) => possibleTriggers(block, possible, config));
}

function confirmed(text: string): string[] {
  return [...settled(text).found].sort();
}

function absent(text: string): string[] {
  return [...settled(text).absent].sort();
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
    ['it is the second paragraph of a list item', lesson('- Follow the script.\n', `  ${STATISTIC}`, 'Greet the caller.')],
    ['a <pre> block away from the margin may belong to a list item', lesson(' <pre>', STATISTIC, ' </pre>', 'Greet the caller.')],
    ['a fence indented by two spaces may belong to a list item', lesson('  ```', STATISTIC, '  ```', 'Greet the caller.')],
    ['a fence is quoted', lesson('> ```\n>\n> Half of the team works late.\n> ```', STATISTIC, 'Greet the caller.')],
    ['a fence follows an HTML block in the same run of lines, which holds it', lesson('<div>\n```', STATISTIC, '```', 'Greet the caller.')],
    ['a <!DOCTYPE> runs past the empty line after it', lesson('<!DOCTYPE html>', STATISTIC, 'Greet the caller.')],
    ['its lines end in carriage returns', lesson(STATISTIC, 'Greet the caller.').replace(/\n/g, '\r\n')],
  ];
  for (const [why, text] of dependent) {
    it(`leaves the lesson to a whole parse when ${why}, and counts as the lint does`, () => {
      assert.deepEqual(confirmed(text), []);
      assert.deepEqual(absent(text), []);
      assert.deepEqual(counted(text), linted(text));
    });
  }

  it('confirms a claim in a lesson with a code fence, whose rules read it as a lesson with code', () => {
    const text = lesson(STATISTIC, '```\nticket --open\n```', 'Greet the caller.');
    assert.deepEqual(confirmed(text), ['claim-uncited-statistic']);
    assert.deepEqual(counted(text), linted(text));
    // A share of things counted is a claim in a lesson without code only: with the fence, the rule reads none.
    const share = '60% of returned parts turn out to be undamaged.';
    assert.deepEqual(confirmed(lesson(share, 'Greet the caller.')), ['claim-uncited-statistic']);
    const withFence = lesson(share, '```\nticket --open\n```');
    assert.deepEqual(absent(withFence), ['claim-uncited-statistic']);
    assert.deepEqual(linted(withFence), []);
  });

  it('reads nothing in a code fence, a <pre> block or a comment at the margin, which run past empty lines', () => {
    for (const [open, close] of [
      ['```', '```'],
      ['~~~~ text', '~~~~'],
      ['<pre>', '</pre>'],
      ['<!--', '-->'],
    ]) {
      const text = lesson(open, STATISTIC, close, 'Greet the caller.');
      assert.deepEqual(absent(text), ['claim-uncited-statistic'], open);
      assert.deepEqual(linted(text), [], open);
      assert.deepEqual(counted(text), [], open);
    }
  });

  it('ends a <pre> block at the line with any of the raw HTML end tags, as CommonMark does, and reads the claim after it', () => {
    const text = lesson('<pre>', '</style>', STATISTIC, 'Greet the caller.');
    assert.deepEqual(linted(text), ['claim-uncited-statistic']);
    assert.deepEqual(confirmed(text), ['claim-uncited-statistic']);
    assert.deepEqual(counted(text), linted(text));
  });

  it('settles only what a block reads alike with code and without, where only a parse tells whether the lesson has code', () => {
    // Inline code makes it a lesson with code, in which a share of things counted is no claim.
    const text = lesson('60% of returned parts turn out to be undamaged.', 'Type `ticket` in the search box.');
    assert.deepEqual(confirmed(text), []);
    assert.deepEqual(absent(text), []);
    assert.deepEqual(counted(text), linted(text));
    assert.deepEqual(counted(text), []);
  });

  it('settles a rule as absent when every block its prefilter lets through was parsed and holds no finding', () => {
    // "Half of the team" lets the statistic's prefilter through; the rule reads no claim in who works late.
    const text = lesson('Half of the team works late on Fridays.', 'Greet the caller by name.');
    const possible = possibleTriggers(text, ids, config);
    assert.ok(possible.length > 0, 'the prefilter lets the lesson through');
    assert.deepEqual(confirmed(text), []);
    assert.deepEqual(absent(text), [...possible].sort());
    assert.deepEqual(counted(text), linted(text));
    assert.deepEqual(counted(text), []);
  });

  it('settles nothing as absent when a block worth trying starts away from the margin (it may belong to a list item)', () => {
    const text = lesson('- Follow the script.', ' Half of the team works late on Fridays.', 'Greet the caller.');
    assert.ok(possibleTriggers(text, ids, config).length > 0, 'the prefilter lets the lesson through');
    assert.deepEqual(absent(text), []);
    assert.deepEqual(counted(text), linted(text));
  });

  it('settles nothing as absent past the blocks it may parse for one lesson', () => {
    const text = lesson(...Array.from({ length: 6 }, (_, index) => `Half of team ${index + 1} works late on Fridays.`));
    assert.deepEqual(absent(text), []);
    assert.deepEqual(counted(text), linted(text));
  });

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

  it('settles nothing that a lint of the whole lesson contradicts, in lessons made of lines that fences, HTML and containers read apart', () => {
    const claims = [STATISTIC, '60% of returned parts turn out to be undamaged.'];
    const openers = ['```', '```text', '~~~', '  ```', '    ```', '<pre>', '</pre>', '</style>', '<!--', '-->', '<div>', '> ```'];
    const others = [
      'Greet the caller by name.',
      '<!-- note -->',
      '</div>',
      '<details>',
      '<em>Note</em>',
      '- Follow the script.',
      '1. Open the ticket.',
      '  Half of the team works late.',
      '    indented line',
      '> A quote.',
      'Type `ticket` in the search box.',
      '## Why it matters',
      '| Calls | Share |\n| --- | --- |',
    ];
    const line = fc.oneof(
      { arbitrary: fc.constant(''), weight: 4 },
      { arbitrary: fc.constantFrom(...claims), weight: 3 },
      { arbitrary: fc.constantFrom(...openers), weight: 3 },
      { arbitrary: fc.constantFrom(...others), weight: 2 },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (picked) => {
        const text = lesson(picked.join('\n'));
        const found = linted(text);
        const byBlock = settled(text);
        for (const id of byBlock.found) assert.ok(found.includes(id), `${id} confirmed from a block but not found by the lint:\n${text}`);
        for (const id of byBlock.absent) assert.ok(!found.includes(id), `${id} settled as absent but found by the lint:\n${text}`);
        assert.deepEqual(counted(text), found, text);
      }),
      { numRuns: 1000 },
    );
  });

  // One test per fixture set, so that each stays well inside the timeout as the sets grow.
  const sets = fixtureSets(FIXTURES);
  let confirming = 0;
  let refuting = 0;
  for (const [set, files] of sets) {
    it(`settles nothing that a lint of the whole lesson contradicts, and counts the rules the lint finds, in ${set}`, () => {
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const found = linted(text);
        const byBlock = settled(text);
        for (const id of byBlock.found) assert.ok(found.includes(id), `${file}: ${id} confirmed from a block but not found by the lint`);
        for (const id of byBlock.absent) assert.ok(!found.includes(id), `${file}: ${id} settled as absent but found by the lint`);
        assert.deepEqual(counted(text), found, file);
        if (byBlock.found.size > 0) confirming++;
        if (byBlock.absent.size > 0) refuting++;
      }
    });
  }

  it('confirms a claim from its block in over 100 of the fixture lessons checked above, and rules one out in over 50', () => {
    assert.ok(sets.size > 10, `only ${sets.size} fixture sets`);
    assert.ok(confirming > 100, `only ${confirming} lessons had a claim confirmed from its block`);
    assert.ok(refuting > 50, `only ${refuting} lessons had a rule settled as absent from their blocks`);
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

import assert from 'node:assert/strict';
import { lintText, parseConfig, parseLesson, type ResolvedConfig } from '../../src/core';
import { sentenceAround, sentences, syllables } from '../../src/core/prose';
import { readingGrade } from '../../src/core/prose/readability';
import { spells } from '../../src/core/rules/acronym-defined';

/** Only one rule, from a `.coursereview.json` text. */
function only(ruleId: string, text = '{}'): ResolvedConfig {
  const result = parseConfig(text, '/course/.coursereview.json', '/course');
  if (!result.ok) assert.fail(result.error.message);
  const enabled = result.config.rules.get(ruleId);
  assert.ok(enabled, `${ruleId} is not enabled`);
  return { ...result.config, rules: new Map([[ruleId, enabled]]) };
}

function messages(text: string, config: ResolvedConfig): string[] {
  return lintText(text, config).findings.map((finding) => finding.message);
}

const HARD = [
  'Escalation to the specialised reconciliation department becomes obligatory whenever preliminary investigation reveals systematic discrepancies.',
  'Representatives should simultaneously document comprehensive circumstantial information, including chronological transaction descriptions.',
  'Jurisdictional consumer protection legislation occasionally mandates expedited investigation timelines, necessitating immediate prioritisation.',
].join(' ');

describe('clarity', () => {
  describe('syllables', () => {
    it('counts common words as the dictionary does', () => {
      const expected: Record<string, number> = {
        the: 1,
        file: 1,
        files: 1,
        called: 1,
        create: 2,
        created: 3,
        any: 2,
        useful: 2,
        variable: 4,
        idea: 3,
        video: 3,
        going: 2,
        being: 2,
        actually: 4,
        algorithm: 4,
        statement: 2,
        something: 2,
        easier: 3,
        table: 2,
        whole: 1,
        doesn: 1,
        "doesn't": 2,
        API: 3,
        APIs: 3,
      };
      for (const [word, count] of Object.entries(expected)) assert.equal(syllables(word), count, word);
    });
  });

  describe('sentences', () => {
    it('splits table cells into sentences, and ends a sentence at "etc." before a capital', () => {
      const doc = parseLesson('| a | b |\n| --- | --- |\n| One. Two. | x |\n\nPens, paper, etc. Then start.\n');
      assert.deepEqual(
        sentences(doc).map((sentence) => sentence.text),
        ['a', 'b', 'One.', 'Two.', 'x', 'Pens, paper, etc.', 'Then start.'],
      );
    });

    it('finds the sentence around a word by its punctuation, a decimal point not ending it', () => {
      const text = 'Call back. If a customer waits 2.5 minutes, apologise! Then log it';
      const around = (word: string) => {
        const { start, end } = sentenceAround(text, text.indexOf(word));
        return text.slice(start, end);
      };
      assert.equal(around('customer'), 'If a customer waits 2.5 minutes, apologise');
      assert.equal(around('Call'), 'Call back');
      assert.equal(around('log it'), 'Then log it');
    });

    it('looks at most 2,000 characters either way, so that text without full stops is not read whole at each word', () => {
      const text = 'word '.repeat(100_000);
      const at = 250_000;
      const { start, end } = sentenceAround(text, at);
      assert.equal(at - start, 2000);
      assert.equal(end - at, 2000);
    });
  });

  describe('readingGrade', () => {
    it("grades the lesson's prose, not its code or headings, and is undefined without prose", () => {
      const plain = readingGrade(
        parseLesson(
          '# Title\n\nOpen the file. Read the first line. Close it.\n\n```\nconsiderably_complicated_identifier = organisational_configuration()\n```\n',
        ),
      );
      assert.ok(plain !== undefined && plain < 3, String(plain));
      const hard = readingGrade(parseLesson(`# Title\n\n${HARD}\n`));
      assert.ok(hard !== undefined && hard > 15, String(hard));
      assert.equal(readingGrade(parseLesson('```\ncode only\n```\n')), undefined);
    });
  });

  describe('reading-grade target', () => {
    const lesson = (frontMatter: string) =>
      `---\ntitle: Escalations\n${frontMatter}---\n\n${Array.from({ length: 6 }, () => HARD).join('\n\n')}\n`;

    it('takes the front matter over the configuration, and the configuration over the option', () => {
      const configured = only(
        'reading-grade',
        '{ "audience": { "readingGrade": 20 }, "rules": { "reading-grade": ["info", { "target": 5, "margin": 0 }] } }',
      );
      assert.match(messages(lesson(''), configured)[0], /expected 20 or below \(audience\.readingGrade\)/);
      assert.match(messages(lesson('reading_grade: 8\n'), configured)[0], /expected 8 or below \(the front matter\)/);
      assert.match(messages(lesson('readingGrade: "7"\n'), configured)[0], /expected 7 or below \(the front matter\)/);
      assert.match(messages(lesson(''), only('reading-grade'))[0], /expected 10 or below \(the rule's target option\)/);
      assert.deepEqual(
        messages(lesson(''), only('reading-grade', '{ "rules": { "reading-grade": ["info", { "margin": 30, "sectionMargin": 30 }] } }')),
        [],
      );
    });
  });

  describe('acronym-defined', () => {
    it('accepts expansions whose initials plausibly spell the acronym', () => {
      assert.ok(spells('sme', ['subject', 'matter', 'expert']));
      assert.ok(spells('doe', ['Department', 'of', 'Education']));
      assert.ok(spells('json', ['JavaScript', 'Object', 'Notation']));
      assert.ok(spells('ssh', ['Secure', 'Shell']));
      assert.ok(!spells('crm', ['call', 'the', 'customer']));
      assert.ok(!spells('sme', ['the', 'subject', 'matter', 'expert']));
    });

    it('reports an acronym used once that the lesson never spells out; minUses 3 waits for three uses; honours allow.terms', () => {
      const text = '# Calls\n\nLog the call in the CRM.\n';
      assert.deepEqual(messages(text, only('acronym-defined')), [
        'Unexpected acronym "CRM" that the lesson never spells out, expected the words in full at its first use, followed by "(CRM)".',
      ]);
      assert.deepEqual(messages(text, only('acronym-defined', '{ "rules": { "acronym-defined": ["info", { "minUses": 3 }] } }')), []);
      assert.deepEqual(messages(text, only('acronym-defined', '{ "allow": { "terms": ["crm"] } }')), []);
    });

    it('knows technical acronyms in a lesson with code, and not in one without', () => {
      const general = '# Exports\n\nSave the report as a CSV file and send it through the API.\n';
      const technical = `${general}\nRun \`export --all\` first.\n`;
      assert.equal(messages(general, only('acronym-defined')).length, 2);
      assert.deepEqual(messages(technical, only('acronym-defined')), []);
      assert.equal(
        messages(technical, only('acronym-defined', '{ "rules": { "acronym-defined": ["info", { "audience": "general" }] } }')).length,
        2,
      );
      assert.deepEqual(
        messages(general, only('acronym-defined', '{ "rules": { "acronym-defined": ["info", { "audience": "technical" }] } }')),
        [],
      );
    });
  });

  describe('simpler-words', () => {
    it('takes extra phrases, ignores listed ones, and honours the allowlist', () => {
      const text = '# Calls\n\nUtilize the form in the process of logging the call.\n';
      assert.deepEqual(messages(text, only('simpler-words')), ['Unexpected "Utilize", expected the plainer "Use".']);
      const custom = only(
        'simpler-words',
        '{ "rules": { "simpler-words": ["info", { "extra": { "in the process of": "while" }, "ignore": ["utilize"] }] } }',
      );
      assert.deepEqual(messages(text, custom), ['Unexpected "in the process of", expected the plainer "while".']);
      assert.deepEqual(messages(text, only('simpler-words', '{ "allow": { "terms": ["utilize"] } }')), []);
    });
  });

  describe('hedge-words', () => {
    it('honours the allowlist', () => {
      const text = '# Calls\n\nJust click Save.\n';
      assert.equal(messages(text, only('hedge-words')).length, 1);
      assert.deepEqual(messages(text, only('hedge-words', '{ "allow": { "terms": ["just"] } }')), []);
    });
  });

  describe('prose mapping', () => {
    it('maps words after a line that ends in spaces to their source', () => {
      const doc = parseLesson('# T\n\nThe first line ends in spaces  \nand the second line is mapped exactly.\n');
      const block = doc.prose[1];
      const at = block.text.indexOf('mapped');
      const range = block.sourceRange(at, at + 'mapped'.length);
      assert.equal(doc.text.slice(range.start, range.end), 'mapped');
    });
  });
});

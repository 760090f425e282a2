import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { lintText, parseConfig, resolveConfig, triggerCounts, type ResolvedConfig } from '../../src/core';
import { roughText, withoutMarkup } from '../../src/core/document/roughText';
import { mayTrigger, possibleTriggers, prefilterPlanFor } from '../../src/core/queue/triggers';
import { widen, withoutAssertions } from '../../src/core/text/widen';
import { markdownFixtures } from './helpers/fixtures';

const TRIGGER_RULES = ['claim-absolute', 'claim-uncited-statistic', 'claim-outcome-promise', 'trademark-terms'];

/** The default configuration with trademark-terms on, its terms and competitors as a team would list them. */
function everyTriggerConfig(): ResolvedConfig {
  const parsed = parseConfig(
    JSON.stringify({
      rules: {
        'trademark-terms': [
          'warning',
          {
            terms: [{ term: 'PowerPoint' }, { term: 'Acme CRM', variants: ['AcmeCRM', 'Acme-CRM'] }],
            competitors: ['Globex', 'Initech Cloud'],
          },
        ],
      },
      roles: { marketing: { triggers: ['trademark-terms', 'claim-absolute'] } },
    }),
    '/course/.coursereview.json',
    '/course',
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.config;
}

/** One rule alone, as the queue runs the trigger rules, with its prefilter's verdict beside what it finds. */
function verdicts(text: string, config: ResolvedConfig) {
  return TRIGGER_RULES.filter((id) => config.rules.has(id)).map((id) => {
    const only: ResolvedConfig = { ...config, rules: new Map([[id, config.rules.get(id)!]]) };
    const found = lintText(text, only).findings.filter((finding) => finding.ruleId === id).length;
    return { id, found, passes: mayTrigger(text, [id], config) };
  });
}

describe("the queue's prefilter of trigger rules", function () {
  this.timeout(120_000);

  describe('plans', () => {
    const ids = ['claim-absolute', 'claim-uncited-statistic', 'claim-outcome-promise'];
    const withPhrases = (phrases: string[]) => {
      const parsed = parseConfig(JSON.stringify({ rules: { 'claim-absolute': ['warning', { phrases }] } }), '/c/.coursereview.json', '/c');
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.config;
    };

    it('are made once for configurations read apart with the same options', () => {
      const [a, b] = [resolveConfig(undefined, undefined, '/one'), resolveConfig(undefined, undefined, '/two')];
      assert.notEqual(a.rules, b.rules);
      assert.equal(prefilterPlanFor(ids, a), prefilterPlanFor(ids, b));
      assert.equal(prefilterPlanFor(ids, withPhrases(['moonshot'])), prefilterPlanFor(ids, withPhrases(['moonshot'])));
    });

    it("follow each configuration's options, whichever was asked first", () => {
      const text = 'This rollout is a moonshot for the team.';
      const plain = resolveConfig(undefined, undefined, '/one');
      const own = withPhrases(['moonshot']);
      for (const order of [
        [plain, own],
        [own, plain],
      ])
        for (const config of order) assert.deepEqual(possibleTriggers(text, ids, config), config === own ? ['claim-absolute'] : []);
      assert.notEqual(prefilterPlanFor(ids, plain), prefilterPlanFor(ids, own));
    });
  });

  describe('widen', () => {
    it('takes out lookarounds and anchors, and keeps one-character guards and word boundaries', () => {
      assert.equal(withoutAssertions(String.raw`(?<![\p{L}])(?:a|b)(?!\s+to(?=x))c(?=y)?d(?!\w)`), String.raw`(?<![\p{L}])(?:a|b)cd(?!\w)`);
      assert.equal(withoutAssertions(String.raw`(?<!\bone\s{1,8}of\s{1,8})^\bbest\b$`), String.raw`\bbest\b`);
      assert.equal(
        withoutAssertions(String.raw`[(?!^$]x\(?!\)\\b`),
        String.raw`[(?!^$]x\(?!\)\\b`,
        'classes, escaped parentheses and an escaped backslash stay',
      );
      assert.equal(withoutAssertions(String.raw`a[\]](?<=b)c(?![\p{L}\p{N}_]|[./@][\p{L}\p{N}])`), String.raw`a[\]]c`);
      assert.equal(widen(/(?<!one of )the best/giu).flags, 'iu', 'no state between tests');
    });

    it('matches wherever the pattern matches', () => {
      const patterns = [
        /(?<!\bone\s{1,8}of\s{1,8})the\s+best\s+(?:[\p{L}-]+\s+)?course(?![\p{L}])/iu,
        /^(?!The\b)\p{Lu}\p{Ll}+ and you(?:'ll| will) win\b/u,
        /\b(?:half|twice)\b(?=\s+as)/i,
      ];
      const texts = [
        'the best sales course',
        'one of the best course',
        'Study and you will win',
        'The boss and you will win',
        'twice as likely',
        'behalf as well',
      ];
      for (const pattern of patterns) {
        for (const text of texts) if (pattern.test(text)) assert.ok(widen(pattern).test(text), `${pattern} on ${text}`);
      }
    });
  });

  describe('roughText', () => {
    it('reads Markdown as its words, in order', () => {
      assert.equal(roughText('**The best** [value](https://example.com "Title") in the _world_'), 'The best value in the world');
      assert.equal(roughText('> It cuts churn\n> by 40&percnt;[^1] &amp; more'), 'It cuts churn\nby 40% & more');
      assert.equal(
        roughText('- [x] the ![logo](a.png)leading <abbr title="customer relationship">CRM</abbr> tool'),
        'the leading CRM tool',
      );
      assert.equal(roughText('1. Run `npm test`, the [fastest][fast] check'), `Run \u25AF, the fastest check`);
      assert.equal(roughText('## Rated \\#1 &#8212; by 3&nbsp;in 4'), 'Rated #1 — by 3 in 4');
      assert.equal(
        roughText('an\\*escaped star, 40\\% \\<b>'),
        'an\u00A4escaped star, 40% \u00A4b>',
        'an escaped markup character is neither a letter nor taken out',
      );
    });

    it('takes the shortcut for a text without markup only where every replacement leaves it as it is', () => {
      const pieces = [...'ab1 \t\n\r\u2028#>-+*_~`[]()\\<!&;.'.split(''), '  \n', '12. ', '- ', '## ', '&amp;', '<!-- c -->', '[a](b)'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
          const text = parts.join('');
          return roughText(text) === withoutMarkup(text);
        }),
        { numRuns: 5000, seed: 3 },
      );
      for (const file of markdownFixtures()) {
        for (const paragraph of readFileSync(file, 'utf8').split(/\n[ \t]*\r?\n/))
          assert.equal(roughText(paragraph), withoutMarkup(paragraph), file);
      }
    });
  });

  describe('soundness', () => {
    const files = markdownFixtures();
    const config = everyTriggerConfig();

    it('passes every fixture lesson in which a trigger rule finds anything', function () {
      // Every fixture, each trigger rule on its own: it grows with the labelled sets (112 s in 2026-12).
      this.timeout(400_000);
      let withFindings = 0;
      let skipped = 0;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const { id, found, passes } of verdicts(text, config)) {
          if (found > 0) withFindings++;
          if (!passes) skipped++;
          assert.ok(found === 0 || passes, `${id} finds ${found} in ${file}, but its prefilter does not pass it`);
        }
      }
      assert.ok(files.length > 400 && withFindings > 150, `${files.length} fixtures, ${withFindings} with findings`);
      assert.ok(skipped > files.length, `the prefilter skipped only ${skipped} rule checks`);
    });

    it("still passes them with the claims' words wrapped in emphasis, links, footnotes, quotes and line breaks", function () {
      // Every claim of the corporate fixtures, nine times over: it grows with the labelled sets.
      this.timeout(400_000);
      const wrappings: Array<(word: string) => string> = [
        (word) => `**${word}**`,
        (word) => `_${word}_`,
        (word) => `[${word}](https://example.com/source "Source")`,
        (word) => `[${word}][ref]`,
        (word) => `${word}[^1]`,
        (word) => `${word}\n> `,
        (word) => `${word}  \n`,
        (word) => `<em>${word}</em>`,
        (word) => `${word}<!-- note -->`,
      ];
      let checked = 0;
      for (const file of files.filter((path) => path.includes('corporate') || path.includes(`rules${'/'}claim`))) {
        const text = readFileSync(file, 'utf8');
        for (const { id, found } of verdicts(text, config)) {
          if (found === 0) continue;
          const findings = lintText(text, { ...config, rules: new Map([[id, config.rules.get(id)!]]) }).findings.filter(
            (finding) => finding.ruleId === id,
          );
          findings.forEach((finding) => {
            // A word inside the claim, not its first: markup between the claim's words.
            if (finding.range.start.line !== finding.range.end.line) return;
            const line = text.split('\n')[finding.range.start.line];
            const { character: from } = finding.range.start;
            const { character: to } = finding.range.end;
            const words = line.slice(from, to).split(/(\s+)/);
            const at = words.findIndex((word, position) => position >= 2 && position % 2 === 0 && /^\p{L}{2,}$/u.test(word));
            if (at < 0) return;
            const wrap = wrappings[checked % wrappings.length];
            const claim = [...words.slice(0, at), wrap(words[at]), ...words.slice(at + 1)].join('');
            // Defined, so that they are a footnote and a link, not literal brackets.
            const varied = `${text.replace(line, line.slice(0, from) + claim + line.slice(to))}\n\n[^1]: The 2025 staff survey.\n\n[ref]: https://example.com/source\n`;
            const after = verdicts(varied, config).find((verdict) => verdict.id === id)!;
            checked++;
            assert.ok(
              after.found === 0 || after.passes,
              `${id} finds ${after.found} in ${file} with "${wrap(words[at])}" in\n${line}\nbut its prefilter does not pass it`,
            );
          });
        }
      }
      assert.ok(checked > 150, `only ${checked} variants checked`);
    });

    it('finds the rules a lint of the trigger rules finds, lesson by lesson, at most as often', () => {
      const defaults = resolveConfig(undefined, undefined, '/');
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const expected = new Map<string, number>();
        const ids = ['claim-absolute', 'claim-uncited-statistic', 'claim-outcome-promise'];
        const only: ResolvedConfig = { ...defaults, rules: new Map([...defaults.rules].filter(([id]) => ids.includes(id))) };
        for (const finding of lintText(text, only).findings) expected.set(finding.ruleId, (expected.get(finding.ruleId) ?? 0) + 1);
        const counts = triggerCounts(text, defaults);
        assert.deepEqual([...counts.keys()].sort(), [...expected.keys()].sort(), file);
        // A claim confirmed in its own block counts 1: the queue needs only whether.
        for (const [id, count] of counts) assert.ok(count >= 1 && count <= expected.get(id)!, `${file}: ${id} ${count}`);
      }
    });

    it('parses every lesson when a trigger rule has no prefilter', () => {
      const parsed = parseConfig(
        JSON.stringify({ roles: { accessibility: { triggers: ['image-alt-text'] } } }),
        '/course/.coursereview.json',
        '/course',
      );
      if (!parsed.ok) throw new Error(parsed.error.message);
      assert.equal(mayTrigger('# Plain\n\nNo claims here.\n', ['claim-absolute', 'image-alt-text'], parsed.config), true);
      assert.equal(mayTrigger('# Plain\n\nNo claims here.\n', ['claim-absolute'], parsed.config), false);
      assert.deepEqual([...triggerCounts('# Plain\n\n![](chart.png)\n', parsed.config)], [['image-alt-text', 1]]);
    });
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRegExpLiteral } from '@eslint-community/regexpp';
import type { Node as RegExpNode } from '@eslint-community/regexpp/ast';
import fc from 'fast-check';
import { roughText } from '../../src/core/document/roughText';
import { PrefilterPlan, type RulePrefilter } from '../../src/core/queue/prefilterPlan';
import { RULES } from '../../src/core/rules';
import { alternativesOf, factorText, literalFactors } from '../../src/core/text/literalFactors';
import { LiteralScanner, WORD_EDGE } from '../../src/core/text/literalScanner';
import { markdownFixtures } from './helpers/fixtures';

/** Every built-in rule's prefilter, at its default options. */
function builtinPrefilters(): RulePrefilter[] {
  return RULES.flatMap((rule) => {
    const groups = rule.prefilter?.(rule.options.parse({}));
    return groups ? [{ id: rule.id, groups }] : [];
  });
}

/** The pattern with every assertion taken out, which matches wherever it matches (fast-check cannot generate lookbehinds). */
function withoutAnyAssertion(pattern: RegExp): RegExp {
  const ast = parseRegExpLiteral(pattern);
  const cuts: Array<[number, number]> = [];
  const visit = (node: RegExpNode): void => {
    if (node.type === 'Assertion') {
      cuts.push([node.start, node.end]);
      return;
    }
    if (node.type === 'Quantifier' && node.element.type === 'Assertion') {
      cuts.push([node.start, node.end]);
      return;
    }
    if ('alternatives' in node) node.alternatives.forEach(visit);
    if ('elements' in node) (node.elements as readonly RegExpNode[]).forEach(visit);
    if (node.type === 'Quantifier') visit(node.element);
  };
  visit(ast.pattern);
  let source = ast.pattern.raw;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0]))
    source = source.slice(0, start - ast.pattern.start) + source.slice(end - ast.pattern.start);
  // fast-check generates no case-insensitive pattern: the test mixes the case itself.
  return new RegExp(source, pattern.flags.replace('i', ''));
}

/** Whether the text (read as factors are) holds the factor, with no letter beside a word edge at its start or end. */
function holdsFactor(text: string, factor: string): boolean {
  const core = factor.replaceAll(WORD_EDGE, '').replace(/\s+/g, ' ');
  for (let at = text.indexOf(core); at !== -1; at = text.indexOf(core, at + 1)) {
    const left = !factor.startsWith(WORD_EDGE) || core.startsWith(' ') || at === 0 || !/\p{L}/u.test(text[at - 1]);
    const end = at + core.length;
    const right = !factor.endsWith(WORD_EDGE) || core.endsWith(' ') || end === text.length || !/\p{L}/u.test(text[end]);
    if (left && right) return true;
  }
  return false;
}

/** The same letters in a mix of cases, as a case-insensitive pattern would still match them. */
function mixedCase(text: string, seed: number): string {
  return [...text].map((char, index) => ((seed >> (index % 16)) & 1 ? char.toUpperCase() : char)).join('');
}

describe('literal factors', function () {
  this.timeout(300_000);

  describe('literalFactors', () => {
    it('reads runs of words across whitespace, small classes and alternations', () => {
      assert.deepEqual(literalFactors(/every\s+time/iu), ['every time']);
      assert.deepEqual(literalFactors(/(?:data|studies)\s+shows?\b/iu)?.sort(), ['data show', 'data shows', 'studies show']);
      assert.deepEqual(literalFactors(/top[- ]rated/i)?.sort(), ['top rated', 'top-rated']);
      assert.deepEqual(
        literalFactors(/(?:research|best[- ]in)\s+class/iu)?.sort(),
        ['best in clas', 'best-in clas', 'research cla'],
        'a factor is cut to 12 characters, which are a factor too',
      );
      assert.deepEqual(literalFactors(/(?<=x)the\s+best\b/u), ['the best'], 'other assertions take nothing');
      assert.deepEqual(literalFactors(/\d+(?:[.,]\d+)?\s?%/u)?.sort(), [' %', '%']);
      assert.deepEqual(literalFactors(/A\tB/), ['a b'], 'the text is read folded, each run of whitespace one space');
    });

    it('marks a word edge where a lookaround says the text has no letter on that side', () => {
      const edge = (text: string) => text.replaceAll('|', WORD_EDGE);
      assert.deepEqual(literalFactors(/(?<![\p{L}\p{N}_-])the\s+best(?![\p{L}])/u), [edge('|the best|')]);
      assert.deepEqual(literalFactors(/(?<![\p{L}\p{N}_.,-])(?:cut|sav)[\p{L}]*\s+by/iu)?.sort(), [edge('|cut'), edge('|sav')]);
      assert.deepEqual(literalFactors(/(?:bonus|pay)(?![\p{L}\p{N}_]|\.\d)/iu)?.sort(), [edge('bonus|'), edge('pay|')]);
      assert.deepEqual(literalFactors(/(?<!\p{Lu})pay(?![\p{N}])/u), ['pay'], 'a lookaround that lets some letter through says nothing');
      assert.deepEqual(literalFactors(/(?<=[\p{L}])pay/u), ['pay'], 'nor does a positive one');
    });

    it('keeps the run whose commonest string is rarest: words together over one word', () => {
      assert.deepEqual(literalFactors(/(?:the|a)\s+leading\s+[\p{L}-]+\s+(?:tool|course)/iu)?.sort(), ['a leading ', 'the leading ']);
      assert.deepEqual(
        literalFactors(/saves?\s+(?:[\p{L}-]+\s+){1,4}?up\s+to\s+\d/iu),
        [...'0123456789'].map((digit) => ` up to ${digit}`),
      );
    });

    it('gives none where a match need hold no particular text', () => {
      assert.equal(literalFactors(/.+/u), undefined);
      assert.equal(literalFactors(/\p{L}+ly/u)?.join(), 'ly');
      assert.equal(literalFactors(/(?:best|\p{Lu}+)\s+ever/u)?.join(), ' ever');
      assert.equal(literalFactors(/(?:best|)/u), undefined, 'an empty alternative matches anywhere');
      assert.equal(literalFactors(/x?/u), undefined);
      assert.equal(literalFactors(/\s+/u), undefined, 'a space alone says nothing');
    });

    it("leaves a case-insensitive pattern's non-ASCII letters unread, and reads case-sensitive ones folded", () => {
      assert.deepEqual(literalFactors(/caf[ée] latte/iu), [' latte']);
      assert.deepEqual(literalFactors(/Ünited/u), ['ünited']);
    });
  });

  describe('alternativesOf', () => {
    it('splits the outermost alternation, with the assertions around it', () => {
      assert.deepEqual(
        alternativesOf(/(?<![\p{L}])(?:best|top\s+rated)(?![\p{L}])/iu).map((pattern) => pattern.source),
        [String.raw`(?<![\p{L}])(?:best)(?![\p{L}])`, String.raw`(?<![\p{L}])(?:top\s+rated)(?![\p{L}])`],
      );
      assert.deepEqual(
        alternativesOf(/best|top/u).map((pattern) => pattern.source),
        ['best', 'top'],
      );
      assert.deepEqual(
        alternativesOf(/(?:a|b)c(?:d|e)/u).map((pattern) => pattern.source),
        [String.raw`(?:a|b)c(?:d|e)`],
      );
      assert.equal(alternativesOf(/(?:a|b)c/iu)[0].flags, 'iu');
    });

    it('matches, together, exactly where the pattern matches, on every fixture paragraph', () => {
      const patterns = builtinPrefilters().flatMap(({ groups }) => groups?.flatMap((group) => group.patterns) ?? []);
      const paragraphs = markdownFixtures().flatMap((file) => roughText(readFileSync(file, 'utf8')).split(/\n[ \t]*\n/));
      let matched = 0;
      for (const pattern of patterns) {
        const parts = alternativesOf(pattern);
        for (const paragraph of paragraphs) {
          const whole = pattern.test(paragraph);
          if (whole) matched++;
          assert.equal(
            parts.some((part) => part.test(paragraph)),
            whole,
            `${pattern} on ${paragraph}`,
          );
        }
      }
      assert.ok(matched > 500, `only ${matched} matches to compare`);
    });
  });

  describe('soundness (property)', () => {
    it('every match of every built-in prefilter pattern holds one of its factors, in any case', () => {
      const alternatives = builtinPrefilters().flatMap(
        ({ groups }) => groups?.flatMap((group) => group.patterns.flatMap(alternativesOf)) ?? [],
      );
      let withFactors = 0;
      let matched = 0;
      for (const pattern of alternatives) {
        const factors = literalFactors(pattern);
        if (!factors) continue;
        withFactors++;
        // The matches of the pattern without its assertions, kept where the pattern itself matches the text they are put in.
        const loose = withoutAnyAssertion(pattern);
        const spaced = fc.oneof({ arbitrary: fc.constant(' '), weight: 3 }, { arbitrary: fc.string(), weight: 1 });
        fc.assert(
          fc.property(fc.stringMatching(loose), spaced, spaced, fc.integer(), (match, before, after, seed) => {
            const text = before + (pattern.flags.includes('i') ? mixedCase(match, seed) : match) + after;
            if (!pattern.test(text)) return true;
            matched++;
            const folded = factorText(text);
            return folded === undefined || factors.some((factor) => holdsFactor(folded, factor));
          }),
          { numRuns: 40, seed: 7 },
        );
      }
      assert.ok(withFactors > 150, `only ${withFactors} alternatives with factors`);
      assert.ok(matched > withFactors * 5, `only ${matched} texts that the patterns match`);
    });
  });

  describe('LiteralScanner', () => {
    it('finds the strings a text holds, each run of whitespace read as one space', () => {
      const scanner = new LiteralScanner(['the best', 'best', 'st c', 'x'], [1, 2, 3, 4]);
      assert.deepEqual([...scanner.found('Not the\n\t best course')].sort(), [1, 2, 3]);
      assert.deepEqual([...scanner.found('thebest')], [2]);
      assert.deepEqual([...scanner.found('')], []);
    });

    it('agrees with a search for each string, word edges included (property)', () => {
      const alphabet = fc.constantFrom('a', 'b', 'ab', ' ', '\n', '\t', '\u00A0', '-', 'é', '1');
      const word = fc
        .tuple(fc.boolean(), fc.array(alphabet, { minLength: 1, maxLength: 6 }), fc.boolean())
        .map(([left, parts, right]) => `${left ? WORD_EDGE : ''}${parts.join('').replace(/\s+/g, ' ')}${right ? WORD_EDGE : ''}`);
      let edged = 0;
      fc.assert(
        fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 60 }), (wanted, parts) => {
          const text = parts.join('');
          const found = new LiteralScanner(
            wanted,
            wanted.map((_text, index) => index),
          ).found(text);
          const collapsed = text.replace(/\s+/g, ' ');
          edged += wanted.filter((string, index) => string.includes(WORD_EDGE) && found.has(index)).length;
          return wanted.every((string, index) => found.has(index) === holdsFactor(collapsed, string));
        }),
        { numRuns: 2000, seed: 11 },
      );
      assert.ok(edged > 500, `only ${edged} strings with word edges found`);
    });
  });

  describe('PrefilterPlan', () => {
    /** What the plan must answer: a rule may find something where, in one paragraph read roughly, its anchor and a pattern match. */
    function everyPatternTried(rules: readonly RulePrefilter[], text: string): string[] {
      const paragraphs = text.split(/\n[ \t]*\r?\n/).map(roughText);
      return rules
        .filter(
          ({ groups }) =>
            groups === undefined ||
            paragraphs.some((paragraph) =>
              groups.some(
                (group) =>
                  (group.anchor === undefined || group.anchor.test(paragraph)) && group.patterns.some((pattern) => pattern.test(paragraph)),
              ),
            ),
        )
        .map(({ id }) => id);
    }

    it('answers, on every fixture lesson, what trying every pattern on every paragraph answers', () => {
      const rules = builtinPrefilters();
      const plan = new PrefilterPlan(rules);
      let possible = 0;
      for (const file of markdownFixtures()) {
        const text = readFileSync(file, 'utf8');
        const expected = everyPatternTried(rules, text);
        possible += expected.length;
        assert.deepEqual(plan.possible(text), expected, file);
      }
      assert.ok(possible > 1000, `only ${possible} rules possible in all`);
    });

    it('names a rule without a prefilter always, and none for an empty lesson otherwise', () => {
      const plan = new PrefilterPlan([
        { id: 'open', groups: undefined },
        { id: 'claims', groups: [{ patterns: [/the\s+best/iu] }] },
      ]);
      assert.deepEqual(plan.possible(''), ['open']);
      assert.deepEqual(plan.possible('It is **THE\nbest**.'), ['open', 'claims']);
      assert.deepEqual(plan.possible('The\n\nbest.'), ['open'], 'a paragraph break ends a phrase');
    });

    it('says where the first paragraph that a prefilter matches starts, and 0 when a rule without one is asked about', () => {
      const plan = new PrefilterPlan([
        { id: 'open', groups: undefined },
        { id: 'claims', groups: [{ patterns: [/the\s+best/iu] }] },
      ]);
      const text = 'Intro.\n\nStill nothing.\n  \nThe best.\n\nThe best again.';
      assert.deepEqual(plan.possibleFrom(text, new Set(['claims'])), { ids: ['claims'], from: text.indexOf('The best.') });
      assert.deepEqual(plan.possibleFrom('Intro.\n\nNothing.', new Set(['claims'])), { ids: [], from: 'Intro.\n\nNothing.'.length });
      assert.deepEqual(plan.possibleFrom(text), { ids: ['open', 'claims'], from: 0 });
    });
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { roughText } from '../../src/core/document/roughText';
import { RULES } from '../../src/core/rules';
import { CaselessPattern, foldCase, lowerCased } from '../../src/core/text/caseless';
import { markdownFixtures } from './helpers/fixtures';

/** Every case-insensitive pattern the built-in rules' prefilters test, with its anchor. */
function prefilterPatterns(): RegExp[] {
  return RULES.flatMap((rule) =>
    (rule.prefilter?.(rule.options.parse({})) ?? []).flatMap((group) => [...(group.anchor ? [group.anchor] : []), ...group.patterns]),
  );
}

describe('caseless patterns', () => {
  describe('foldCase', () => {
    it('folds every character to one that a lower-cased pattern sees as its case-insensitive equal', function () {
      this.timeout(120_000);
      const classes = [
        String.raw`\w`,
        String.raw`\W`,
        String.raw`\d`,
        String.raw`\s`,
        String.raw`\p{L}`,
        String.raw`[^\p{L}\p{N}_-]`,
        String.raw`\p{N}`,
      ];
      const tests = classes.map((source) => ({ source, iu: new RegExp(`^${source}$`, 'iu'), u: new RegExp(`^${source}$`, 'u') }));
      const asciiLetter = { iu: /^[a-z]$/iu, u: /^[a-z]$/u };
      let checked = 0;
      for (let code = 0; code <= 0x10ffff; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const char = String.fromCodePoint(code);
        const folded = foldCase(char);
        if (folded === undefined) {
          assert.ok(char === 'İ' || char === '\u0345', `U+${code.toString(16)} cannot be folded`);
          continue;
        }
        checked++;
        if (folded.length !== char.length) assert.fail(`U+${code.toString(16)} folds to ${folded.length} units`);
        const letter = asciiLetter.iu.test(char);
        if (letter !== asciiLetter.u.test(folded)) assert.fail(`U+${code.toString(16)}: an ASCII letter ${letter}, folded ${folded}`);
        if (letter && !new RegExp(`^${folded}$`, 'iu').test(char)) assert.fail(`U+${code.toString(16)} is not the letter ${folded}`);
        for (const { source, iu, u } of tests) {
          if (iu.test(char) !== u.test(folded)) assert.fail(`U+${code.toString(16)} in ${source}: ${iu.test(char)} as it is, folded not`);
        }
      }
      assert.ok(checked > 1_100_000);
      assert.equal(foldCase('Straße ſo KELVIN K'), 'straße so kelvin k');
    });
  });

  describe('lowerCased', () => {
    it('lower-cases letters and leaves escapes, classes of characters and group names as they are', () => {
      assert.equal(
        lowerCased(String.raw`Best\s+in\s+the\s+(?:UK|US)\b\S\W\D\B[^\p{L}]`),
        String.raw`best\s+in\s+the\s+(?:uk|us)\b\S\W\D\B[^\p{L}]`,
      );
      assert.equal(lowerCased(String.raw`[A-Z][\p{L}-]+(?<Name>X)(?<!Y)(?=Z)\u00e9?`), undefined, 'é is a letter with a case');
      assert.equal(
        lowerCased(String.raw`[A-Z][\p{L}-]+(?<Name>X)(?<!Y)(?=Z)\u2019`),
        String.raw`[a-z][\p{L}-]+(?<Name>x)(?<!y)(?=z)\u2019`,
      );
      assert.equal(lowerCased("world[’'-]s ×2 €"), "world[’'-]s ×2 €");
    });

    it('refuses what lower-casing could change', () => {
      for (const source of [
        String.raw`\p{Lu}\p{Ll}+`,
        String.raw`\P{L}`,
        String.raw`(a)\1`,
        String.raw`(?<a>x)\k<a>`,
        String.raw`(?i:x)`,
        'café',
        String.raw`\u0041`,
        String.raw`\x41`,
        String.raw`[A-z]`,
        String.raw`[0-Z]`,
        String.raw`\cJ`,
        'Σ',
      ])
        assert.equal(lowerCased(source), undefined, source);
    });
  });

  describe('CaselessPattern', () => {
    it('answers as the pattern does, on every paragraph of the fixtures and on texts that fold unusually', function () {
      // Every paragraph of every fixture against every prefilter pattern: about a minute alone, and it grows with the labelled sets.
      this.timeout(400_000);
      const patterns = prefilterPatterns().map((pattern) => ({ pattern, caseless: new CaselessPattern(pattern) }));
      assert.ok(patterns.length > 40);
      const paragraphs = markdownFixtures().flatMap((file) => roughText(readFileSync(file, 'utf8')).split(/\n[ \t]*\r?\n/));
      const unusual = paragraphs
        .slice(0, 400)
        .flatMap((text) => [text.toUpperCase(), text.replace(/s/g, 'ſ').replace(/k/g, 'K'), text.replace(/i/g, 'İ'), `${text}\u0345`]);
      let matched = 0;
      for (const text of [...paragraphs, ...unusual]) {
        const folded = foldCase(text);
        for (const { pattern, caseless } of patterns) {
          const expected = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).test(text);
          if (expected) matched++;
          if (caseless.test(text, folded) !== expected)
            assert.fail(`${pattern} on ${JSON.stringify(text.slice(0, 200))}: expected ${expected}`);
        }
      }
      assert.ok(paragraphs.length > 5000 && matched > 1000, `${paragraphs.length} paragraphs, ${matched} matches`);
    });

    it('tests a pattern without the i flag, or one it cannot lower-case, on the text as it is', () => {
      const sensitive = new CaselessPattern(/Best/u);
      assert.equal(sensitive.test('best', foldCase('best')), false);
      const upper = new CaselessPattern(/the \p{Lu}\p{Ll}+ way/iu);
      assert.equal(upper.test('The Acme way', foldCase('The Acme way')), true);
      assert.equal(new CaselessPattern(/kelvin/iu).test('\u212Aelvin', foldCase('\u212Aelvin')), true);
      assert.equal(new CaselessPattern(/kelvin/i).test('\u212Aelvin', foldCase('\u212Aelvin')), false, 'without u, K is not k');
    });
  });
});

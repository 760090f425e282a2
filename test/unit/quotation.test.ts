import assert from 'node:assert/strict';
import { inReportedSpeech, inShortQuotation, insideQuotation } from '../../src/core/prose';

/** The offset of `word` in `text`, which must contain it. */
function at(text: string, word: string): number {
  const index = text.indexOf(word);
  assert.notEqual(index, -1, `"${word}" is not in the text`);
  return index;
}

describe('quoted words', () => {
  describe('insideQuotation', () => {
    it('is inside straight and curly quotes, and outside them once they close', () => {
      const straight = 'The buyer says: "your price went up 12%" and hangs up.';
      assert.equal(insideQuotation(straight, at(straight, '12%')), true);
      assert.equal(insideQuotation(straight, at(straight, 'hangs')), false);
      const curly = 'Reply “Dear [Customer name]” and sign it.';
      assert.equal(insideQuotation(curly, at(curly, '[Customer')), true);
      assert.equal(insideQuotation(curly, at(curly, 'sign')), false);
    });

    it('looks back a sentence or two, not a whole page', () => {
      const text = `An open quote " at the start. ${'Plain words go on. '.repeat(20)}Then a claim.`;
      assert.equal(insideQuotation(text, at(text, 'Then')), false);
    });
  });

  describe('inReportedSpeech', () => {
    it('is someone in the story speaking, before or after the quotation', () => {
      const before = 'He says, "Try it again, it always works."';
      assert.equal(inReportedSpeech(before, at(before, 'always')), true);
      const after = '"It never fails," the driver insists.';
      assert.equal(inReportedSpeech(after, at(after, 'never')), true);
      const named = 'Priya told you: "this one is always safe".';
      assert.equal(inReportedSpeech(named, at(named, 'always')), true);
    });

    it('is not a line for the learner to say, nor words outside quotes', () => {
      const say = 'Say: "It never fails, madam."';
      assert.equal(inReportedSpeech(say, at(say, 'never')), false);
      const plain = 'He says the pump always works.';
      assert.equal(inReportedSpeech(plain, at(plain, 'always')), false);
    });
  });

  describe('inShortQuotation', () => {
    it('is a few words quoted on one line', () => {
      const note = 'The note on the account says "PTP agreed" with a date.';
      assert.equal(inShortQuotation(note, at(note, 'PTP'), at(note, 'PTP') + 3), true);
      const curly = 'Write “twice a day”, not “BD”.';
      assert.equal(inShortQuotation(curly, at(curly, 'BD'), at(curly, 'BD') + 2), true);
    });

    it('is not a quotation that closes on another line, nor an acronym outside quotes', () => {
      const split = 'He wrote "the\nPTP is agreed" later.';
      assert.equal(inShortQuotation(split, at(split, 'PTP'), at(split, 'PTP') + 3), false);
      const plain = 'Log the PTP in the "notes" field.';
      assert.equal(inShortQuotation(plain, at(plain, 'PTP'), at(plain, 'PTP') + 3), false);
    });
  });
});

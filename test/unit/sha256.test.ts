import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex as pure } from '../../src/core/text/sha256';
import { sha256Hex as native } from '../../src/node/sha256';

describe('sha256Hex: the pure hash the browser uses gives the values Node gives', () => {
  it('on any text, astral characters and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => {
        assert.equal(pure(text), createHash('sha256').update(text).digest('hex'));
        assert.equal(native(text), pure(text));
      }),
      { numRuns: 300 },
    );
  });

  it('on the empty text and a known vector', () => {
    assert.equal(pure(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(pure('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

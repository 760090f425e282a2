import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles, ROOT } from '../../scripts/generated';

describe('generated files', () => {
  for (const file of generatedFiles()) {
    it(`${file.path} is up to date (run npm run generate)`, () => {
      assert.equal(readFileSync(join(ROOT, file.path), 'utf8'), file.content);
    });
  }
});

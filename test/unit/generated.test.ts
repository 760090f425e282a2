import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { committedRuleTable, generatedFiles, ROOT, RULE_TABLE_HEADER } from '../../scripts/generated';
import { RULES, RULES_BY_ID } from '../../src/core/rules';

describe('generated files', () => {
  for (const file of generatedFiles()) {
    it(`${file.path} is up to date (run npm run generate)`, () => {
      assert.equal(readFileSync(join(ROOT, file.path), 'utf8'), file.content);
    });
  }
});

describe('the README rule table', () => {
  const ROW = /^\| \[`([a-z-]+)`\]\((docs\/rules\/[a-z-]+\.md)\) \| ([a-z]+) \| (off|hint|info|warning|error) \| (.+) \|$/;
  const lines = committedRuleTable(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const rows = lines.slice(RULE_TABLE_HEADER.length);

  it('starts with its header', () => {
    assert.deepEqual(lines.slice(0, RULE_TABLE_HEADER.length), RULE_TABLE_HEADER);
  });

  it('has one row per rule, in the registry order, and nothing else', () => {
    assert.deepEqual(
      rows.map((row) => ROW.exec(row)?.[1] ?? `not a rule row: ${row}`),
      RULES.map((rule) => rule.id),
    );
  });

  for (const [index, row] of rows.entries()) {
    it(`row ${index + 1} names an existing rule, its doc page, category, severity and description`, () => {
      const match = ROW.exec(row);
      assert.ok(match, `not a rule row: ${row}`);
      const [, id, docPath, category, severity, description] = match;
      const rule = RULES_BY_ID.get(id);
      assert.ok(rule, `no rule ${id}`);
      assert.equal(docPath, `docs/rules/${id}.md`);
      assert.ok(existsSync(join(ROOT, docPath)), `${docPath} exists`);
      assert.equal(readFileSync(join(ROOT, docPath), 'utf8').split('\n')[0], `# ${id}`);
      assert.deepEqual([category, severity, description], [rule.category, rule.defaultSeverity, rule.description]);
    });
  }
});

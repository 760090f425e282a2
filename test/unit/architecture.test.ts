import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const IMPORTS_VSCODE = /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/;
const IMPORTS_OUTWARD = /from\s+['"](?:\.\.\/)+(?:extension|cli)\//;
const USES_PROCESS_OR_CONSOLE = /\b(?:process\.|console\.)/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

describe('architecture', () => {
  it('the core and the CLI never import vscode', () => {
    const offenders = [...sourceFiles(join(ROOT, 'src/core')), ...sourceFiles(join(ROOT, 'src/cli'))].filter((file) => IMPORTS_VSCODE.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((file) => relative(ROOT, file)), []);
  });

  it('the core depends on neither adapter, and uses no process or console', () => {
    const offenders = sourceFiles(join(ROOT, 'src/core')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return IMPORTS_OUTWARD.test(text) || USES_PROCESS_OR_CONSOLE.test(text);
    });
    assert.deepEqual(offenders.map((file) => relative(ROOT, file)), []);
  });

  it('the checks can see a violation (self-test of the patterns)', () => {
    assert.ok(IMPORTS_VSCODE.test("import * as vscode from 'vscode';"));
    assert.ok(IMPORTS_VSCODE.test("const vscode = require('vscode');"));
    assert.ok(IMPORTS_OUTWARD.test("import { x } from '../../extension/linter';"));
  });
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const IMPORTS_VSCODE = /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/;
const IMPORTS_OUTWARD = /from\s+['"](?:\.\.\/)+(?:extension|cli)\//;
/** An import of a package (not a relative path, not a Node built-in). */
const IMPORTS_PACKAGE = /from\s+['"](?!\.|node:)[^'"]+['"]/;
const IMPORTS_NODE_BUILTIN = new RegExp(
  String.raw`(?:from\s+|require\(\s*|import\(\s*)['"](?:node:[\w/]+|${builtinModules.filter((name) => !name.startsWith('_')).join('|')})(?:/[\w/]*)?['"]`,
);
const USES_PROCESS_OR_CONSOLE = /\b(?:process\.|console\.)/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

describe('architecture', () => {
  it('the core, the CLI, the report and the git reader never import vscode', () => {
    const offenders = ['src/core', 'src/cli', 'src/report', 'src/git']
      .flatMap((folder) => sourceFiles(join(ROOT, folder)))
      .filter((file) => IMPORTS_VSCODE.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      offenders.map((file) => relative(ROOT, file)),
      [],
    );
  });

  it('the core depends on neither adapter, and uses no process or console', () => {
    const offenders = sourceFiles(join(ROOT, 'src/core')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return IMPORTS_OUTWARD.test(text) || USES_PROCESS_OR_CONSOLE.test(text);
    });
    assert.deepEqual(
      offenders.map((file) => relative(ROOT, file)),
      [],
    );
  });

  it('the core imports no Node built-in, so that it runs in the browser (vscode.dev)', () => {
    const offenders = sourceFiles(join(ROOT, 'src/core')).filter((file) => IMPORTS_NODE_BUILTIN.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      offenders.map((file) => relative(ROOT, file)),
      [],
    );
  });

  it('the basic types and text helpers are leaves: document, prose, review and text never import the rules', () => {
    const offenders = ['src/core/types', 'src/core/text', 'src/core/document', 'src/core/prose', 'src/core/review']
      .flatMap((folder) => sourceFiles(join(ROOT, folder)))
      .filter((file) => /from\s+['"](?:\.\.\/)+rules(?:\/|['"])/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      offenders.map((file) => relative(ROOT, file)),
      [],
    );
    const bomCopies = ['src']
      .flatMap((folder) => sourceFiles(join(ROOT, folder)))
      .filter((file) => /=\s*'\\uFEFF'/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      bomCopies.map((file) => relative(ROOT, file)),
      ['src/core/text/bom.ts'],
      'one BOM constant',
    );
  });

  it('the report draws its charts with no package: no charting library joins the bundles', () => {
    const offenders = sourceFiles(join(ROOT, 'src/report')).filter((file) => IMPORTS_PACKAGE.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      offenders.map((file) => relative(ROOT, file)),
      [],
    );
    assert.ok(IMPORTS_PACKAGE.test("import { parse, View } from 'vega';"));
    assert.ok(!IMPORTS_PACKAGE.test("import { healthSections } from '../core';"));
  });

  it('the checks can see a violation (self-test of the patterns)', () => {
    assert.ok(IMPORTS_VSCODE.test("import * as vscode from 'vscode';"));
    assert.ok(IMPORTS_VSCODE.test("const vscode = require('vscode');"));
    assert.ok(IMPORTS_OUTWARD.test("import { x } from '../../extension/linter';"));
    assert.ok(IMPORTS_NODE_BUILTIN.test("import { createHash } from 'node:crypto';"));
    assert.ok(IMPORTS_NODE_BUILTIN.test("import { join } from 'path';"));
    assert.ok(IMPORTS_NODE_BUILTIN.test("import { readFile } from 'fs/promises';"));
    assert.ok(!IMPORTS_NODE_BUILTIN.test("import { join } from './paths';"));
    assert.ok(!IMPORTS_NODE_BUILTIN.test("import { sha256 } from '@noble/hashes/sha2.js';"));
  });
});

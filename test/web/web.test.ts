// The extension's browser bundle in VS Code's web worker extension host (no Node), on a copy of the
// sample course (examples/). test/vscode/web-suite.mjs writes what the CLI says about the same
// files into the copy (.cli-findings.json, .cli-queue.json) before the workbench opens, and after
// the suite checks with the CLI that the sign-off made here is fresh.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { CourseReviewApi } from '../../src/extension/browser';

const EXTENSION_ID = 'course-review.course-review';
const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

interface CliFinding {
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

interface CliQueueItem {
  file: string;
  role: string;
  status: string;
}

function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the web suite needs the sample course open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

async function readJson<T>(relativePath: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relativePath)))) as T;
}

function findings(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'course-review');
}

function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : undefined;
}

async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function api(): Promise<CourseReviewApi> {
  const extension = vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

async function openLesson(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

describe('Course Review in the browser (web worker extension host)', function () {
  this.timeout(60000);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('runs without Node, on a workspace that is not a local folder', async () => {
    await api();
    const scope = globalThis as { importScripts?: unknown; process?: { versions?: { node?: string } } };
    assert.equal(typeof scope.importScripts, 'function', 'a web worker');
    assert.equal(scope.process?.versions?.node, undefined, 'no Node');
    assert.notEqual(vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'file');
  });

  it('lints the sample course with the same findings as the CLI', async () => {
    const { linter } = await api();
    const expected = await readJson<CliFinding[]>('.cli-findings.json');
    const lessons = [...new Set(expected.map((finding) => finding.file))].sort();
    assert.deepEqual(lessons, [
      'customer-service/01-greeting-callers.md',
      'customer-service/02-de-escalation.md',
      'customer-service/03-closing-calls.md',
    ]);
    for (const lesson of lessons) await linter.lintFile(workspaceUri(lesson));
    const seen = lessons.flatMap((lesson) =>
      findings(workspaceUri(lesson)).map(
        (diagnostic) =>
          `${lesson} ${ruleOf(diagnostic)} ${SEVERITY_NAMES[diagnostic.severity]} ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}-${diagnostic.range.end.line + 1}:${diagnostic.range.end.character + 1} ${diagnostic.message}`,
      ),
    );
    const fromCli = expected.map(
      (finding) =>
        `${finding.file} ${finding.ruleId} ${finding.severity} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.message}`,
    );
    assert.ok(fromCli.length >= 20, `the CLI found ${fromCli.length}`);
    assert.deepEqual(seen.sort(), fromCli.sort());
  });

  it('offers a quick fix, and Fix All applies every safe fix', async () => {
    const document = await openLesson('customer-service/01-greeting-callers.md');
    const wordy = await waitFor('the simpler-words finding', () =>
      findings(document.uri).find((diagnostic) => ruleOf(diagnostic) === 'simpler-words'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      wordy.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => action.isPreferred && action.edit);
    assert.ok(fix?.edit, actions.map((action) => action.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(wordy.range.with({ end: wordy.range.start.translate(0, 3) })), 'use');
    await waitFor('the finding to clear', () => !findings(document.uri).some((diagnostic) => ruleOf(diagnostic) === 'simpler-words'));

    const said = await vscode.commands.executeCommand<string>('courseReview.fixAll');
    assert.match(said, /^Course Review: \d+ fix(es)?: /);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('signs off with the reviewer from the setting; the record lands in the front matter and the finding clears', async () => {
    const settings = () => vscode.workspace.getConfiguration('courseReview');
    await settings().update('reviewer', 'Sam Okafor <sam@example.com>', vscode.ConfigurationTarget.Workspace);
    await waitFor('the reviewer setting', () => settings().get('reviewer') === 'Sam Okafor <sam@example.com>');
    const document = await openLesson('customer-service/03-closing-calls.md');
    await waitFor('review-required', () => findings(document.uri).some((diagnostic) => ruleOf(diagnostic) === 'review-required'));
    const before = document.getText();
    const applied = await vscode.commands.executeCommand<boolean>('courseReview.approve', {
      uri: document.uri,
      role: 'sme',
      note: 'Checked in the browser',
    });
    assert.equal(applied, true);
    const after = document.getText();
    assert.match(
      after,
      /\n {4}status: approved\n {4}reviewer: Sam Okafor\n {4}signed: \d{4}-\d\d-\d\d\n {4}fingerprint: sha256:[0-9a-f]{64}\n {4}note: Checked in the browser\n/,
    );
    assert.ok(
      !before.startsWith('---') && after.endsWith(`\n---\n${before}`),
      'the lesson had no front matter: a new one goes above the text, which is kept as it was',
    );
    await waitFor('review-required to clear', () => !findings(document.uri).some((diagnostic) => ruleOf(diagnostic) === 'review-required'));
    assert.ok(await document.save());
  });

  it('lists the outstanding reviews in the queue, read through workspace.fs, as the CLI does', async () => {
    const { queue } = await api();
    const expected = (await readJson<CliQueueItem[]>('.cli-queue.json'))
      .filter((item) => !(item.file.endsWith('03-closing-calls.md') && item.role === 'sme'))
      .map((item) => `${item.file.slice(item.file.lastIndexOf('/') + 1)} ${item.role} ${item.status}`);
    await vscode.commands.executeCommand('courseReview.queue.refresh');
    await queue.ready();
    const seen = await waitFor('the queue', () => {
      const items = queue
        .reviews(localToday())
        .map(({ item }) => `${item.file.slice(item.file.lastIndexOf('/') + 1)} ${item.role} ${item.status}`);
      return items.length === expected.length && items;
    });
    assert.deepEqual(seen.sort(), expected.sort());
  });
});

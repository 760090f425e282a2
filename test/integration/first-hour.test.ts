import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CourseReviewApi } from '../../src/extension/extension';
import { closeAllEditors, courseReviewDiagnostics, EXTENSION_ID, openLesson, ruleOf, waitFor, workspaceUri } from './helpers';

/** Rough edges a new user hit in the real VS Code. */
describe('a first hour with Course Review', function () {
  this.timeout(60000);
  let api: CourseReviewApi;
  let extension: vscode.Extension<CourseReviewApi>;

  before(async () => {
    extension = vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID)!;
    api = await extension.activate();
  });
  afterEach(closeAllEditors);

  /**
   * Opening a real lesson afterwards and waiting for its findings: the extension host handles
   * events in order, so by then it has handled the earlier document too (and chose not to lint it).
   */
  async function afterTheLinterCaughtUp(): Promise<void> {
    const { document } = await openLesson('course/01-intro.md');
    await waitFor('findings on a lesson opened afterwards', () => courseReviewDiagnostics(document.uri).length > 0);
  }

  it("a finding's rule link opens the rule page rendered, and the page itself is never linted", async () => {
    const { document } = await openLesson('course/01-intro.md');
    const measurable = await waitFor('objectives-measurable', () =>
      courseReviewDiagnostics(document.uri).find((diagnostic) => ruleOf(diagnostic) === 'objectives-measurable'),
    );
    const target = (measurable.code as { value: string; target: vscode.Uri }).target;
    assert.equal(target.scheme, 'command');
    assert.equal(target.path, 'courseReview.openRuleDoc');
    const args = JSON.parse(target.query) as string[];
    assert.deepEqual(args, ['objectives-measurable']);

    await vscode.commands.executeCommand(target.path, ...args);
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const preview = await waitFor('the rendered rule page', () =>
      tabs().find((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType)),
    );
    assert.match(preview.label, /objectives-measurable/);
    assert.ok(
      !tabs().some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.path.includes('/docs/rules/')),
      'no editable copy of the page is open',
    );

    const page = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'placeholder-text.md');
    const opened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page));
    assert.match(opened.document.getText(), /TODO/, 'the page shows placeholders as examples');
    await afterTheLinterCaughtUp();
    assert.deepEqual(courseReviewDiagnostics(page), [], 'a file outside the workspace is not a lesson');
    assert.equal(api.linter.snapshot(page), undefined);
  });

  it('lints an untitled file only once it reads like a lesson', async () => {
    const scratch = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'shopping list: milk, TODO ask about the rota\n',
    });
    await vscode.window.showTextDocument(scratch);
    await afterTheLinterCaughtUp();
    assert.deepEqual(courseReviewDiagnostics(scratch.uri), [], 'a scratch note is not a lesson');

    const draft = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '---\ntitle: Closing a call\n---\n\n# Closing a call\n\nTODO write the steps.\n',
    });
    await vscode.window.showTextDocument(draft);
    await waitFor('a finding on the untitled lesson', () =>
      courseReviewDiagnostics(draft.uri).some((diagnostic) => ruleOf(diagnostic) === 'placeholder-text'),
    );
  });

  it('the status bar counts what the Problems panel shows, and names hints apart', async () => {
    const { document } = await openLesson('course/03-prose.md');
    const diagnostics = await waitFor('a hint among the findings', () => {
      const found = courseReviewDiagnostics(document.uri);
      return found.some((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Hint) && found;
    });
    const count = (severity: vscode.DiagnosticSeverity) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
    const hints = count(vscode.DiagnosticSeverity.Hint);
    const item = api.findingsStatusBar.item;
    await waitFor(
      'the status bar to show the lesson',
      () => typeof item.tooltip === 'string' && item.tooltip.includes('in this lesson') && item.tooltip,
    );
    assert.match(item.text, new RegExp(`\\$\\(info\\) ${count(vscode.DiagnosticSeverity.Information)}\\b`));
    assert.match(
      String(item.tooltip),
      new RegExp(
        `${count(vscode.DiagnosticSeverity.Error)} errors?, ${count(vscode.DiagnosticSeverity.Warning)} warnings?, ${count(vscode.DiagnosticSeverity.Information)} info in this lesson, and ${hints} hints? \\(shown in the editor only`,
      ),
    );
  });

  it("reports a mistyped front matter opener, which would otherwise hide the lesson's reviews", async () => {
    const uri = workspaceUri(`course/opener-typo-${Date.now()}.md`);
    const text =
      '--- Practise handling a refund\ntitle: Handling a refund\nreview:\n  sme:\n    status: approved\n---\n\n# Handling a refund\n\nRefunds go through the till.\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const finding = await waitFor('the front matter finding', () =>
        courseReviewDiagnostics(uri).find((diagnostic) => ruleOf(diagnostic) === 'front-matter-schema'),
      );
      assert.equal(finding.range.start.line, 0);
      assert.equal(editor.document.getText(finding.range), '--- Practise handling a refund');
      assert.match(finding.message, /expected `---` alone on it/);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });
});

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, courseReviewDiagnostics, EXTENSION_ID, openLesson, ruleOf, waitFor, workspaceUri } from './helpers';

describe('linting in VS Code', function () {
  this.timeout(60000);

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await extension.activate();
  });

  afterEach(closeAllEditors);

  it('shows findings with rule codes, doc links and exact ranges when a lesson opens', async () => {
    const { document } = await openLesson('course/01-intro.md');
    const diagnostics = await waitFor('diagnostics on 01-intro.md', () => {
      const found = courseReviewDiagnostics(document.uri);
      return found.length >= 3 && found;
    });
    const measurable = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'objectives-measurable');
    assert.ok(measurable, 'objectives-measurable is reported');
    assert.deepEqual(
      [measurable.range.start.line, measurable.range.start.character, measurable.range.end.line, measurable.range.end.character],
      [3, 4, 3, 14],
    );
    assert.equal(document.getText(measurable.range), 'Understand');
    assert.equal(measurable.severity, vscode.DiagnosticSeverity.Warning);
    const code = measurable.code as { value: string; target: vscode.Uri };
    assert.equal(
      code.target.toString(true),
      'command:courseReview.openRuleDoc?["objectives-measurable"]',
      'the link opens the rendered rule page',
    );

    const placeholder = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'placeholder-text');
    assert.ok(placeholder);
    assert.equal(document.getText(placeholder.range), 'TODO');
    assert.equal(placeholder.range.start.line, 13);
  });

  it('applies a quick fix from the lightbulb, and the finding goes away', async () => {
    const { document } = await openLesson('course/01-intro.md');
    const measurable = await waitFor('objectives-measurable', () =>
      courseReviewDiagnostics(document.uri).find((diagnostic) => ruleOf(diagnostic) === 'objectives-measurable'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      measurable.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Disable objectives-measurable for this file'), titles.join(' | '));
    assert.ok(titles.includes('Show documentation for objectives-measurable'), titles.join(' | '));
    const replace = actions.find((action) => action.title === 'Replace "Understand" with "Explain"');
    assert.ok(replace?.edit, titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    assert.equal(document.lineAt(3).text, '  - Explain the three-part greeting');
    await waitFor(
      'objectives-measurable to clear',
      () => !courseReviewDiagnostics(document.uri).some((diagnostic) => ruleOf(diagnostic) === 'objectives-measurable'),
    );
  });

  it('inserts a disable comment for one line, which silences that finding only', async () => {
    const { document } = await openLesson('course/01-intro.md');
    const placeholder = await waitFor('placeholder-text', () =>
      courseReviewDiagnostics(document.uri).find((diagnostic) => ruleOf(diagnostic) === 'placeholder-text'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      placeholder.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const disable = actions.find((action) => action.title === 'Disable placeholder-text for this line');
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(document.lineAt(13).text, '<!-- course-review-disable-next-line placeholder-text -->');
    await waitFor(
      'placeholder-text to clear',
      () => !courseReviewDiagnostics(document.uri).some((diagnostic) => ruleOf(diagnostic) === 'placeholder-text'),
    );
    assert.ok(courseReviewDiagnostics(document.uri).some((diagnostic) => ruleOf(diagnostic) === 'objectives-measurable'));
  });

  it('re-lints as the author types, and publishes only for the current version', async () => {
    const editor = await openLesson('course/01-intro.md');
    const { document } = editor;
    await waitFor('first lint', () => courseReviewDiagnostics(document.uri).length > 0);
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\nLorem ipsum dolor sit amet.\n'));
    const typed = await waitFor('a finding for the typed placeholder', () =>
      courseReviewDiagnostics(document.uri).find(
        (diagnostic) => ruleOf(diagnostic) === 'placeholder-text' && document.getText(diagnostic.range) === 'Lorem ipsum',
      ),
    );
    assert.equal(typed.range.start.line, document.lineCount - 2);
  });

  it('clears findings when the lesson closes', async () => {
    const { document } = await openLesson('course/01-intro.md');
    await waitFor('diagnostics', () => courseReviewDiagnostics(document.uri).length > 0);
    await closeAllEditors();
    await waitFor('diagnostics to clear on close', () => courseReviewDiagnostics(document.uri).length === 0, 20000);
  });

  it('Lint Workspace fills the Problems panel for lessons that are not open, and skips READMEs', async () => {
    const unopened = workspaceUri('course/04-never-opened.md');
    await vscode.workspace.fs.writeFile(unopened, new TextEncoder().encode('# Never opened\n\nA lesson written to disk by the test.\n'));
    assert.equal(
      vscode.workspace.textDocuments.some((document) => document.uri.toString() === unopened.toString()),
      false,
    );
    const result = await vscode.commands.executeCommand<{ lessons: number; findings: number }>('courseReview.lintWorkspace');
    assert.ok(result && result.lessons >= 2, JSON.stringify(result));
    assert.deepEqual(courseReviewDiagnostics(unopened).map(ruleOf), ['review-required']);
    // Its module (the folder) lacks practice on most pages: one finding, on the module's first page, names it.
    const moduleWide = await waitFor('the module-level practice finding', () =>
      courseReviewDiagnostics(workspaceUri('course/01-intro.md')).find(
        (diagnostic) => ruleOf(diagnostic) === 'practice-present' && diagnostic.message.includes('04-never-opened.md'),
      ),
    );
    assert.match(
      moduleWide.message,
      /^No practice in the module "course": 2 of its 4 pages have none \(02-unopened\.md, 04-never-opened\.md\)/,
    );
    assert.deepEqual(courseReviewDiagnostics(workspaceUri('README.md')), []);
  });

  it('reports an invalid .coursereview.json on the config file and does not guess', async () => {
    const { document } = await openLesson('broken-config/lesson.md');
    const configUri = workspaceUri('broken-config/.coursereview.json');
    const [error] = await waitFor('a diagnostic on the broken config', () => {
      const found = vscode.languages.getDiagnostics(configUri);
      return found.length > 0 && found;
    });
    assert.match(error.message, /did you mean "objectives-present"/);
    assert.equal(error.range.start.line, 2);
    assert.deepEqual(courseReviewDiagnostics(document.uri), []);
  });
});

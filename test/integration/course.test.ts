import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CourseReviewApi } from '../../src/extension/extension';
import { closeAllEditors, courseReviewDiagnostics, EXTENSION_ID, ruleOf, waitFor, workspaceUri } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);
const WHOLE_LESSON_RULES = ['objectives-present', 'practice-present', 'summary-present', 'knowledge-check-present', 'hook-present'];

/** A unit of four MDX pages in a folder: its overview states the objectives for all of them. */
const UNIT: Record<string, string> = {
  '.coursereview.json': JSON.stringify({
    rules: Object.fromEntries(WHOLE_LESSON_RULES.map((rule) => [rule, ['warning', { minWords: 0 }]])),
  }),
  'introduction.mdx':
    "import Tip from './Tip'\n\n# Escalations\n\nImagine a caller who asks for your manager.\n\nIn this unit, you'll learn when to escalate a call and to whom.\n",
  'when-to-escalate.mdx':
    '# When to escalate\n\nEscalate when the caller asks twice, or when the refund is above your limit.\n\n<Tip>The limit is on your team page.</Tip>\n',
  'quiz.mdx':
    '# Quiz\n\n### Q1: When do you escalate?\n\n<details>\n<summary>Answer</summary>\n\nWhen the caller asks twice.\n\n</details>\n',
  'conclusion.mdx': '# Conclusion\n\nYou know when to escalate, and to whom.\n',
};

describe('course-aware checks in VS Code', function () {
  this.timeout(60000);
  let api: CourseReviewApi;
  const folder = () => workspaceUri('escalations-unit');
  const page = (name: string) => vscode.Uri.joinPath(folder(), name);

  before(async () => {
    api = await vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID)!.activate();
    for (const [name, text] of Object.entries(UNIT)) await vscode.workspace.fs.writeFile(page(name), encode(text));
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder(), { recursive: true });
  });

  /** Opens a page and waits until its findings were settled across its module, for its current version. */
  async function settled(editor: vscode.TextEditor): Promise<vscode.Diagnostic[]> {
    const { document } = editor;
    await waitFor(`${document.uri.path} settled across its module`, () => api.linter.settledVersion(document.uri) === document.version);
    return courseReviewDiagnostics(document.uri);
  }

  it('checks an .mdx lesson; its section page is quiet about objectives the overview states; removing them brings one module-level finding back', async () => {
    const section = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page('when-to-escalate.mdx')));
    assert.equal(section.document.languageId, 'mdx');
    const sectionFindings = await settled(section);
    assert.deepEqual(
      sectionFindings.map(ruleOf).filter((rule) => WHOLE_LESSON_RULES.includes(rule!)),
      ['practice-present'],
      'only practice is missing from the unit',
    );

    const overview = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page('introduction.mdx')));
    await settled(overview);
    const statement = overview.document.getText().indexOf("In this unit, you'll learn");
    assert.ok(
      await overview.edit((edit) =>
        edit.delete(
          new vscode.Range(overview.document.positionAt(statement), overview.document.positionAt(overview.document.getText().length)),
        ),
      ),
    );
    const afterEdit = await settled(overview);
    const objectives = afterEdit.filter((diagnostic) => ruleOf(diagnostic) === 'objectives-present');
    assert.equal(objectives.length, 1, afterEdit.map((diagnostic) => diagnostic.message).join('\n'));
    assert.match(objectives[0].message, /^No learning objectives in the module "escalations-unit": none of its pages has one/);
    assert.equal(objectives[0].range.start.line, 2, "on the module's first page, at its title");
    await waitFor(
      'the section page to stay quiet about objectives',
      () => !courseReviewDiagnostics(section.document.uri).some((diagnostic) => ruleOf(diagnostic) === 'objectives-present'),
    );

    await vscode.commands.executeCommand('undo');
    await waitFor(
      'the module-level finding to go',
      async () =>
        api.linter.settledVersion(overview.document.uri) === overview.document.version &&
        !courseReviewDiagnostics(overview.document.uri).some((diagnostic) => ruleOf(diagnostic) === 'objectives-present'),
    );
  });

  it('shows the page type in the status bar', async () => {
    const quiz = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page('quiz.mdx')));
    await settled(quiz);
    await waitFor('the page type in the tooltip', () =>
      String(api.findingsStatusBar.item.tooltip).includes('Page type: quiz (file name quiz.mdx)'),
    );
  });

  it("hears of an exercise's answer beside it, and of a workshop's runner, as the CLI does", async () => {
    const exercise = vscode.Uri.joinPath(folder(), 'exercise', 'brief.md');
    const answer = vscode.Uri.joinPath(folder(), 'exercise', 'solution.js');
    const brief =
      '# Refund a duplicate charge\n\nImagine a customer charged twice for one order.\n\n## Exercise\n\nWrite the function that finds the duplicate charge.\n';
    await vscode.workspace.fs.writeFile(exercise, encode(brief));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder(), 'workshop', 'exercises.json'),
      encode(JSON.stringify({ '» REFUNDS: DUPLICATES': 'duplicates' })),
    );
    const workshopPage = vscode.Uri.joinPath(folder(), 'workshop', 'exercises', 'duplicates', 'README.md');
    await vscode.workspace.fs.writeFile(workshopPage, encode(brief));
    const feedbackFindings = (uri: vscode.Uri) =>
      courseReviewDiagnostics(uri).filter((diagnostic) => ruleOf(diagnostic) === 'practice-feedback');

    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(exercise));
    await settled(editor);
    await waitFor('practice without feedback reported', () => feedbackFindings(exercise).length === 1);
    await vscode.workspace.fs.writeFile(
      answer,
      encode('module.exports = (charges) => charges.find((charge, index) => charges.indexOf(charge) !== index);\n'),
    );
    await waitFor('the answer beside the page counted as its feedback', () => feedbackFindings(exercise).length === 0);
    await vscode.workspace.fs.delete(answer);
    await waitFor('the finding back once the answer is gone', () => feedbackFindings(exercise).length === 1);

    await settled(await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workshopPage)));
    assert.deepEqual(feedbackFindings(workshopPage), [], "the workshop's runner checks the exercise");
  });
});

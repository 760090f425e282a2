import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { daysBetween } from '../../src/core/review/dates';
import { localToday } from '../../src/extension/review/today';
import {
  acceptingEveryPrompt,
  closeAllEditors,
  courseReviewDiagnostics,
  EXTENSION_ID,
  openLesson,
  ruleOf,
  waitFor,
  waitForEqual,
  workspaceUri,
} from './helpers';

/** The fingerprint of review/refunds.md as it is on disk: body and front matter minus `review`. */
const REFUNDS_FINGERPRINT = 'sha256:88e3faa7c2db565ed9b0a58c3fa74648a7ee5bb3561ea3c71aec76bebaf6064f';
const LEGAL_RECORD = '  legal:\n    status: requested\n    reviewer: legal@example.com\n';

async function lensTitles(document: vscode.TextDocument): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
  return lenses
    .filter((lens) => lens.command?.command === 'courseReview.reviewActions' || lens.command?.command === '')
    .map((lens) => lens.command?.title ?? '');
}

/** Polls the CodeLens provider until it shows `expected`; fails with what it last showed. */
function waitForLenses(document: vscode.TextDocument, expected: string[], timeoutMs = 15000): Promise<void> {
  return waitForEqual(() => lensTitles(document), expected, timeoutMs);
}

describe('reviews in VS Code', function () {
  this.timeout(60000);
  const settings = () => vscode.workspace.getConfiguration('courseReview');

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await extension.activate();
    await settings().update('reviewer', 'Priya Patel', vscode.ConfigurationTarget.Workspace);
    await waitFor('the reviewer setting to apply', () => settings().get('reviewer') === 'Priya Patel');
  });
  after(() => settings().update('reviewer', undefined, vscode.ConfigurationTarget.Workspace));
  afterEach(async () => {
    await closeAllEditors();
    await restoreLessons();
  });

  /**
   * The lessons as they were before the suite, on disk and in the workbench. Under load a lesson
   * was found saved between a test's approval and its undo, by a save nobody named (VS Code's local
   * history labels such a save "undoRedo.source"): the next test must still start from the fixture.
   */
  const LESSONS = ['review/refunds.md', 'review/escalation.md'];
  const fixtures = new Map<string, Uint8Array>();
  before(async () => {
    for (const path of LESSONS) fixtures.set(path, await vscode.workspace.fs.readFile(workspaceUri(path)));
  });
  async function restoreLessons(): Promise<void> {
    for (const [path, bytes] of fixtures) {
      const uri = workspaceUri(path);
      const text = new TextDecoder().decode(bytes);
      if (new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) !== text) await vscode.workspace.fs.writeFile(uri, bytes);
      const dirty = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString() && document.isDirty);
      if (dirty) {
        await vscode.window.showTextDocument(dirty);
        await closeAllEditors();
      }
      await waitFor(`${path} back as it was`, () => {
        const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
        return !open || (!open.isDirty && open.getText() === text);
      });
    }
  }

  it('Approve writes the sign-off into the front matter as one undoable edit; a later change makes it stale', async () => {
    const editor = await openLesson('review/refunds.md');
    const { document } = editor;
    const original = document.getText();
    await waitForLenses(document, ['SME · review required', 'Legal ⏳ requested', 'Marketing — not required']);

    const applied = await vscode.commands.executeCommand<boolean>('courseReview.approve', {
      uri: document.uri,
      role: 'sme',
      note: 'Checked against refund policy v2',
    });
    assert.equal(applied, true);
    const approved = original.replace(
      LEGAL_RECORD,
      LEGAL_RECORD +
        '  sme:\n' +
        '    status: approved\n' +
        '    reviewer: Priya Patel\n' +
        `    signed: ${localToday()}\n` +
        `    fingerprint: ${REFUNDS_FINGERPRINT}\n` +
        '    note: Checked against refund policy v2\n',
    );
    assert.notEqual(approved, original);
    assert.equal(document.getText(), approved);
    assert.ok(document.isDirty, 'the sign-off is an unsaved edit');
    await waitForLenses(document, ['SME ✓ approved by Priya Patel', 'Legal ⏳ requested', 'Marketing — not required']);
    await waitFor(
      'review-required to clear',
      () => !courseReviewDiagnostics(document.uri).some((diagnostic) => ruleOf(diagnostic) === 'review-required'),
    );

    const end = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(end, '- Offer a voucher when the limit is too low\n')));
    const stale = await waitFor('a review-stale finding', () =>
      courseReviewDiagnostics(document.uri).find((diagnostic) => ruleOf(diagnostic) === 'review-stale'),
    );
    assert.equal(document.getText(stale.range), 'approved');
    assert.match(stale.message, /stale SME approval by Priya Patel/);
    await waitForLenses(document, ['SME ⚠ stale approval', 'Legal ⏳ requested', 'Marketing — not required']);

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), approved, 'the first undo takes back the body edit');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'the second undo takes back the whole sign-off');
  });

  it('Request Review and Withdraw Sign-off write and remove a role record', async () => {
    const { document } = await openLesson('review/refunds.md');
    const original = document.getText();
    assert.equal(
      await vscode.commands.executeCommand('courseReview.requestReview', {
        uri: document.uri,
        role: 'marketing',
        reviewer: 'brand@example.com',
        due: '2099-01-15',
      }),
      true,
    );
    const requested = original.replace(
      LEGAL_RECORD,
      LEGAL_RECORD +
        '  marketing:\n' +
        '    status: requested\n' +
        '    reviewer: brand@example.com\n' +
        `    requested: ${localToday()}\n` +
        '    due: 2099-01-15\n',
    );
    assert.equal(document.getText(), requested);
    assert.equal(await vscode.commands.executeCommand('courseReview.withdraw', { uri: document.uri, role: 'marketing' }), true);
    assert.equal(document.getText(), original);
  });

  it("Request Review asks for the role, the reviewer and the due date, suggesting the role's default", async () => {
    const { document } = await openLesson('review/refunds.md');
    const original = document.getText();
    assert.equal(await acceptingEveryPrompt(vscode.commands.executeCommand('courseReview.requestReview')), true);
    const due = new Date();
    due.setDate(due.getDate() + 7);
    const record = '  sme:\n    status: requested\n' + `    requested: ${localToday()}\n` + `    due: ${localToday(due)}\n`;
    assert.equal(document.getText(), original.replace(LEGAL_RECORD, LEGAL_RECORD + record));
  });

  it("a CodeLens click offers that role's actions, and Approve signs for it", async () => {
    const { document } = await openLesson('review/escalation.md');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const legal = lenses.find((lens) => lens.command?.title.startsWith('Legal'))?.command;
    assert.ok(legal);
    assert.equal(await acceptingEveryPrompt(vscode.commands.executeCommand(legal.command, ...(legal.arguments ?? []))), true);
    await waitForLenses(document, ['SME ✓ approved by Priya Patel', 'Legal ✓ approved by Priya Patel', 'Marketing — not required']);
  });

  it('refuses to sign a lesson whose front matter does not parse, and changes nothing', async () => {
    const { document } = await openLesson('review/broken-front-matter.md');
    const original = document.getText();
    const applied = await vscode.commands.executeCommand<boolean>('courseReview.approve', { uri: document.uri, role: 'sme', note: '' });
    assert.equal(applied, false);
    assert.equal(document.getText(), original);
    assert.equal(document.isDirty, false);
    await waitForLenses(document, ['Reviews ⚠ the front matter does not parse: fix it to see or sign reviews']);
  });

  it('shows each role over the front matter, overdue included, and hides the lenses when courseReview.codeLens is off', async () => {
    const { document } = await openLesson('review/escalation.md');
    const overdue = daysBetween('2026-11-20', localToday());
    await waitForLenses(document, [
      'SME ✓ approved by Priya Patel',
      `Legal ⚠ overdue by ${overdue} day${overdue === 1 ? '' : 's'}`,
      'Marketing — not required',
    ]);
    const [lens] = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.equal(lens.range.start.line, 0);
    assert.deepEqual(lens.command?.arguments, [{ uri: document.uri, role: 'sme' }]);
    const overdueFinding = await waitFor('review-overdue', () =>
      courseReviewDiagnostics(document.uri).find((diagnostic) => ruleOf(diagnostic) === 'review-overdue'),
    );
    assert.equal(document.getText(overdueFinding.range), '2026-11-20');

    await settings().update('codeLens', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForLenses(document, []);
    } finally {
      await settings().update('codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

// Smoke tests of Course Review as installed from its VSIX (`--install-extension`), not the source
// folder: whatever the package lacks (a file left out of .vscodeignore's allow-list) fails here.
// Run by test/vscode/installed-smoke.mjs, which sets:
//   COURSE_REVIEW_SMOKE_EXTENSIONS_DIR  the extensions dir the VSIX was installed into
//   COURSE_REVIEW_SMOKE_REPO            the repository (the installed copy must not be in it)
//   COURSE_REVIEW_TEST_WORKSPACE        the open workspace, a copy of test/fixtures/workspace
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CourseReviewApi } from '../../src/extension/extension';
import { closeAllEditors, courseReviewDiagnostics, EXTENSION_ID, openLesson, ruleOf, waitFor, workspaceUri } from '../integration/helpers';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through test/vscode/run-tests.mjs`);
  return value;
}

const real = (p: string) => fs.realpathSync(p);
const isInside = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

describe('Course Review installed from its VSIX', function () {
  this.timeout(60000);
  let extension: vscode.Extension<CourseReviewApi>;
  let api: CourseReviewApi;

  before(() => {
    const found = vscode.extensions.getExtension<CourseReviewApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed`);
    extension = found;
  });
  afterEach(closeAllEditors);

  it('is the installed copy, under the extensions dir and not the repository', () => {
    const extensionsDir = real(required('COURSE_REVIEW_SMOKE_EXTENSIONS_DIR'));
    const repo = real(required('COURSE_REVIEW_SMOKE_REPO'));
    const at = real(extension.extensionPath);
    assert.ok(isInside(at, extensionsDir), `${at} is inside ${extensionsDir}`);
    assert.ok(!isInside(at, repo) && at !== repo, `${at} is not the repository ${repo}`);
    assert.equal(vscode.extensions.all.filter((each) => each.id.toLowerCase() === EXTENSION_ID).length, 1, 'one Course Review only');
    assert.equal(extension.isActive, false, 'nothing activated it before the tests');
  });

  it('ships every file its package.json names', async () => {
    const manifest = extension.packageJSON;
    const named: string[] = [manifest.main, manifest.browser, manifest.icon];
    for (const container of manifest.contributes.viewsContainers?.activitybar ?? []) named.push(container.icon);
    for (const views of Object.values(manifest.contributes.views ?? {}) as { icon?: string }[][])
      for (const view of views) if (view.icon) named.push(view.icon);
    for (const validation of manifest.contributes.jsonValidation ?? []) named.push(validation.url);
    for (const walkthrough of manifest.contributes.walkthroughs ?? []) {
      for (const step of walkthrough.steps ?? []) {
        const media = step.media ?? {};
        for (const file of [media.markdown, media.svg, ...(typeof media.image === 'object' ? Object.values(media.image) : [media.image])])
          if (typeof file === 'string') named.push(file);
      }
    }
    for (const file of named.filter(Boolean)) {
      assert.ok(
        await exists(vscode.Uri.joinPath(extension.extensionUri, file)),
        `${file} (named by package.json) is in the installed extension`,
      );
    }
  });

  it('activates without evaluating the lint core (dist/core.js), which loads for the first lesson', async () => {
    const coreLoaded = () => Object.keys(require.cache).some((file) => /[\\/]dist[\\/]core\.js$/.test(file));
    let loadedBy: string | undefined;
    const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
    const original = loader._load;
    loader._load = function (request: string, ...rest: unknown[]) {
      if (request === './core.js') loadedBy ??= new Error('dist/core.js loaded').stack;
      return original.call(this, request, ...rest);
    };
    try {
      api = await extension.activate();
      assert.ok(extension.isActive);
      assert.ok(api?.linter && api.queue && api.outline, 'activate() returns the API');
      assert.equal(coreLoaded(), false, `activation loaded the core:\n${loadedBy}`);
      const { document } = await openLesson('course/01-intro.md');
      await waitFor('findings', () => courseReviewDiagnostics(document.uri).length > 0, 30000);
      assert.ok(coreLoaded(), 'the core is loaded once a lesson is checked');
    } finally {
      loader._load = original;
    }
  });

  it('checks an opened lesson on the lint worker (dist/lintWorker.js) and links each finding to its rule page', async () => {
    const { document } = await openLesson('course/01-intro.md');
    const measurable = await waitFor(
      'the objectives-measurable finding on course/01-intro.md',
      () => courseReviewDiagnostics(document.uri).find((diagnostic) => ruleOf(diagnostic) === 'objectives-measurable'),
      30000,
    );
    const rules = courseReviewDiagnostics(document.uri).map(ruleOf);
    assert.ok(!rules.includes('lesson-skipped'), `the lesson was checked, not skipped: ${rules.join(', ')}`);
    assert.equal(document.getText(measurable.range), 'Understand');

    // The finding's code links to courseReview.openRuleDoc, which shows <extension>/docs/rules/<rule>.md.
    const target = (measurable.code as { value: string; target: vscode.Uri }).target;
    assert.equal(target.scheme, 'command');
    assert.equal(target.path, 'courseReview.openRuleDoc');
    const args = JSON.parse(target.query) as string[];
    for (const rule of new Set(rules)) {
      const page = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${rule}.md`);
      assert.ok(await exists(page), `the page of ${rule} is installed: ${page.fsPath}`);
    }
    const page = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${args[0]}.md`);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(page)), /objectives-measurable|objectives/i);
    await vscode.commands.executeCommand(target.path, ...args);
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const preview = await waitFor('the rendered rule page', () =>
      tabs().find((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType)),
    );
    assert.match(preview.label, /objectives-measurable/);
  });

  it('ships the page of every rule in docs/rules', async () => {
    const repoPages = fs
      .readdirSync(path.join(required('COURSE_REVIEW_SMOKE_REPO'), 'docs', 'rules'))
      .filter((name) => name.endsWith('.md'))
      .sort();
    assert.ok(repoPages.length > 10, 'the repository has rule pages');
    const installed = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules')))
      .map(([name]) => name)
      .filter((name) => name.endsWith('.md'))
      .sort();
    assert.deepEqual(installed, repoPages);
  });

  it("validates .coursereview.json against the schema where package.json's jsonValidation points", async () => {
    const [validation] = extension.packageJSON.contributes.jsonValidation as { fileMatch: string; url: string }[];
    assert.equal(validation.fileMatch, '.coursereview.json');
    const schemaUri = vscode.Uri.joinPath(extension.extensionUri, validation.url);
    const schema = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(schemaUri)));
    assert.ok(schema.properties?.extends, 'the schema describes `extends`');

    // VS Code's JSON language service loads it: a config without $schema gets the schema's verdict.
    const config = workspaceUri('schema-check/.coursereview.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{\n  "extends": "lenient"\n}\n'));
    try {
      const document = await vscode.workspace.openTextDocument(config);
      await vscode.window.showTextDocument(document);
      const verdict = await waitFor(
        'a JSON schema diagnostic on `extends`',
        () =>
          vscode.languages
            .getDiagnostics(config)
            .find((diagnostic) => diagnostic.source !== 'course-review' && diagnostic.range.start.line === 1),
        30000,
      );
      assert.doesNotMatch(verdict.message, /unable to load schema|schema.*not (?:be )?found/i, verdict.message);
      assert.match(verdict.message, /"recommended", "strict"/, `the schema's own enum is quoted: ${verdict.message}`);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(workspaceUri('schema-check'), { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('shows and refreshes the review queue', async () => {
    await vscode.commands.executeCommand('courseReview.queue.focus');
    await vscode.commands.executeCommand('courseReview.queue.refresh');
    await api.queue.ready();
    const today = new Date().toISOString().slice(0, 10);
    assert.ok(api.queue.reviews(today).length > 0, "the queue lists the fixture's outstanding reviews");
    await vscode.commands.executeCommand('courseReview.queue.refresh');
  });

  it('exports the course health report as HTML, its charts drawn', async () => {
    const target = workspaceUri('course-health-smoke.html');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('courseReview.exportHealthReport', target);
      assert.equal(written?.toString(), target.toString());
      const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.ok((html.match(/<svg role="img"/g) ?? []).length >= 1, 'the report has its charts');
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});

import * as vscode from 'vscode';
import { resolveModuleFindings, type CheckedFinding, type LintReport, type PageSummary, type ResolvedConfig } from '../../core';
import type { ConfigService } from '../config';
import { toDiagnostic } from '../diagnostics';
import { Disposable } from '../disposable';
import { LESSON_GLOB } from '../lessonFiles';
import type { LintRunner } from '../lint/runner';
import { localToday } from '../review/today';
import type { CourseModel } from './courseModel';

/** A page's own check, before its module settled it. */
export interface PageResult {
  findings: CheckedFinding[];
  page: PageSummary;
  config: ResolvedConfig;
}

/**
 * Settles the whole-lesson findings of open lessons across their modules: the other pages of a
 * module are checked once in the background (and again when they change on disk), so that a
 * section page is quiet when its module's overview states the objectives, and a module without a
 * part anywhere gets one finding on its first page, open or not.
 */
export class ModuleFindings extends Disposable {
  private readonly results = new Map<string, PageResult>();
  /** Module-wide findings on first pages that are not open. */
  private readonly closedPages = this.register(vscode.languages.createDiagnosticCollection('course-review-modules'));

  constructor(
    private readonly model: CourseModel,
    private readonly client: LintRunner,
    private readonly configs: ConfigService,
  ) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(LESSON_GLOB));
    const forget = (uri: vscode.Uri) => this.results.delete(uri.toString());
    this.register(watcher.onDidChange(forget));
    this.register(watcher.onDidDelete(forget));
    // Once closed, a page is what its file says, not what its editor last held.
    this.register(vscode.workspace.onDidCloseTextDocument((document) => forget(document.uri)));
    this.register(configs.onDidChange(() => this.results.clear()));
  }

  /**
   * Records an open page's check and settles its module. Resolves to the findings to publish for
   * each open page of the module (the checked page always among them); to none when the module's
   * pages were all closed meanwhile, unless the page's findings are kept after close (Lint Workspace).
   */
  async settle(
    uri: vscode.Uri,
    report: LintReport,
    config: ResolvedConfig,
    isOpen: (key: string) => boolean,
    keptAfterClose = false,
  ): Promise<Map<string, CheckedFinding[]>> {
    const key = uri.toString();
    this.results.set(key, { findings: report.findings, page: report.page, config });
    const course = await this.model.ensureKnows(uri);
    const module = course.page(uri.path)?.module;
    if (!module) return new Map([[key, settleAlone(report.findings)]]);
    const pages = module.pages.map((path) => uri.with({ path }));
    await Promise.all(pages.filter((page) => !this.results.has(page.toString())).map((page) => this.checkClosed(page)));
    const linted = pages.flatMap((page) => {
      const result = this.results.get(page.toString());
      return result ? [{ path: page.path, findings: result.findings, summary: result.page, config: result.config }] : [];
    });
    // Every page of the module closed while its other pages were read: nothing of it is shown any more.
    if (!keptAfterClose && !pages.some((page) => isOpen(page.toString()))) return new Map();
    const settled = resolveModuleFindings(linted, course);
    const open = new Map<string, CheckedFinding[]>();
    for (const page of pages) {
      const findings = (settled.get(page.path) ?? []) as CheckedFinding[];
      if (isOpen(page.toString()) || page.toString() === key) open.set(page.toString(), findings.map(withComments));
      else this.closedPages.set(page, findings.filter((finding) => finding.moduleWide).map(toDiagnostic));
    }
    return open;
  }

  /** The page's latest check: of its editor's text while open, of its file otherwise; undefined when not checked since it last changed. */
  resultOf(uri: vscode.Uri): PageResult | undefined {
    return this.results.get(uri.toString());
  }

  /**
   * A page was closed: when no page of its module is open any more, the module-wide findings shown
   * on its closed first page go too, as an open lesson's findings go when it closes.
   */
  closed(uri: vscode.Uri, isOpen: (key: string) => boolean): void {
    const module = this.model.moduleOf(uri);
    if (!module) return;
    const pages = module.pages.map((path) => uri.with({ path }));
    if (pages.some((page) => isOpen(page.toString()))) return;
    for (const page of pages) this.closedPages.delete(page);
  }

  /** A page is open now: its own findings replace the module-wide ones shown for it while closed. */
  opened(uri: vscode.Uri): void {
    this.closedPages.delete(uri);
  }

  private async checkClosed(uri: vscode.Uri) {
    const config = this.configs.forDocument(uri);
    if (!config.ok) return;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return;
    }
    const outcome = await this.client.request(
      { method: 'lintOnce', text, today: localToday(), page: this.model.hints(uri) },
      config.config,
      'background',
    );
    if (outcome.kind === 'answered' && outcome.response.method === 'lintOnce')
      this.results.set(uri.toString(), {
        findings: outcome.response.report.findings,
        page: outcome.response.report.page,
        config: config.config,
      });
  }
}

/** A page the course does not place: its whole-lesson findings stand on their own. */
function settleAlone(findings: CheckedFinding[]): CheckedFinding[] {
  return findings.map(({ module: _module, ...finding }) => finding);
}

/** A module-wide finding carries no suppression comments of its own: the page's file-level comment silences it. */
function withComments(finding: CheckedFinding): CheckedFinding {
  return finding.disableFile === undefined && finding.moduleWide ? { ...finding, disableLine: undefined, disableFile: undefined } : finding;
}

import * as vscode from 'vscode';
import {
  stoppedCheckFinding,
  type CheckedFinding,
  type LintResponse,
  type PageSummary,
  type ResolvedConfig,
  type StopReason,
} from '../core';
import type { CourseModel } from './course/courseModel';
import type { ModuleFindings } from './course/moduleFindings';
import type { ConfigService } from './config';
import { toDiagnostic } from './diagnostics';
import { KeyedDebouncer } from './debounce';
import { Disposable } from './disposable';
import type { LintRunner, Outcome } from './lint/runner';
import { localToday } from './review/today';

export interface LintSnapshot {
  uri: vscode.Uri;
  /** The document version checked; -1 for a file read from disk. */
  version: number;
  findings: CheckedFinding[];
  /** Flesch-Kincaid grade, when the lesson has prose and was checked. */
  grade?: number;
  /** The page as its course sees it (its type, above all), when it was checked. */
  page?: PageSummary;
}

const TYPING_DELAY_MS = 250;

/**
 * Lints open lessons on open, on type (debounced) or on save, on the lint worker, and publishes
 * diagnostics only while the document is still at the version that was linted. Diagnostics go away
 * when a lesson closes. A lesson whose check ran over its time budget is checked again on save only.
 */
export class LessonLinter extends Disposable {
  readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('course-review'));
  private readonly snapshots = new Map<string, LintSnapshot>();
  private readonly typing = this.register(new KeyedDebouncer());
  /** The version of each lesson whose findings were last settled across its module. */
  private readonly settled = new Map<string, number>();
  /** The latest version of each lesson that a change event brought, linted or not. */
  private readonly seen = new Map<string, number>();
  /** Bumped when a lesson is forgotten (closed, no longer a lesson): a check that was running for it then publishes nothing. */
  private readonly generations = new Map<string, number>();
  /** The version of each lesson a check was last asked for: opening a lesson fires several events, one check is enough. */
  private readonly requested = new Map<string, number>();
  /** Lessons whose last check was stopped (time or memory): typing does not start another. */
  private readonly overBudget = new Set<string>();
  /** Lessons that Lint Workspace covered: closing them re-reads the file instead of clearing. */
  private readonly keptAfterClose = new Set<string>();
  private readonly linted = this.register(new vscode.EventEmitter<LintSnapshot>());
  readonly onDidLint = this.linted.event;

  constructor(
    private readonly configs: ConfigService,
    private readonly client: LintRunner,
    private readonly course: CourseModel,
    private readonly modules: ModuleFindings,
  ) {
    super();
    this.register(
      course.onDidChange(() => {
        this.requested.clear();
        this.lintOpenDocuments();
      }),
    );
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.lint(document)));
    this.register(vscode.workspace.onDidChangeTextDocument(({ document }) => this.changed(document)));
    this.register(vscode.workspace.onDidSaveTextDocument((document) => this.lint(document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.closed(document.uri)));
    this.register(
      vscode.window.onDidChangeVisibleTextEditors((editors) =>
        editors.forEach(({ document }) => !this.snapshot(document.uri) && this.lint(document)),
      ),
    );
    this.register(vscode.window.tabGroups.onDidChangeTabs(({ closed }) => closed.forEach((tab) => this.tabClosed(tab))));
    this.register(
      configs.onDidChange(() => {
        this.requested.clear();
        this.lintOpenDocuments();
      }),
    );
  }

  /** Checks again every lesson the author has open; a document VS Code keeps alive after its tab closed is not one. */
  lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) if (this.isOpenToAuthor(document)) void this.lint(document);
  }

  snapshot(uri: vscode.Uri): LintSnapshot | undefined {
    return this.snapshots.get(uri.toString());
  }

  /** The newest version of the lesson the linter has heard of, whether it checked it or not. */
  seenVersion(uri: vscode.Uri): number | undefined {
    return this.seen.get(uri.toString());
  }

  /** True while a check of the lesson waits for the author to pause typing. */
  isPending(uri: vscode.Uri): boolean {
    return this.typing.has(uri.toString());
  }

  /** True while a check of the lesson waits for the worker or runs on it. */
  isChecking(uri: vscode.Uri): boolean {
    return this.client.isBusyWith(uri.toString());
  }

  /** Checks the document as it is now; resolves once its findings are published (or it was found not to be a lesson). */
  async lint(document: vscode.TextDocument): Promise<void> {
    this.cancel(document.uri);
    // In onSave mode unsaved text is never checked, whatever asks (a config change, Lint Workspace, a late file event).
    if (document.isDirty && this.runOn() === 'onSave') return;
    const config = this.lessonConfig(document);
    if (!config) return;
    const key = document.uri.toString();
    const version = document.version;
    if (this.requested.get(key) === version && this.client.isBusyWith(key)) return;
    this.requested.set(key, version);
    const generation = this.generations.get(key) ?? 0;
    const current = () => !document.isClosed && document.version === version && (this.generations.get(key) ?? 0) === generation;
    if (!this.course.course) void this.course.ensure();
    const outcome = await this.client.request(
      { method: 'lint', key, text: document.getText(), today: localToday(), page: this.course.hints(document.uri) },
      config,
    );
    if (outcome.kind === 'superseded' || !current()) return;
    const report = reportOf(outcome);
    if (!('findings' in report)) {
      this.overBudget.add(key);
      this.publish({ uri: document.uri, version, ...snapshotParts(report, config) });
      return;
    }
    this.overBudget.delete(key);
    this.modules.opened(document.uri);
    // Whole-lesson findings wait for the module to be settled: a page of the module may make them moot.
    this.publish({
      uri: document.uri,
      version,
      findings: report.findings.filter((finding) => !finding.module),
      grade: report.grade,
      page: report.page,
    });
    const settled = await this.modules.settle(document.uri, report, config, (other) => this.snapshots.has(other));
    if (!current()) return;
    for (const [page, findings] of settled) {
      const snapshot = this.snapshots.get(page);
      if (snapshot) this.publish({ ...snapshot, findings });
    }
    this.settled.set(key, version);
  }

  /** The newest version of the lesson a check was asked for. */
  requestedVersion(uri: vscode.Uri): number | undefined {
    return this.requested.get(uri.toString());
  }

  /** The version of the lesson whose whole-lesson findings were last settled across its module. */
  settledVersion(uri: vscode.Uri): number | undefined {
    return this.settled.get(uri.toString());
  }

  /** Lints a file from disk, whether or not it is open; its findings stay after it closes. */
  async lintFile(uri: vscode.Uri): Promise<LintSnapshot | undefined> {
    this.keptAfterClose.add(uri.toString());
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) {
      await this.lint(open);
      return this.snapshot(uri);
    }
    const config = this.configs.forDocument(uri);
    if (!config.ok) return undefined;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const outcome = await this.client.request(
      { method: 'lintOnce', text, today: localToday(), page: this.course.hints(uri) },
      config.config,
      'background',
    );
    if (outcome.kind === 'superseded') return undefined;
    const report = reportOf(outcome);
    if (!('findings' in report)) {
      const stopped: LintSnapshot = { uri, version: -1, ...snapshotParts(report, config.config) };
      this.publish(stopped);
      return stopped;
    }
    const settled = await this.modules.settle(uri, report, config.config, (other) => this.snapshots.has(other), true);
    const snapshot: LintSnapshot = {
      uri,
      version: -1,
      findings: settled.get(uri.toString()) ?? report.findings,
      grade: report.grade,
      page: report.page,
    };
    this.publish(snapshot);
    return snapshot;
  }

  publish(snapshot: LintSnapshot): void {
    this.snapshots.set(snapshot.uri.toString(), snapshot);
    this.diagnostics.set(snapshot.uri, snapshot.findings.map(toDiagnostic));
    this.linted.fire(snapshot);
  }

  /** The lesson's configuration; undefined (and any findings dropped) when it is not a lesson or its config is invalid. */
  private lessonConfig(document: vscode.TextDocument): ResolvedConfig | undefined {
    if (!this.configs.isLesson(document)) {
      this.forget(document.uri);
      return undefined;
    }
    const config = this.configs.forDocument(document.uri);
    if (!config.ok) {
      this.forget(document.uri);
      return undefined;
    }
    return config.config;
  }

  /**
   * VS Code may keep a closed editor's document alive for a while, so a closed tab is what tells
   * that the author is done with a lesson (unless it is still open in another tab or unsaved).
   */
  private tabClosed(tab: vscode.Tab) {
    if (!(tab.input instanceof vscode.TabInputText)) return;
    const uri = tab.input.uri;
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (!document?.isDirty) this.closed(uri);
  }

  /** A lesson no tab shows any more; a late close event for a lesson opened again changes nothing. */
  private closed(uri: vscode.Uri) {
    if (isInATab(uri)) return;
    if (this.keptAfterClose.has(uri.toString()) && uri.scheme !== 'untitled') void this.lintFile(uri).catch(() => this.forget(uri));
    else this.forget(uri);
  }

  /** Shown in a tab or an editor, or checked and not forgotten since (a lesson opened by a command, without a tab). */
  private isOpenToAuthor(document: vscode.TextDocument): boolean {
    if (document.isClosed) return false;
    return (
      this.snapshots.has(document.uri.toString()) ||
      isInATab(document.uri) ||
      vscode.window.visibleTextEditors.some((editor) => editor.document === document)
    );
  }

  private changed(document: vscode.TextDocument) {
    const key = document.uri.toString();
    this.seen.set(key, document.version);
    if (this.runOn() === 'onType' && !this.overBudget.has(key)) this.schedule(document);
  }

  private schedule(document: vscode.TextDocument) {
    this.typing.schedule(document.uri.toString(), TYPING_DELAY_MS, () => this.isOpenToAuthor(document) && void this.lint(document));
  }

  private cancel(uri: vscode.Uri) {
    this.typing.cancel(uri.toString());
  }

  private forget(uri: vscode.Uri) {
    const key = uri.toString();
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.cancel(uri);
    this.seen.delete(key);
    this.settled.delete(key);
    this.requested.delete(key);
    this.overBudget.delete(key);
    void this.client.request({ method: 'forget', key }, undefined, 'background');
    this.snapshots.delete(key);
    this.diagnostics.delete(uri);
    this.modules.closed(uri, (other) => this.snapshots.has(other));
    this.linted.fire({ uri, version: -1, findings: [] });
  }

  private runOn(): 'onType' | 'onSave' {
    return vscode.workspace.getConfiguration('courseReview').get<'onType' | 'onSave'>('run', 'onType');
  }
}

/** The worker's report, or why the check was stopped. */
function reportOf(
  outcome: Exclude<Outcome, { kind: 'superseded' }>,
): Extract<LintResponse, { method: 'lint' | 'lintOnce' }>['report'] | StopReason {
  switch (outcome.kind) {
    case 'answered':
      if (outcome.response.method === 'lint' || outcome.response.method === 'lintOnce') return outcome.response.report;
      return {
        kind: 'failed',
        message: outcome.response.method === 'error' ? outcome.response.message : `unexpected answer "${outcome.response.method}"`,
      };
    case 'over-budget':
      return { kind: 'time', limitMs: outcome.budgetMs };
    case 'out-of-memory':
      return { kind: 'memory', limitMb: outcome.limitMb };
    case 'failed':
      return { kind: 'failed', message: outcome.message };
  }
}

/** A snapshot's findings and grade: the report's, or the one finding that says why the check stopped. */
function snapshotParts(report: ReturnType<typeof reportOf>, config: ResolvedConfig): Pick<LintSnapshot, 'findings' | 'grade'> {
  if ('findings' in report) return { findings: report.findings, grade: report.grade };
  const finding = stoppedCheckFinding(report, config);
  return { findings: finding ? [{ ...finding, disableLine: undefined, disableFile: undefined }] : [] };
}

function isInATab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()),
  );
}

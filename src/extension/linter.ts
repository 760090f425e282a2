import * as vscode from 'vscode';
import { LessonSession, lintText, type Finding, type LessonDocument } from '../core';
import type { ConfigService } from './config';
import { toDiagnostic } from './diagnostics';
import { Disposable } from './disposable';
import { localToday } from './review/today';

export interface LintSnapshot {
  uri: vscode.Uri;
  version: number;
  findings: Finding[];
  /** Kept for open documents only, for code actions on the same version. */
  doc?: LessonDocument;
}

const TYPING_DELAY_MS = 250;

/**
 * Lints open lessons on open, on type (debounced) or on save, and publishes diagnostics only while
 * the document is still at the version that was linted. Diagnostics go away when a lesson closes.
 */
export class LessonLinter extends Disposable {
  readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('course-review'));
  private readonly snapshots = new Map<string, LintSnapshot>();
  /** One incremental session per open lesson: a keystroke re-parses only the blocks around it. */
  private readonly sessions = new Map<string, LessonSession>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The latest version of each lesson that a change event brought, linted or not. */
  private readonly seen = new Map<string, number>();
  /** Lessons that Lint Workspace covered: closing them re-reads the file instead of clearing. */
  private readonly keptAfterClose = new Set<string>();
  private readonly linted = this.register(new vscode.EventEmitter<LintSnapshot>());
  readonly onDidLint = this.linted.event;

  constructor(
    private readonly configs: ConfigService,
  ) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.lint(document)));
    this.register(vscode.workspace.onDidChangeTextDocument(({ document }) => this.changed(document)));
    this.register(vscode.workspace.onDidSaveTextDocument((document) => this.lint(document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.closed(document.uri)));
    this.register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(({ document }) => !this.snapshot(document.uri) && this.lint(document))));
    this.register(vscode.window.tabGroups.onDidChangeTabs(({ closed }) => closed.forEach((tab) => this.tabClosed(tab))));
    this.register(configs.onDidChange(() => this.lintOpenDocuments()));
    this.register({ dispose: () => this.pending.forEach((timer) => clearTimeout(timer)) });
  }

  lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.lint(document);
  }

  snapshot(uri: vscode.Uri): LintSnapshot | undefined {
    return this.snapshots.get(uri.toString());
  }

  /** The newest version of the lesson the linter has heard of, whether it checked it or not. */
  seenVersion(uri: vscode.Uri): number | undefined {
    return this.seen.get(uri.toString());
  }

  /** True while a check of the lesson is waiting for the author to pause typing. */
  isPending(uri: vscode.Uri): boolean {
    return this.pending.has(uri.toString());
  }

  lint(document: vscode.TextDocument): void {
    this.cancel(document.uri);
    // In onSave mode unsaved text is never checked, whatever asks (a config change, Lint Workspace, a late file event).
    if (document.isDirty && this.runOn() === 'onSave') return;
    if (!this.configs.isLesson(document)) {
      this.forget(document.uri);
      return;
    }
    const config = this.configs.forDocument(document.uri);
    if (!config.ok) {
      this.forget(document.uri);
      return;
    }
    const version = document.version;
    const key = document.uri.toString();
    const session = this.sessions.get(key) ?? new LessonSession(config.config);
    session.configure(config.config);
    this.sessions.set(key, session);
    const { findings, doc } = session.lint(document.getText(), { today: localToday() });
    if (document.isClosed || document.version !== version) return;
    this.publish({ uri: document.uri, version, findings, doc });
  }

  /** Lints a file from disk, whether or not it is open; its findings stay after it closes. */
  async lintFile(uri: vscode.Uri): Promise<LintSnapshot | undefined> {
    this.keptAfterClose.add(uri.toString());
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) {
      this.lint(open);
      return this.snapshot(uri);
    }
    const config = this.configs.forDocument(uri);
    if (!config.ok) return undefined;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const snapshot = { uri, version: -1, findings: lintText(text, config.config, { today: localToday() }).findings };
    this.publish(snapshot);
    return snapshot;
  }

  publish(snapshot: LintSnapshot): void {
    this.snapshots.set(snapshot.uri.toString(), snapshot);
    this.diagnostics.set(snapshot.uri, snapshot.findings.map(toDiagnostic));
    this.linted.fire(snapshot);
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
    if (this.keptAfterClose.has(uri.toString()) && uri.scheme === 'file') void this.lintFile(uri).catch(() => this.forget(uri));
    else this.forget(uri);
  }

  private changed(document: vscode.TextDocument) {
    this.seen.set(document.uri.toString(), document.version);
    if (this.runOn() === 'onType') this.schedule(document);
  }

  private schedule(document: vscode.TextDocument) {
    this.cancel(document.uri);
    this.pending.set(
      document.uri.toString(),
      setTimeout(() => {
        this.pending.delete(document.uri.toString());
        if (!document.isClosed) this.lint(document);
      }, TYPING_DELAY_MS),
    );
  }

  private cancel(uri: vscode.Uri) {
    const key = uri.toString();
    const timer = this.pending.get(key);
    if (timer) clearTimeout(timer);
    this.pending.delete(key);
  }

  private forget(uri: vscode.Uri) {
    this.cancel(uri);
    this.seen.delete(uri.toString());
    this.sessions.delete(uri.toString());
    this.snapshots.delete(uri.toString());
    this.diagnostics.delete(uri);
    this.linted.fire({ uri, version: -1, findings: [] });
  }

  private runOn(): 'onType' | 'onSave' {
    return vscode.workspace.getConfiguration('courseReview').get<'onType' | 'onSave'>('run', 'onType');
  }
}

function isInATab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()));
}

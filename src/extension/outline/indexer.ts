import * as vscode from 'vscode';
import { buildOutline, resolveModuleFindings, type CheckedFinding, type CourseOutline, type OutlineInput } from '../../core';
import type { ConfigService } from '../config';
import type { CourseModel } from '../course/courseModel';
import type { ModuleFindings, PageResult } from '../course/moduleFindings';
import { Disposable } from '../disposable';
import { eachLimited } from '../eachLimited';
import { LESSON_GLOB } from '../lessonFiles';
import type { LintRunner } from '../lint/runner';
import type { LessonLinter } from '../linter';
import { localToday } from '../review/today';

/** Pages read at once: reads overlap, the lint worker takes them one at a time. */
const READ_CONCURRENCY = 8;
/** Edits and file events come in bursts; the outline is rebuilt once they settle. */
const SETTLE_MS = 400;

/** A check the outline made itself, with the day its reviews were read against: on another day it is made again. */
interface OwnCheck extends PageResult {
  today: string;
}

export type OutlineStatus = 'idle' | 'indexing' | 'ready';

/**
 * Every page of the workspace's courses, checked in the background the first time the outline is
 * needed, and again one page at a time when its file changes; an open page's check is the editor's
 * own (kept by ModuleFindings), so nothing is linted twice. Nothing is read at activation. The
 * outline is rebuilt from the checks: modules settle their whole-lesson findings as the editor does.
 */
export class OutlineIndexer extends Disposable {
  private readonly results = new Map<string, OwnCheck>();
  private readonly dirty = new Set<string>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the outline was rebuilt. */
  readonly onDidChange = this.changed.event;
  private state: OutlineStatus = 'idle';
  private current: CourseOutline | undefined;
  /** Each outline page's lesson, by the path the outline shows. */
  private uris = new Map<string, vscode.Uri>();
  /** Each outline page's settled findings, for the module's findings in the Problems panel. */
  private settled = new Map<string, CheckedFinding[]>();
  private running: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    private readonly model: CourseModel,
    private readonly client: LintRunner,
    private readonly configs: ConfigService,
    private readonly modules: ModuleFindings,
    linter: LessonLinter,
  ) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(LESSON_GLOB));
    const stale = (uri: vscode.Uri) => this.markDirty(uri);
    this.register(watcher.onDidChange(stale));
    this.register(watcher.onDidCreate(stale));
    this.register(watcher.onDidDelete((uri) => this.forget(uri)));
    // An open page is checked by the editor as it is typed: the outline takes that check, not one of its own.
    this.register(linter.onDidLint(() => this.schedule()));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.markDirty(document.uri)));
    this.register(model.onDidChange(() => this.schedule()));
    this.register(
      configs.onDidChange(() => {
        this.results.clear();
        this.schedule();
      }),
    );
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  get status(): OutlineStatus {
    return this.state;
  }

  get outline(): CourseOutline | undefined {
    return this.current;
  }

  uriOf(path: string): vscode.Uri | undefined {
    return this.uris.get(path);
  }

  findingsOf(path: string): CheckedFinding[] {
    return this.settled.get(path) ?? [];
  }

  /** Checks every page not yet checked (the first time: all of them), then rebuilds the outline. */
  start(): Promise<void> {
    if (this.state === 'idle') this.state = 'indexing';
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Checks every page again, as on a new day or after Refresh. */
  refresh(): Promise<void> {
    this.results.clear();
    return this.running ? this.running.then(() => this.start()) : this.start();
  }

  private markDirty(uri: vscode.Uri) {
    if (!this.configs.isLessonFile(uri)) return;
    this.dirty.add(uri.toString());
    this.schedule();
  }

  private forget(uri: vscode.Uri) {
    this.results.delete(uri.toString());
    this.schedule();
  }

  /** After a burst of changes, checks what changed, once; only after the outline has been asked for. */
  private schedule() {
    if (this.state === 'idle') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const key of this.dirty) this.results.delete(key);
      this.dirty.clear();
      void this.start();
    }, SETTLE_MS);
  }

  private async run(): Promise<void> {
    const generation = ++this.generation;
    const course = await this.model.ensure();
    const today = localToday();
    const pages = course.modules.flatMap((module) => module.pages);
    const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/');
    const uriOf = (path: string) => base.with({ path });
    const todo = pages.filter((path) => !this.modules.resultOf(uriOf(path)) && this.results.get(uriOf(path).toString())?.today !== today);
    await eachLimited(todo, READ_CONCURRENCY, (path) => this.check(uriOf(path), today));
    if (generation !== this.generation) return;
    const linted = pages.flatMap((path) => {
      const result = this.modules.resultOf(uriOf(path)) ?? this.results.get(uriOf(path).toString());
      return result ? [{ path, findings: result.findings, summary: result.page, config: result.config }] : [];
    });
    const settled = resolveModuleFindings(linted, course);
    const inputs: OutlineInput[] = linted.map((page) => ({
      coursePath: page.path,
      path: vscode.workspace.asRelativePath(
        uriOf(page.path),
        vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1,
      ),
      summary: page.summary,
      findings: (settled.get(page.path) ?? page.findings) as CheckedFinding[],
    }));
    this.uris = new Map(inputs.map((input) => [input.path, uriOf(input.coursePath)]));
    this.settled = new Map(inputs.map((input) => [input.path, input.findings as CheckedFinding[]]));
    this.current = buildOutline(course, inputs);
    this.state = 'ready';
    this.changed.fire();
  }

  /** The page's text as the editor has it when open (unsaved edits included), else as on disk. */
  private async check(uri: vscode.Uri, today: string): Promise<void> {
    const config = this.configs.forDocument(uri);
    if (!config.ok) return;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    let text: string;
    try {
      text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return;
    }
    const outcome = await this.client.request(
      { method: 'lintOnce', text, today, page: this.model.hints(uri) },
      config.config,
      'background',
    );
    if (outcome.kind === 'answered' && outcome.response.method === 'lintOnce') {
      this.results.set(uri.toString(), {
        findings: outcome.response.report.findings,
        page: outcome.response.report.page,
        config: config.config,
        today,
      });
    }
  }
}

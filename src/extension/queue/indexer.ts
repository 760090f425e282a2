import * as vscode from 'vscode';
import { readEntry, ReviewIndex, triggerRules, type LessonEntry } from '../../core';
import type { ConfigService } from '../config';
import { Disposable } from '../disposable';
import { eachLimited } from '../eachLimited';
import { LESSON_FILE, LESSON_GLOB } from '../lessonFiles';
import type { LintRunner } from '../lint/runner';
import { excludeMatcher } from './exclude';
import { readLesson, type LessonText, type LocalLessonReader } from './read';
import { NO_TRIGGERS, TriggerScheduler, type TriggerHost } from './triggerScheduler';
import type { TriggerStore } from './triggerStore';
import { QueueWorkspaceEvents, type QueueEventTarget } from './workspaceEvents';

/** Reads in flight at once: a read is a round trip to the file service, so many overlap. */
const READ_CONCURRENCY = 32;
const CHANGE_DELAY_MS = 50;

type Status = 'idle' | 'indexing' | 'ready';

/**
 * The review index of every lesson in the workspace (every folder of a multi-root one), keyed by
 * `uri.toString()`. Nothing is read until the queue is first needed; then a cold index reads the
 * head of each lesson, and the workspace's events (QueueWorkspaceEvents) keep it current one file
 * at a time. Triggered roles need a lint of the claim rules: the TriggerScheduler runs those after.
 */
export class QueueIndexer extends Disposable implements QueueEventTarget, TriggerHost {
  /** Created on first use: loading the extension does not load the core. */
  private lazyIndex: ReviewIndex | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires (debounced) when entries changed; not during the cold index, which fires once at the end. */
  readonly onDidChange = this.changed.event;
  private state: Status = 'idle';
  private cold: Promise<void> | undefined;
  private generation = 0;
  /** True while a cold index or a refresh runs: the queue shows what it had until the run ends. */
  private running = false;
  /** The number of each file's latest read: a read that finishes after a newer one, or after a delete, is dropped. */
  private readonly reads = new Map<string, number>();
  private lastRead = 0;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private busy = 0;
  private readonly excluded = new Map<string, (relativePath: string) => boolean>();
  private readonly triggers: TriggerScheduler;
  private readonly events: QueueWorkspaceEvents;

  constructor(
    private readonly configs: ConfigService,
    client: LintRunner,
    private readonly local?: LocalLessonReader,
    store?: TriggerStore,
  ) {
    super();
    this.triggers = this.register(new TriggerScheduler(this, configs, client, store));
    this.events = this.register(new QueueWorkspaceEvents(this, configs));
    this.register({ dispose: () => clearTimeout(this.changeTimer) });
  }

  get index(): ReviewIndex {
    return (this.lazyIndex ??= new ReviewIndex());
  }

  get status(): Status {
    return this.state;
  }

  /** Starts the cold index the first time the queue is needed; later calls share that run. */
  start(): Promise<void> {
    this.cold ??= this.reindex();
    return this.cold;
  }

  /**
   * Reads every lesson again; the queue keeps showing the old entries until the new ones are in.
   * Trigger findings are cached by lesson content, so they survive a refresh, but not a change of
   * configuration (which may change the rules or their options).
   */
  reindex(): Promise<void> {
    const generation = ++this.generation;
    const restored = this.triggers.restore();
    this.state = this.state === 'idle' ? 'indexing' : this.state;
    this.running = true;
    this.triggers.clear();
    const startRead = this.lastRead;
    const run = this.track(
      (async () => {
        try {
          // Which files are lessons is decided as each is read, so that loading configs does not hold the host.
          const found = await vscode.workspace.findFiles(LESSON_GLOB);
          if (generation !== this.generation) return;
          await eachLimited(found, READ_CONCURRENCY, (uri) => (generation === this.generation ? this.update(uri) : Promise.resolve()));
          if (generation !== this.generation) return;
          // Entries neither found now nor touched by a file event since the start are gone.
          for (const file of this.index.files()) if ((this.reads.get(file) ?? 0) <= startRead) this.index.delete(file);
          await restored;
        } finally {
          if (generation === this.generation) {
            this.state = 'ready';
            this.running = false;
            this.fire();
            this.triggers.start();
          }
        }
      })(),
    );
    this.cold = run;
    return run;
  }

  /** Resolves when nothing is left to read: no cold index, edit, file event or trigger check pending. */
  async whenIdle(): Promise<void> {
    while (this.busy > 0 || this.events.pending > 0 || this.triggers.pending > 0 || this.changeTimer !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Where the trigger counts are kept between sessions; undefined without a workspace. */
  get triggerStoreFile(): vscode.Uri | undefined {
    return this.triggers.storeFile;
  }

  /** Resolves when the trigger counts found so far are written for the next session. */
  storeTriggers(): Promise<void> {
    return this.triggers.storeTriggers();
  }

  get refreshing(): boolean {
    return this.running;
  }

  get ready(): boolean {
    return this.state === 'ready';
  }

  get listening(): boolean {
    return this.state !== 'idle';
  }

  fileChanged(uri: vscode.Uri): void {
    if (this.listening) void this.track(this.update(uri));
  }

  /** A file or a folder went away: its entry, or every entry under it, goes too. */
  deleted(uri: vscode.Uri): void {
    if (!this.listening || this.isExcluded(uri)) return;
    const key = uri.toString();
    const under = `${key}/`;
    for (const file of [...this.reads.keys()]) if (file === key || file.startsWith(under)) this.reads.set(file, ++this.lastRead);
    this.events.cancelUnder(key);
    const removed = Number(this.index.delete(key)) + this.index.deleteUnder(under);
    if (removed > 0) this.changedSoon();
  }

  /** A folder appeared (moved, renamed, checked out): its lessons come with it. */
  folderCreated(uri: vscode.Uri): void {
    if (!this.listening || this.isExcluded(uri)) return;
    void this.track(
      (async () => {
        const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
        if (!stat || !(stat.type & vscode.FileType.Directory)) return;
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, LESSON_GLOB));
        await eachLimited(found, READ_CONCURRENCY, (file) => this.update(file));
      })(),
    );
  }

  reread(uri: vscode.Uri): void {
    void this.track(this.update(uri));
  }

  configChanged(): void {
    void this.reindex();
  }

  excludeChanged(): void {
    this.excluded.clear();
    if (this.listening) void this.reindex();
  }

  readOf(key: string): number | undefined {
    return this.reads.get(key);
  }

  /** Reads one file's entry, or removes it when the file is gone or no longer a lesson. */
  private async update(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const read = ++this.lastRead;
    this.reads.set(key, read);
    const found = await this.readEntry(uri).catch(() => undefined);
    if (this.reads.get(key) !== read) return;
    if (found) {
      this.index.set(found.entry);
      if (found.needsTriggers) this.triggers.need(key);
      if (!this.refreshing) this.triggers.start();
    } else if (!this.index.delete(key)) return;
    this.changedSoon();
  }

  private async readEntry(uri: vscode.Uri): Promise<{ entry: LessonEntry; needsTriggers: boolean } | undefined> {
    if (!this.isCandidate(uri)) return undefined;
    const config = this.configs.forDocument(uri);
    if (!config.ok) return undefined;
    const { text, whole } = await this.text(uri, 'head');
    const key = uri.toString();
    if (triggerRules(config.config).length === 0)
      return { entry: readEntry(key, text, config.config.roles, NO_TRIGGERS), needsTriggers: false };
    // Until the trigger check has run again, the lesson keeps the triggers it had; a lesson that
    // comes back as it was (a refresh, an undo, a checkout) needs no check at all.
    const previous = this.index.get(key)?.triggers;
    const cached = previous && whole ? this.triggers.cached(text, config.config) : undefined;
    return { entry: readEntry(key, text, config.config.roles, cached ?? previous), needsTriggers: !cached };
  }

  /** The lesson as the author sees it: an unsaved document's text, else the file (its head when that is enough). */
  async text(uri: vscode.Uri, extent: 'head' | 'whole'): Promise<LessonText> {
    const open = vscode.workspace.textDocuments.find((document) => !document.isClosed && document.uri.toString() === uri.toString());
    if (open?.isDirty) return { text: open.getText(), whole: true };
    return readLesson(uri, extent, this.local);
  }

  /** A Markdown file in a workspace folder, not hidden by `files.exclude`, chosen by the config's `lessons` globs. */
  private isCandidate(uri: vscode.Uri): boolean {
    return (
      LESSON_FILE.test(uri.path) &&
      vscode.workspace.getWorkspaceFolder(uri) !== undefined &&
      !this.isExcluded(uri) &&
      this.configs.isLessonFile(uri)
    );
  }

  /** `findFiles` honours `files.exclude`; file events do not, so they are checked here the same way. */
  private isExcluded(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const key = folder.uri.toString();
    let matcher = this.excluded.get(key);
    if (!matcher) {
      matcher = excludeMatcher(vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {});
      this.excluded.set(key, matcher);
    }
    const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    return relative !== '' && matcher(relative);
  }

  changedSoon(delay = CHANGE_DELAY_MS): void {
    if (this.refreshing || this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changed.fire();
    }, delay);
  }

  private fire() {
    clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    this.changed.fire();
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    return work.finally(() => this.busy--);
  }
}

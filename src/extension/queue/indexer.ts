import * as vscode from 'vscode';
import { lessonFingerprint, readEntry, ReviewIndex, triggerRules, type LessonEntry, type ResolvedConfig } from '../../core';
import type { ConfigService } from '../config';
import { Disposable } from '../disposable';
import { eachLimited } from '../eachLimited';
import { LESSON_FILE, LESSON_GLOB } from '../lessonFiles';
import type { LintRunner } from '../lint/runner';
import { excludeMatcher } from './exclude';
import { readLesson, type LocalLessonReader } from './read';

/** Reads in flight at once: a read is a round trip to the file service, so many overlap. */
const READ_CONCURRENCY = 32;
const TYPING_DELAY_MS = 300;
const CHANGE_DELAY_MS = 50;
/** While the trigger check runs through the workspace, the tree is refreshed at most this often. */
const TRIGGER_REFRESH_MS = 500;
const NO_TRIGGERS: ReadonlyMap<string, number> = new Map();

type Status = 'idle' | 'indexing' | 'ready';

/** A lesson's whole text for the trigger check, with the number of the read it belongs to. */
interface LessonText {
  key: string;
  read: number | undefined;
  text: string;
  config: ResolvedConfig;
}

/**
 * The review index of every lesson in the workspace (every folder of a multi-root one), keyed by
 * `uri.toString()`. Nothing is read until the queue is first needed; then a cold index reads the
 * head of each lesson, and file events and unsaved edits keep it current one file at a time.
 * Triggered roles need a lint of the claim rules, so those run afterwards in small slices.
 */
export class QueueIndexer extends Disposable {
  private readonly current = new ReviewIndex();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires (debounced) when entries changed; not during the cold index, which fires once at the end. */
  readonly onDidChange = this.changed.event;
  private state: Status = 'idle';
  private cold: Promise<void> | undefined;
  private generation = 0;
  /** True while a cold index or a refresh runs: the queue shows what it had until the run ends. */
  private refreshing = false;
  /** Bumped when the configuration changes, so trigger findings cached under the old rules are not used. */
  private configEpoch = 0;
  /** The number of each file's latest read: a read that finishes after a newer one, or after a delete, is dropped. */
  private readonly reads = new Map<string, number>();
  private lastRead = 0;
  private readonly typing = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly needTriggers = new Set<string>();
  private triggerRun: Promise<void> | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private busy = 0;
  private readonly excluded = new Map<string, (relativePath: string) => boolean>();

  constructor(
    private readonly configs: ConfigService,
    private readonly client: LintRunner,
    private readonly local?: LocalLessonReader,
  ) {
    super();
    const lessons = this.register(vscode.workspace.createFileSystemWatcher(LESSON_GLOB));
    this.register(lessons.onDidCreate((uri) => this.fileChanged(uri)));
    this.register(lessons.onDidChange((uri) => this.fileChanged(uri)));
    this.register(lessons.onDidDelete((uri) => this.deleted(uri)));
    // A folder deleted or moved (a git checkout, a rename in the Explorer) may arrive as one event
    // for the folder, which the Markdown glob does not match.
    const folders = this.register(vscode.workspace.createFileSystemWatcher('**', false, true, false));
    this.register(folders.onDidCreate((uri) => !LESSON_FILE.test(uri.path) && this.folderCreated(uri)));
    this.register(folders.onDidDelete((uri) => !LESSON_FILE.test(uri.path) && this.deleted(uri)));
    this.register(vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => contentChanges.length > 0 && this.edited(document.uri)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.closed(document.uri)));
    this.register(configs.onDidChange(() => this.state !== 'idle' && void this.reindex({ configChanged: true })));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('files.exclude')) return;
        this.excluded.clear();
        if (this.state !== 'idle') void this.reindex();
      }),
    );
    this.register({
      dispose: () => {
        this.typing.forEach((timer) => clearTimeout(timer));
        clearTimeout(this.changeTimer);
      },
    });
  }

  get index(): ReviewIndex {
    return this.current;
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
  reindex(options: { configChanged?: boolean } = {}): Promise<void> {
    const generation = ++this.generation;
    if (options.configChanged) this.configEpoch++;
    this.state = this.state === 'idle' ? 'indexing' : this.state;
    this.refreshing = true;
    this.needTriggers.clear();
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
          for (const file of this.current.files()) if ((this.reads.get(file) ?? 0) <= startRead) this.current.delete(file);
        } finally {
          if (generation === this.generation) {
            this.state = 'ready';
            this.refreshing = false;
            this.fire();
            this.runTriggers();
          }
        }
      })(),
    );
    this.cold = run;
    return run;
  }

  /** Resolves when nothing is left to read: no cold index, edit, file event or trigger check pending. */
  async whenIdle(): Promise<void> {
    while (this.busy > 0 || this.typing.size > 0 || this.needTriggers.size > 0 || this.changeTimer !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private fileChanged(uri: vscode.Uri) {
    if (this.state !== 'idle') void this.track(this.update(uri));
  }

  /** A file or a folder went away: its entry, or every entry under it, goes too. */
  private deleted(uri: vscode.Uri) {
    if (this.state === 'idle' || this.isExcluded(uri)) return;
    const key = uri.toString();
    const under = `${key}/`;
    for (const file of [...this.reads.keys()]) if (file === key || file.startsWith(under)) this.reads.set(file, ++this.lastRead);
    for (const file of [...this.typing.keys()]) if (file === key || file.startsWith(under)) this.cancelTyping(file);
    const removed = Number(this.current.delete(key)) + this.current.deleteUnder(under);
    if (removed > 0) this.changedSoon();
  }

  /** A folder appeared (moved, renamed, checked out): its lessons come with it. */
  private folderCreated(uri: vscode.Uri) {
    if (this.state === 'idle' || this.isExcluded(uri)) return;
    void this.track(
      (async () => {
        const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
        if (!stat || !(stat.type & vscode.FileType.Directory)) return;
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, LESSON_GLOB));
        await eachLimited(found, READ_CONCURRENCY, (file) => this.update(file));
      })(),
    );
  }

  /** An unsaved edit shows in the queue after a pause in typing. */
  private edited(uri: vscode.Uri) {
    if (this.state === 'idle' || !vscode.workspace.getWorkspaceFolder(uri) || !LESSON_FILE.test(uri.path)) return;
    const key = uri.toString();
    this.cancelTyping(key);
    this.typing.set(
      key,
      setTimeout(() => {
        this.typing.delete(key);
        void this.track(this.update(uri));
      }, TYPING_DELAY_MS),
    );
  }

  /** A closed document's unsaved changes are gone: what counts is the file again. */
  private closed(uri: vscode.Uri) {
    if (this.state === 'idle' || !vscode.workspace.getWorkspaceFolder(uri) || !LESSON_FILE.test(uri.path)) return;
    this.cancelTyping(uri.toString());
    void this.track(this.update(uri));
  }

  private cancelTyping(key: string) {
    clearTimeout(this.typing.get(key));
    this.typing.delete(key);
  }

  /** Reads one file's entry, or removes it when the file is gone or no longer a lesson. */
  private async update(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const read = ++this.lastRead;
    this.reads.set(key, read);
    const found = await this.readEntry(uri).catch(() => undefined);
    if (this.reads.get(key) !== read) return;
    if (found) {
      this.current.set(found.entry);
      if (found.needsTriggers) this.needTriggers.add(key);
      if (!this.refreshing) this.runTriggers();
    } else if (!this.current.delete(key)) return;
    this.changedSoon();
  }

  private async readEntry(uri: vscode.Uri): Promise<{ entry: LessonEntry; needsTriggers: boolean } | undefined> {
    if (!this.isCandidate(uri)) return undefined;
    const config = this.configs.forDocument(uri);
    if (!config.ok) return undefined;
    const { text, whole } = await this.text(uri, 'head');
    const key = uri.toString();
    if (triggerRules(config.config).length === 0) return { entry: readEntry(key, text, config.config.roles, NO_TRIGGERS), needsTriggers: false };
    // Until the trigger check has run again, the lesson keeps the triggers it had; a lesson that
    // comes back as it was (a refresh, an undo, a checkout) needs no check at all.
    const previous = this.current.get(key)?.triggers;
    const cached = previous && whole ? this.cachedTriggers(text, config.config) : undefined;
    return { entry: readEntry(key, text, config.config.roles, cached ?? previous), needsTriggers: !cached };
  }

  /** The lesson as the author sees it: an unsaved document's text, else the file (its head when that is enough). */
  private async text(uri: vscode.Uri, extent: 'head' | 'whole'): Promise<{ text: string; whole: boolean }> {
    const open = vscode.workspace.textDocuments.find((document) => !document.isClosed && document.uri.toString() === uri.toString());
    if (open?.isDirty) return { text: open.getText(), whole: true };
    return readLesson(uri, extent, this.local);
  }

  private runTriggers() {
    if (this.triggerRun || this.needTriggers.size === 0) return;
    this.triggerRun = this.track(this.triggerPass()).finally(() => {
      this.triggerRun = undefined;
      if (!this.refreshing) this.runTriggers();
    });
  }

  /**
   * Checks the queued lessons for trigger findings: reads a batch at once, then has the lint worker
   * check one lesson after another, behind any check an author waits for. The tree is refreshed
   * only when a result changes what it shows.
   */
  private async triggerPass() {
    while (this.needTriggers.size > 0 && !this.refreshing) {
      const batch = [...this.needTriggers].slice(0, READ_CONCURRENCY);
      for (const key of batch) this.needTriggers.delete(key);
      const lessons = await Promise.all(batch.map((key) => this.readForTriggers(key).catch(() => undefined)));
      for (const lesson of lessons) if (lesson && (await this.applyTriggers(lesson))) this.changedSoon(TRIGGER_REFRESH_MS);
    }
  }

  private async readForTriggers(key: string): Promise<LessonText | undefined> {
    const read = this.reads.get(key);
    if (!this.current.get(key)) return undefined;
    const uri = vscode.Uri.parse(key);
    const config = this.configs.forDocument(uri);
    if (!config.ok) return undefined;
    return { key, read, text: (await this.text(uri, 'whole')).text, config: config.config };
  }

  /** Stores a lesson's trigger findings; true when they change which rules make a role required. */
  private async applyTriggers({ key, read, text, config }: LessonText): Promise<boolean> {
    if (this.reads.get(key) !== read) return false;
    const triggers = await this.triggersOf(text, config);
    const entry = this.current.get(key);
    if (!entry || this.reads.get(key) !== read) return false;
    this.current.set({ ...entry, triggers });
    return firing(entry.triggers) !== firing(triggers);
  }

  /**
   * Trigger findings are cached by the lesson's fingerprint, which ignores the review block, so a
   * sign-off costs no new check. The key names the config's folder and version too: the same text
   * may be checked under other rules elsewhere in the workspace, or after the config changed.
   */
  private cacheKey(text: string, config: ResolvedConfig): string | undefined {
    const fingerprint = lessonFingerprint(text);
    return fingerprint && `${this.configEpoch}\n${config.baseDir}\n${fingerprint}`;
  }

  private cachedTriggers(text: string, config: ResolvedConfig): ReadonlyMap<string, number> | undefined {
    const key = this.cacheKey(text, config);
    return key ? this.current.cachedTriggers(key) : undefined;
  }

  /** A lesson whose check is stopped (too slow, too big) counts as without triggers, and is not cached: its next change tries again. */
  private async triggersOf(text: string, config: ResolvedConfig): Promise<ReadonlyMap<string, number>> {
    const key = this.cacheKey(text, config);
    const cached = key ? this.current.cachedTriggers(key) : undefined;
    if (cached) return cached;
    const outcome = await this.client.request({ method: 'triggers', text }, config, 'background');
    if (outcome.kind !== 'answered' || outcome.response.method !== 'triggers') return NO_TRIGGERS;
    const counts = new Map(outcome.response.counts);
    if (key) this.current.rememberTriggers(key, counts);
    return counts;
  }

  /** A Markdown file in a workspace folder, not hidden by `files.exclude`, chosen by the config's `lessons` globs. */
  private isCandidate(uri: vscode.Uri): boolean {
    return LESSON_FILE.test(uri.path) && vscode.workspace.getWorkspaceFolder(uri) !== undefined && !this.isExcluded(uri) && this.configs.isLessonFile(uri);
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

  private changedSoon(delay = CHANGE_DELAY_MS) {
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

  private track<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    return work.finally(() => this.busy--);
  }
}

/** The rules with findings, as a comparable string: what decides which triggered roles are required. */
function firing(triggers: ReadonlyMap<string, number> | undefined): string {
  return [...(triggers ?? [])].flatMap(([rule, count]) => (count > 0 ? [rule] : [])).sort().join(',');
}

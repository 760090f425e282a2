import * as vscode from 'vscode';
import { lessonFingerprint, triggerKey, type ResolvedConfig, type ReviewIndex } from '../../core';
import type { ConfigService } from '../config';
import type { LintRunner } from '../lint/runner';
import type { LessonText } from './read';
import type { TriggerStore } from './triggerStore';

/** Lessons read at once for the trigger check. */
const BATCH = 32;
/** After a pass of trigger checks, the counts are written this much later, once for passes in quick succession. */
const STORE_DELAY_MS = 2000;
/** While the trigger check runs through the workspace, the tree is refreshed at most this often. */
const TRIGGER_REFRESH_MS = 500;
export const NO_TRIGGERS: ReadonlyMap<string, number> = new Map();

/** What the scheduler needs of the queue's index. */
export interface TriggerHost {
  readonly index: ReviewIndex;
  /** True while a cold index or a refresh runs: the trigger check waits for it to end. */
  readonly refreshing: boolean;
  /** True once the first index has been read. */
  readonly ready: boolean;
  /** The number of the lesson's latest read: a result for an older read is dropped. */
  readOf(key: string): number | undefined;
  text(uri: vscode.Uri, extent: 'head' | 'whole'): Promise<LessonText>;
  changedSoon(delayMs: number): void;
  track<T>(work: Promise<T>): Promise<T>;
}

/** A lesson's whole text for the trigger check, with the number of the read it belongs to. */
interface LessonForTriggers {
  key: string;
  read: number | undefined;
  text: string;
  config: ResolvedConfig;
}

/**
 * Triggered roles (legal for a claim, marketing for a trademark) need a lint of the claim rules.
 * The scheduler runs them after the index is read, in small slices behind any check an author
 * waits for, and caches their findings by lesson content. With a store, it keeps them for the next
 * session: read once before the first checks, written a little after a pass that found new ones.
 */
export class TriggerScheduler implements vscode.Disposable {
  private readonly needed = new Set<string>();
  private running: Promise<void> | undefined;
  private found = false;
  private restored: Promise<void> | undefined;
  /** True once every lesson's triggers were asked for in this session: counts not asked for since are of lessons gone or changed. */
  private checkedAll = false;
  private storeTimer: ReturnType<typeof setTimeout> | undefined;
  private storing: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: TriggerHost,
    private readonly configs: ConfigService,
    private readonly client: LintRunner,
    private readonly store?: TriggerStore,
  ) {}

  /** Where the counts are kept between sessions; undefined without a workspace. */
  get storeFile(): vscode.Uri | undefined {
    return this.store?.file;
  }

  /** The counts of an earlier session, read once: the first index waits for them before any check. */
  restore(): Promise<void> {
    this.restored ??= (async () => {
      if (this.store) this.host.index.restoreTriggers(await this.store.load());
    })();
    return this.restored;
  }

  /** Resolves when the counts found so far are written (tests, and a queue about to close). */
  storeTriggers(): Promise<void> {
    clearTimeout(this.storeTimer);
    this.storeTimer = undefined;
    const entries = this.host.index.triggerEntries({ unused: !this.checkedAll });
    this.storing = this.storing.then(() => this.store?.save(entries));
    return this.storing;
  }

  dispose(): void {
    if (this.storeTimer !== undefined) void this.storeTriggers();
  }

  get pending(): number {
    return this.needed.size;
  }

  need(key: string): void {
    this.needed.add(key);
  }

  clear(): void {
    this.needed.clear();
  }

  /** The lesson's trigger findings when the same text was checked under the same configuration. */
  cached(text: string, config: ResolvedConfig): ReadonlyMap<string, number> | undefined {
    const key = this.cacheKey(text, config);
    return key ? this.host.index.cachedTriggers(key) : undefined;
  }

  start(): void {
    if (this.running || this.needed.size === 0) return;
    this.running = this.host.track(this.pass()).finally(() => {
      this.running = undefined;
      if (!this.host.refreshing) this.start();
      if (this.needed.size === 0) {
        this.passEnded(this.found);
        this.found = false;
      }
    });
  }

  /** After the checks, the counts are kept for the next session; the first time all were asked for, only those. */
  private passEnded(found: boolean): void {
    const first = !this.checkedAll && this.host.ready && !this.host.refreshing;
    if (first) this.checkedAll = true;
    if ((found || first) && this.store && this.storeTimer === undefined)
      this.storeTimer = setTimeout(() => void this.storeTriggers(), STORE_DELAY_MS);
  }

  /**
   * Reads a batch at once, then has the lint runner check one lesson after another; the tree is refreshed only when a result changes what
   * it shows.
   */
  private async pass() {
    while (this.needed.size > 0 && !this.host.refreshing) {
      const batch = [...this.needed].slice(0, BATCH);
      for (const key of batch) this.needed.delete(key);
      const lessons = await Promise.all(batch.map((key) => this.read(key).catch(() => undefined)));
      for (const lesson of lessons) if (lesson && (await this.apply(lesson))) this.host.changedSoon(TRIGGER_REFRESH_MS);
    }
  }

  private async read(key: string): Promise<LessonForTriggers | undefined> {
    const read = this.host.readOf(key);
    if (!this.host.index.get(key)) return undefined;
    const uri = vscode.Uri.parse(key);
    const config = this.configs.forDocument(uri);
    if (!config.ok) return undefined;
    return { key, read, text: (await this.host.text(uri, 'whole')).text, config: config.config };
  }

  /** Stores a lesson's trigger findings; true when they change which rules make a role required. */
  private async apply({ key, read, text, config }: LessonForTriggers): Promise<boolean> {
    if (this.host.readOf(key) !== read) return false;
    const triggers = await this.triggersOf(text, config);
    const entry = this.host.index.get(key);
    if (!entry || this.host.readOf(key) !== read) return false;
    this.host.index.set({ ...entry, triggers });
    return firing(entry.triggers) !== firing(triggers);
  }

  /**
   * Trigger findings are cached by the lesson's fingerprint, which ignores the review block, so a
   * sign-off costs no new check, and by a hash of its configuration: the same text may be checked
   * under other rules elsewhere in the workspace, or after the configuration changed.
   */
  private cacheKey(text: string, config: ResolvedConfig): string | undefined {
    const fingerprint = lessonFingerprint(text);
    return fingerprint && triggerKey(config, fingerprint);
  }

  /** A lesson whose check is stopped (too slow, too big) counts as without triggers, and is not cached: its next change tries again. */
  private async triggersOf(text: string, config: ResolvedConfig): Promise<ReadonlyMap<string, number>> {
    const key = this.cacheKey(text, config);
    const cached = key ? this.host.index.cachedTriggers(key) : undefined;
    if (cached) return cached;
    const outcome = await this.client.request({ method: 'triggers', text }, config, 'background');
    if (outcome.kind !== 'answered' || outcome.response.method !== 'triggers') return NO_TRIGGERS;
    const counts = new Map(outcome.response.counts);
    if (key) this.host.index.rememberTriggers(key, counts);
    this.found = true;
    return counts;
  }
}

/** The rules with findings, as a comparable string: what decides which triggered roles are required. */
function firing(triggers: ReadonlyMap<string, number> | undefined): string {
  return [...(triggers ?? [])]
    .flatMap(([rule, count]) => (count > 0 ? [rule] : []))
    .sort()
    .join(',');
}

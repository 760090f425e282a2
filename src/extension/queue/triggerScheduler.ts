import * as vscode from 'vscode';
import { lessonFingerprint, triggerKey, type ResolvedConfig, type ReviewIndex } from '../../core';
import type { ConfigService } from '../config';
import type { LintRunner } from '../lint/runner';
import type { LessonText } from './read';

/** Lessons read at once for the trigger check. */
const BATCH = 32;
/** While the trigger check runs through the workspace, the tree is refreshed at most this often. */
const TRIGGER_REFRESH_MS = 500;
export const NO_TRIGGERS: ReadonlyMap<string, number> = new Map();

/** What the scheduler needs of the queue's index. */
export interface TriggerHost {
  readonly index: ReviewIndex;
  /** True while a cold index or a refresh runs: the trigger check waits for it to end. */
  readonly refreshing: boolean;
  /** The number of the lesson's latest read: a result for an older read is dropped. */
  readOf(key: string): number | undefined;
  text(uri: vscode.Uri, extent: 'head' | 'whole'): Promise<LessonText>;
  changedSoon(delayMs: number): void;
  track<T>(work: Promise<T>): Promise<T>;
  /** A pass of checks ended; `found` is true when it checked a lesson that was not in the cache. */
  checked(found: boolean): void;
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
 * waits for, and caches their findings by lesson content.
 */
export class TriggerScheduler {
  private readonly needed = new Set<string>();
  private running: Promise<void> | undefined;
  private found = false;

  constructor(
    private readonly host: TriggerHost,
    private readonly configs: ConfigService,
    private readonly client: LintRunner,
  ) {}

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
        this.host.checked(this.found);
        this.found = false;
      }
    });
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

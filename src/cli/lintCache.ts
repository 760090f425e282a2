import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { configHash, type Finding, type PageHints, type PageSummary, type ResolvedConfig } from '../core';
import type { CliIO } from './common';
import { describeError } from './errors';
import { printable } from './printable';
import { writeWholeFile } from './safeWrite';

/** The cache `--cache` (or `--cache-location FILE`) asks for, opened; undefined when not asked for. */
export function cacheFrom(values: { cache?: boolean; 'cache-location'?: string }, cwd: string): LintCache | undefined {
  if (!values.cache && values['cache-location'] === undefined) return undefined;
  return LintCache.open(resolve(cwd, values['cache-location'] ?? DEFAULT_CACHE_FILE));
}

/** Writes the cache after a run; a cache that cannot be written is said on stderr and changes nothing else. */
export function saveCache(cache: LintCache | undefined, io: CliIO): void {
  const failure = cache?.save();
  if (failure !== undefined)
    io.stderr(`course-review: cannot write the cache ${printable(cache?.location ?? '')}: ${printable(failure)}.\n`);
}

/** Where `--cache` keeps its results unless `--cache-location` says otherwise. */
export const DEFAULT_CACHE_FILE = '.course-review-cache.json';
const FORMAT = 2;

interface Entry {
  findings: Finding[];
  page: PageSummary;
}

/** Findings per trigger rule: what `queue` needs to know of a lesson's claims. */
export type TriggerEntry = Record<string, number>;

/**
 * The key of a lesson's trigger counts: its text and the configuration, not its path or the date,
 * since the claim rules read neither: a lesson moved or copied keeps its entry.
 */
export function triggerKeyOf(text: string, config: ResolvedConfig): string {
  return createHash('sha256').update(configHash(config)).update('\0').update(text).digest('hex');
}

interface CacheFile {
  format: number;
  engine: string;
  /** Lint results (lint, outline, report). */
  entries: Record<string, Entry>;
  /** The queue's trigger counts. */
  triggers?: Record<string, TriggerEntry>;
}

/** What one lint's result depends on, besides the engine: the file's bytes, its path, configuration, course hints and the date. */
export interface CacheInput {
  path: string;
  config: ResolvedConfig;
  hints: PageHints | undefined;
  today: string | undefined;
}

/**
 * Lint results kept between runs, as ESLint's `--cache` keeps them: each under a hash of everything
 * the result depends on (the file's bytes, its path, its configuration, what its course says of it,
 * the date, and the engine that linted it), so a result is only ever reused for the same question.
 * A file that cannot be read, or does not parse as a cache of this engine, is started afresh.
 * Only the entries a run used are written back.
 */
export class LintCache {
  private readonly next: Record<string, Entry> = {};
  private readonly nextTriggers: Record<string, TriggerEntry> = {};
  private usedEntries = false;
  private usedTriggers = false;
  hits = 0;

  private constructor(
    readonly location: string,
    private readonly engine: string,
    private readonly previous: Record<string, Entry>,
    private readonly previousTriggers: Record<string, TriggerEntry>,
  ) {}

  static open(file: string): LintCache {
    const engine = engineId();
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
      if (parsed.format === FORMAT && parsed.engine === engine && isRecord(parsed.entries)) {
        return new LintCache(file, engine, parsed.entries, isRecord(parsed.triggers) ? parsed.triggers : emptyRecord());
      }
    } catch {
      // No cache yet, or one that is not ours to read: start afresh.
    }
    return new LintCache(file, engine, emptyRecord(), emptyRecord());
  }

  /** The key of the file as it is now; undefined when it cannot be read (the lint will say why). */
  keyOf(input: CacheInput): string | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(input.path);
    } catch {
      return undefined;
    }
    return createHash('sha256')
      .update(JSON.stringify([input.path, configHash(input.config), input.hints ?? null, input.today ?? null]))
      .update('\0')
      .update(bytes)
      .digest('hex');
  }

  get(key: string | undefined): Entry | undefined {
    this.usedEntries = true;
    if (key === undefined) return undefined;
    const entry = Object.hasOwn(this.previous, key) ? this.previous[key] : undefined;
    if (entry) {
      this.hits++;
      this.next[key] = entry;
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    this.usedEntries = true;
    this.next[key] = entry;
  }

  /** Whether an earlier run left trigger counts to reuse. */
  hasTriggers(): boolean {
    return Object.keys(this.previousTriggers).length > 0;
  }

  /** The trigger counts an earlier run left, by {@link triggerKeyOf}: read-only, for the threads that list lessons. */
  rememberedTriggers(): Readonly<Record<string, TriggerEntry>> {
    return this.previousTriggers;
  }

  /** Keeps a lesson's trigger counts for the next run: `checked` when its claims were checked afresh, not remembered. */
  keepTriggers(key: string, counts: ReadonlyArray<[string, number]>, checked: boolean): void {
    this.usedTriggers = true;
    if (!checked) this.hits++;
    this.nextTriggers[key] = Object.fromEntries(counts);
  }

  /**
   * Writes the entries of this run; says why it could not, or undefined. A run keeps only the
   * entries it used of the kinds it asked for (lint results, trigger counts) and leaves the other
   * kind as it was, so that `lint --cache` and `queue --cache` can share one file.
   */
  save(): string | undefined {
    const file: CacheFile = {
      format: FORMAT,
      engine: this.engine,
      entries: this.usedEntries ? this.next : this.previous,
      triggers: this.usedTriggers ? this.nextTriggers : this.previousTriggers,
    };
    try {
      return writeWholeFile(this.location, JSON.stringify(file));
    } catch (error) {
      return describeError(error);
    }
  }
}

function isRecord<T>(value: unknown): value is Record<string, T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The engine that lints: this build's own code, so a rebuilt CLI never reads an older one's results. */
function engineId(): string {
  const hash = createHash('sha256').update(version);
  try {
    hash.update(readFileSync(__filename));
  } catch {
    // Not run from a file: the version alone.
  }
  return hash.digest('hex');
}

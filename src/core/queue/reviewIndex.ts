import { outstandingItems, type LessonEntry, type QueueItem } from './entry';

const MAX_TRIGGER_ENTRIES = 50_000;

/**
 * Every lesson's review entry, kept up to date file by file: a created, changed, renamed or
 * deleted file updates only its own entry. Keys are whatever the adapter uses for a file (a URI
 * or a path).
 */
export class ReviewIndex {
  private readonly entries = new Map<string, LessonEntry>();
  /** The sorted queue for `itemsDay`, and the files changed since: one changed file re-sorts nothing else. */
  private sorted: QueueItem[] | undefined;
  private itemsDay: string | undefined;
  private readonly changed = new Set<string>();
  /**
   * Trigger findings by key (see `triggerKey`: configuration and lesson fingerprint): a lesson that
   * comes back unchanged (undo, checkout, a new session) is not checked again.
   */
  private readonly triggers = new Map<string, ReadonlyMap<string, number>>();
  /** The keys asked for or found since the index was made: the ones worth keeping for a later session. */
  private readonly usedTriggers = new Set<string>();

  get size(): number {
    return this.entries.size;
  }

  get(file: string): LessonEntry | undefined {
    return this.entries.get(file);
  }

  files(): string[] {
    return [...this.entries.keys()];
  }

  set(entry: LessonEntry): void {
    this.entries.set(entry.file, entry);
    this.changed.add(entry.file);
  }

  delete(file: string): boolean {
    this.changed.add(file);
    return this.entries.delete(file);
  }

  /** Deletes every entry whose key starts with `prefix` (a deleted folder). */
  deleteUnder(prefix: string): number {
    let count = 0;
    for (const file of this.files()) if (file.startsWith(prefix) && this.delete(file)) count++;
    return count;
  }

  rename(from: string, to: string): boolean {
    const entry = this.entries.get(from);
    if (!entry) return false;
    this.delete(from);
    this.set({ ...entry, file: to });
    return true;
  }

  cachedTriggers(key: string): ReadonlyMap<string, number> | undefined {
    const found = this.triggers.get(key);
    if (found) this.usedTriggers.add(key);
    return found;
  }

  rememberTriggers(key: string, counts: ReadonlyMap<string, number>): void {
    if (this.triggers.size > MAX_TRIGGER_ENTRIES) {
      this.triggers.clear();
      this.usedTriggers.clear();
    }
    this.triggers.set(key, counts);
    this.usedTriggers.add(key);
  }

  /** Findings kept from an earlier session: known, though not yet asked for. */
  restoreTriggers(entries: ReadonlyMap<string, ReadonlyMap<string, number>>): void {
    for (const [key, counts] of entries) {
      if (this.triggers.size >= MAX_TRIGGER_ENTRIES) return;
      if (!this.triggers.has(key)) this.triggers.set(key, counts);
    }
  }

  /** The findings to keep for a later session: those asked for or found in this one, or all of them. */
  triggerEntries({ unused }: { unused: boolean }): Array<[string, ReadonlyMap<string, number>]> {
    return [...this.triggers].filter(([key]) => unused || this.usedTriggers.has(key));
  }

  /** Outstanding reviews on `today`: overdue first, then by due date, then by file and role. */
  items(today: string): QueueItem[] {
    if (today !== this.itemsDay || !this.sorted || this.changed.size > 256) {
      this.sorted = [...this.entries.values()].flatMap((entry) => outstandingItems(entry, today)).sort(compareItems);
      this.itemsDay = today;
    } else if (this.changed.size > 0) {
      const kept = this.sorted.filter((item) => !this.changed.has(item.file));
      for (const file of this.changed) {
        const entry = this.entries.get(file);
        for (const item of entry ? outstandingItems(entry, today) : []) kept.splice(insertionPoint(kept, item), 0, item);
      }
      this.sorted = kept;
    }
    this.changed.clear();
    return [...this.sorted];
  }

  /** Lessons whose front matter could not be read, with the reason. */
  problems(): Array<{ file: string; problem: string }> {
    return [...this.entries.values()]
      .flatMap((entry) => (entry.problem ? [{ file: entry.file, problem: entry.problem }] : []))
      .sort((a, b) => a.file.localeCompare(b.file));
  }
}

export function compareItems(a: QueueItem, b: QueueItem): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
    a.file.localeCompare(b.file) ||
    a.role.localeCompare(b.role)
  );
}

function insertionPoint(sorted: readonly QueueItem[], item: QueueItem): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareItems(sorted[middle], item) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

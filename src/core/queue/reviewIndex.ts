import { outstandingItems, type LessonEntry, type QueueItem } from './entry';

/**
 * Every lesson's review entry, kept up to date file by file: a created, changed, renamed or
 * deleted file updates only its own entry. Keys are whatever the adapter uses for a file (a URI
 * or a path).
 */
export class ReviewIndex {
  private readonly entries = new Map<string, LessonEntry>();
  /** Trigger findings by lesson fingerprint: a lesson that comes back unchanged (undo, checkout) is not checked again. */
  private readonly triggers = new Map<string, ReadonlyMap<string, number>>();

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
  }

  delete(file: string): boolean {
    return this.entries.delete(file);
  }

  /** Deletes every entry whose key starts with `prefix` (a deleted folder). */
  deleteUnder(prefix: string): number {
    let count = 0;
    for (const file of this.files()) if (file.startsWith(prefix) && this.entries.delete(file)) count++;
    return count;
  }

  rename(from: string, to: string): boolean {
    const entry = this.entries.get(from);
    if (!entry) return false;
    this.entries.delete(from);
    this.entries.set(to, { ...entry, file: to });
    return true;
  }

  cachedTriggers(fingerprint: string): ReadonlyMap<string, number> | undefined {
    return this.triggers.get(fingerprint);
  }

  rememberTriggers(fingerprint: string, counts: ReadonlyMap<string, number>): void {
    if (this.triggers.size > 50_000) this.triggers.clear();
    this.triggers.set(fingerprint, counts);
  }

  /** Outstanding reviews on `today`: overdue first, then by due date, then by file and role. */
  items(today: string): QueueItem[] {
    const items: QueueItem[] = [];
    for (const entry of this.entries.values()) items.push(...outstandingItems(entry, today));
    return items.sort(compareItems);
  }

  /** Lessons whose front matter could not be read, with the reason. */
  problems(): Array<{ file: string; problem: string }> {
    return [...this.entries.values()].flatMap((entry) => (entry.problem ? [{ file: entry.file, problem: entry.problem }] : [])).sort((a, b) => a.file.localeCompare(b.file));
  }
}

export function compareItems(a: QueueItem, b: QueueItem): number {
  return Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.file.localeCompare(b.file) || a.role.localeCompare(b.role);
}

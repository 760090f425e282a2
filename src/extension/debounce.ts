/**
 * One timer per key: scheduling a key again restarts its wait, so only the last call of a burst
 * (keystrokes in a lesson) runs. The linter and the review queue wait for a pause in typing with it.
 */
export class KeyedDebouncer {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  schedule(key: string, delayMs: number, run: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run();
      }, delayMs),
    );
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  /** Cancels the key and every key under it (`key/…`): a folder deleted takes its lessons' waits along. */
  cancelUnder(key: string): void {
    for (const each of [...this.timers.keys()]) if (each === key || each.startsWith(`${key}/`)) this.cancel(each);
  }

  has(key: string): boolean {
    return this.timers.has(key);
  }

  get size(): number {
    return this.timers.size;
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }
}

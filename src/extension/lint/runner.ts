import type { LintRequest, LintResponse, ResolvedConfig } from '../../core';

/** How a request ended: answered, or the worker was stopped and started afresh. */
export type Outcome =
  | { kind: 'answered'; response: LintResponse }
  | { kind: 'over-budget'; budgetMs: number }
  | { kind: 'out-of-memory'; limitMb: number }
  | { kind: 'failed'; message: string }
  | { kind: 'superseded' };

/** Open lessons first: a check the author waits for goes ahead of the queue's background work. */
export type Priority = 'interactive' | 'background';

type ConfigFree<T> = T extends { configId: number } ? Omit<T, 'configId' | 'config'> : T;
export type ClientRequest = ConfigFree<LintRequest>;

/**
 * Where the checks run: a worker thread with a time budget on the desktop (`LintClient`), the
 * extension host's own thread in the browser (`InProcessLintRunner`).
 */
export interface LintRunner {
  request(body: ClientRequest, config: ResolvedConfig | undefined, priority?: Priority): Promise<Outcome>;
  /** True while a request for this lesson waits or runs. */
  isBusyWith(key: string): boolean;
  dispose(): void;
}

export interface Pending {
  body: LintRequest;
  config: ResolvedConfig | undefined;
  /** Requests with the same key replace each other while they wait: only the newest text matters. */
  key: string | undefined;
  resolve(outcome: Outcome): void;
}

/** The requests waiting their turn, interactive ones first; a newer request for a lesson supersedes the one waiting. */
export class WaitingRequests {
  private readonly waiting: Record<Priority, Pending[]> = { interactive: [], background: [] };

  add(body: ClientRequest, config: ResolvedConfig | undefined, priority: Priority): Promise<Outcome> {
    const key = body.method === 'lint' ? body.key : undefined;
    return new Promise<Outcome>((resolve) => {
      const queue = this.waiting[priority];
      const replaced = key === undefined ? -1 : queue.findIndex((pending) => pending.key === key);
      const pending: Pending = { body: body as LintRequest, config, key, resolve };
      if (replaced === -1) queue.push(pending);
      else queue.splice(replaced, 1, pending)[0].resolve({ kind: 'superseded' });
    });
  }

  next(): Pending | undefined {
    return this.waiting.interactive.shift() ?? this.waiting.background.shift();
  }

  has(key: string): boolean {
    return [...this.waiting.interactive, ...this.waiting.background].some((pending) => pending.key === key);
  }

  /** Ends every waiting request as superseded. */
  clear(): void {
    for (const pending of [...this.waiting.interactive, ...this.waiting.background]) pending.resolve({ kind: 'superseded' });
    this.waiting.interactive.length = 0;
    this.waiting.background.length = 0;
  }
}

/** Numbers each configuration once, so that it travels to the service once rather than with every request. */
export class ConfigIds {
  private readonly ids = new WeakMap<ResolvedConfig, number>();
  private last = 0;

  of(config: ResolvedConfig): number {
    let id = this.ids.get(config);
    if (id === undefined) {
      id = ++this.last;
      this.ids.set(config, id);
    }
    return id;
  }
}

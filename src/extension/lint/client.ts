import { Worker } from 'node:worker_threads';
import type { Envelope, LintRequest, LintResponse, ResolvedConfig } from '../../core';
import { READY } from './ready';
import { ConfigIds, WaitingRequests, type ClientRequest, type LintRunner, type Outcome, type Pending, type Priority } from './runner';

export type { Outcome, Priority } from './runner';

export interface LintClientOptions {
  /** The bundled worker script. */
  script: string;
  /** A request that takes longer stops the worker; read for every request, so a setting change applies at once. */
  budgetMs(): number;
  /** The worker's heap limit. */
  memoryMb: number;
}

/**
 * Runs the lint service on a worker thread, one request at a time, each within a time budget. A
 * request over budget, or one that exhausts the worker's memory, stops the worker (the only way to
 * stop a busy thread); the next request starts a fresh one. Configurations travel once per worker.
 */
export class LintClient implements LintRunner {
  private worker: Worker | undefined;
  private readonly configIds = new ConfigIds();
  /** Configurations the current worker has been sent. */
  private known = new Set<number>();
  private readonly waiting = new WaitingRequests();
  private inFlight: (Pending & { id: number; budgetMs: number; timer: ReturnType<typeof setTimeout> | undefined }) | undefined;
  /** A fresh worker is still loading: the request in flight waits, its budget not yet running. */
  private loading = false;
  private lastId = 0;
  private disposed = false;

  constructor(private readonly options: LintClientOptions) {}

  request(body: ClientRequest, config: ResolvedConfig | undefined, priority: Priority = 'interactive'): Promise<Outcome> {
    if (this.disposed) return Promise.resolve({ kind: 'failed', message: 'Course Review is shutting down.' });
    const outcome = this.waiting.add(body, config, priority);
    this.next();
    return outcome;
  }

  isBusyWith(key: string): boolean {
    return this.inFlight?.key === key || this.waiting.has(key);
  }

  dispose(): void {
    this.disposed = true;
    this.waiting.clear();
    this.finish({ kind: 'superseded' });
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private next() {
    if (this.inFlight || this.disposed) return;
    const pending = this.waiting.next();
    if (!pending) return;
    const worker = this.ensureWorker();
    const id = ++this.lastId;
    this.inFlight = { ...pending, id, budgetMs: this.options.budgetMs(), timer: undefined };
    if (!this.loading) this.startBudget();
    worker.postMessage({ id, body: this.withConfig(pending) } satisfies Envelope<LintRequest>);
  }

  private startBudget() {
    const inFlight = this.inFlight;
    if (!inFlight || inFlight.timer) return;
    inFlight.timer = setTimeout(() => this.restart({ kind: 'over-budget', budgetMs: inFlight.budgetMs }), inFlight.budgetMs);
  }

  /** The request with its configuration's id, and the configuration itself the first time this worker sees it. */
  private withConfig({ body, config }: Pending): LintRequest {
    if (!config || body.method === 'forget') return body;
    const configId = this.configIds.of(config);
    const first = !this.known.has(configId);
    this.known.add(configId);
    return { ...body, configId, ...(first && { config }) } as LintRequest;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.script, { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb } });
    worker.on('message', (message: Envelope<LintResponse> | typeof READY) => {
      if (message === READY) {
        this.loading = false;
        return this.startBudget();
      }
      const { id, body } = message;
      if (this.inFlight?.id !== id) return;
      if (body.method === 'unknown-config') {
        this.known.delete(body.configId);
        return this.restart({ kind: 'failed', message: 'The lint worker lost its configuration.' });
      }
      this.finish({ kind: 'answered', response: body });
      this.next();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.restart(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'out-of-memory', limitMb: this.options.memoryMb }
          : { kind: 'failed', message: error.message },
      );
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.restart({ kind: 'failed', message: 'The lint worker stopped.' });
    });
    worker.unref();
    this.worker = worker;
    this.loading = true;
    this.known = new Set();
    return worker;
  }

  /** Ends the request in flight with `outcome`, stops the worker, and goes on with a fresh one. */
  private restart(outcome: Outcome) {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.finish(outcome);
    this.next();
  }

  private finish(outcome: Outcome) {
    const done = this.inFlight;
    if (!done) return;
    clearTimeout(done.timer);
    this.inFlight = undefined;
    done.resolve(outcome);
  }
}

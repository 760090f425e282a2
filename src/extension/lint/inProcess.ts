import { LintService, type LintRequest, type LintResponse, type ResolvedConfig } from '../../core';
import { ConfigIds, WaitingRequests, type ClientRequest, type LintRunner, type Outcome, type Pending, type Priority } from './runner';

/**
 * The checks on the extension host's own thread, one request per turn of the event loop, for the
 * browser's web worker extension host, where Node's worker threads do not exist. There is no time
 * budget: a check cannot be stopped from the thread it runs on.
 */
export class InProcessLintRunner implements LintRunner {
  private readonly service = new LintService();
  private readonly waiting = new WaitingRequests();
  private readonly configIds = new ConfigIds();
  private running: Pending | undefined;
  private scheduled = false;
  private disposed = false;

  request(body: ClientRequest, config: ResolvedConfig | undefined, priority: Priority = 'interactive'): Promise<Outcome> {
    if (this.disposed) return Promise.resolve({ kind: 'failed', message: 'Course Review is shutting down.' });
    const outcome = this.waiting.add(body, config, priority);
    this.schedule();
    return outcome;
  }

  isBusyWith(key: string): boolean {
    return this.running?.key === key || this.waiting.has(key);
  }

  dispose(): void {
    this.disposed = true;
    this.waiting.clear();
  }

  private schedule() {
    if (this.scheduled || this.disposed) return;
    this.scheduled = true;
    setTimeout(() => this.runNext(), 0);
  }

  private runNext() {
    this.scheduled = false;
    const pending = this.waiting.next();
    if (!pending) return;
    this.running = pending;
    let response: LintResponse;
    try {
      response = this.service.handle(this.withConfig(pending));
    } catch (error) {
      response = { method: 'error', message: error instanceof Error ? error.message : String(error) };
    } finally {
      this.running = undefined;
    }
    pending.resolve({ kind: 'answered', response });
    this.schedule();
  }

  private withConfig({ body, config }: Pending): LintRequest {
    if (!config || body.method === 'forget') return body;
    return { ...body, configId: this.configIds.of(config), config } as LintRequest;
  }
}

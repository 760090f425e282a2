// The lint worker thread (bundled to dist/lintWorker.js): the core's LintService behind messages,
// so that checking a lesson never holds the extension host's thread.
import { parentPort } from 'node:worker_threads';
import { LintService, type Envelope, type LintRequest, type LintResponse } from '../../core';
import { READY } from './ready';

const service = new LintService();

parentPort?.on('message', ({ id, body }: Envelope<LintRequest>) => {
  let response: LintResponse;
  try {
    response = service.handle(body);
  } catch (error) {
    response = { method: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage({ id, body: response } satisfies Envelope<LintResponse>);
});

parentPort?.postMessage(READY);

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { prepareTriggerCounts } from '../core';
import { configSource } from './common';
import { describeError } from './errors';
import { lintFile, type LintJob, type LintOutcome, type LintSettings } from './lintFile';
import { queueLesson, type QueuedLesson, type QueueQuestion } from './queueLesson';

/** Above this many files, `course-review lint` and `queue` spread them over worker threads. */
export const MAX_FILES_ON_ONE_THREAD = 50;
const WORKERS = 2;
/**
 * Files handed to a worker at a time: few enough that both finish together, enough to keep messages
 * rare. A lesson for the queue takes a fraction of a millisecond, a lint ten or more.
 */
const BATCH = { lint: 8, queue: 64 };
/**
 * A parse leaves much short-lived garbage; a young generation this large collects it less often.
 * A single thread gets the same help from the collector's threads on the other core, which two
 * workers keep busy.
 */
const YOUNG_GENERATION_MB = 64;

/** Where the workers find each file's configuration. */
export type WorkerSettings = Pick<LintSettings, 'cwd' | 'configPath'>;

/** What the queue's workers need besides: the question every lesson is read for. */
export type QueueSettings = WorkerSettings & { question: QueueQuestion };

/** A lesson for the queue: where it is, and how the queue names it. */
export interface QueueJob {
  path: string;
  file: string;
}

/** Starts a worker that answers each message of jobs with their outcomes, in order. */
export type StartWorker = () => Worker;

/** What a worker does with each job, by the role it was started in. */
const SERVERS = {
  lint: (settings: LintSettings) => {
    const configs = configSource(settings.cwd, settings.configPath);
    return (job: LintJob): LintOutcome => {
      if ('error' in configs) return { kind: 'failed', problem: `invalid configuration: ${configs.error.message}` };
      const config = configs.forFile(job.path);
      if (!config.ok) return { kind: 'failed', problem: `invalid configuration ${config.error.file}: ${config.error.message}` };
      return lintFile(job, config.config, settings);
    };
  },
  queue: (settings: QueueSettings) => {
    const configs = configSource(settings.cwd, settings.configPath);
    // Ready before the first job arrives: the claim rules' prefilter for the lessons of the working directory.
    const usual = 'error' in configs ? undefined : configs.forFile(join(settings.cwd, 'lesson.md'));
    if (usual?.ok) prepareTriggerCounts(usual.config);
    return (job: QueueJob): QueuedLesson => {
      const config = 'error' in configs ? undefined : configs.forFile(job.path);
      if (!config?.ok) return { queue: { kind: 'failed', problem: 'its configuration could not be read in the worker.' } };
      return queueLesson(job.path, job.file, config.config, settings.question);
    };
  },
};

type Role = keyof typeof SERVERS;

/**
 * Lints the files on two worker threads, each with its own configuration loader, and returns the
 * outcomes in the order of `paths`, as one thread would.
 */
export function lintInWorkers(
  paths: readonly LintJob[],
  settings: LintSettings,
  startWorker: StartWorker = () => startWorkerFor('lint', settings),
): Promise<LintOutcome[]> {
  return inWorkers(paths, BATCH.lint, startWorker, (reason) => ({
    kind: 'failed',
    problem: `the lint worker stopped while checking this file (${reason}). Please report this with the lesson attached.`,
  }));
}

/** Each lesson's part of the queue, read on two worker threads, in the order of `jobs`. */
export function queueInWorkers(
  jobs: readonly QueueJob[],
  settings: QueueSettings,
  startWorker: StartWorker = () => startWorkerFor('queue', settings),
): Promise<QueuedLesson[]> {
  return inWorkers(jobs, BATCH.queue, startWorker, (reason) => ({
    queue: {
      kind: 'failed',
      problem: `the worker stopped while reading this lesson (${reason}). Please report this with the lesson attached.`,
    },
  }));
}

interface Batch {
  indices: number[];
  /** A job of a batch whose worker died, tried again on its own. */
  alone: boolean;
}

type Answer<Outcome> = { kind: 'answered'; outcomes: Outcome[] } | { kind: 'died'; reason: string };

/**
 * The jobs' outcomes from two worker threads, in the order of `jobs`, as one thread would give
 * them. A worker that dies takes no job with it: the jobs of its batch are tried again one by one
 * on a new worker, and one that kills that worker too gets the outcome `died` gives.
 */
async function inWorkers<Job, Outcome>(
  jobs: readonly Job[],
  batchSize: number,
  startWorker: StartWorker,
  died: (reason: string) => Outcome,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(jobs.length);
  const batches: Batch[] = [];
  for (let first = 0; first < jobs.length; first += batchSize)
    batches.push({ indices: range(first, Math.min(first + batchSize, jobs.length)), alone: false });

  const serve = async () => {
    let worker: Worker | undefined;
    try {
      for (let batch = batches.shift(); batch !== undefined; batch = batches.shift()) {
        worker ??= started(startWorker);
        const answer = await ask<Outcome>(
          worker,
          batch.indices.map((index) => jobs[index]),
        );
        if (answer.kind === 'answered') {
          answer.outcomes.forEach((outcome, at) => (outcomes[batch.indices[at]] = outcome));
          continue;
        }
        await worker.terminate();
        worker = undefined;
        if (batch.alone) outcomes[batch.indices[0]] = died(answer.reason);
        else batches.push(...batch.indices.map((index) => ({ indices: [index], alone: true })));
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(WORKERS, batches.length) }, serve));
  return outcomes;
}

function started(startWorker: StartWorker): Worker {
  const worker = startWorker();
  // A worker may fail between batches too; the batch in flight, if any, hears of it through `ask`.
  worker.on('error', () => undefined);
  return worker;
}

function ask<Outcome>(worker: Worker, jobs: unknown[]): Promise<Answer<Outcome>> {
  return new Promise((resolve) => {
    const answer = (value: Answer<Outcome>) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(value);
    };
    const onMessage = (outcomes: Outcome[]) => answer({ kind: 'answered', outcomes });
    const onError = (error: unknown) => answer({ kind: 'died', reason: describeError(error) });
    const onExit = (code: number) => answer({ kind: 'died', reason: `exit code ${code}` });
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(jobs);
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, offset) => from + offset);
}

const WORKER_ROLE = 'course-review worker';

/**
 * A worker runs this module again: the bundle (dist/cli.js) in a release, the TypeScript source
 * through tsx in tests and the benchmark.
 */
function startWorkerFor(role: Role, settings: WorkerSettings | QueueSettings): Worker {
  const options = {
    workerData: { kind: WORKER_ROLE, role, settings },
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  };
  if (!__filename.endsWith('.ts')) return new Worker(__filename, options);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { ...options, eval: true });
}

function serveBatches<Job, Outcome>(serve: (job: Job) => Outcome) {
  parentPort?.on('message', (jobs: Job[]) => {
    const outcomes = jobs.map(serve);
    try {
      parentPort?.postMessage(outcomes);
    } catch {
      // A value that cannot cross threads would kill the worker with an error that arrives empty: say which file, and why.
      parentPort?.postMessage(outcomes.map(sendable));
    }
  });
}

export function sendable<Outcome>(outcome: Outcome): Outcome | { kind: 'failed'; problem: string } {
  try {
    structuredClone(outcome);
    return outcome;
  } catch (error) {
    return {
      kind: 'failed',
      problem:
        `its results could not be passed back from the worker (${describeError(error)}). ` + `Please report this with the lesson attached.`,
    };
  }
}

if (!isMainThread && workerData?.kind === WORKER_ROLE) {
  const { role, settings } = workerData as { role: Role; settings: LintSettings & QueueSettings };
  serveBatches(SERVERS[role](settings) as (job: unknown) => unknown);
}

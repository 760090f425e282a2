import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { configSource } from './common';
import { describeError } from './errors';
import { lintFile, type LintJob, type LintOutcome, type LintSettings } from './lintFile';

/** Above this many files, `course-review lint` spreads them over worker threads. */
export const MAX_FILES_ON_ONE_THREAD = 50;
const WORKERS = 2;
/** Files handed to a worker at a time: few enough that both finish together, enough to keep messages rare. */
const BATCH = 8;
/**
 * A parse leaves much short-lived garbage; a young generation this large collects it less often.
 * A single thread gets the same help from the collector's threads on the other core, which two
 * workers keep busy.
 */
const YOUNG_GENERATION_MB = 64;

/** Starts a worker that answers each message of paths with their outcomes, in order. */
export type StartWorker = (settings: LintSettings) => Worker;

interface Job {
  indices: number[];
  /** A file of a batch whose worker died, tried again on its own. */
  alone: boolean;
}

type Answer = { kind: 'answered'; outcomes: LintOutcome[] } | { kind: 'died'; reason: string };

/**
 * Lints the files on two worker threads, each with its own configuration loader, and returns the
 * outcomes in the order of `paths`, as one thread would. A worker that dies takes no file with it:
 * the files of its batch are tried again one by one on a new worker, and one that kills that
 * worker too is reported as failed.
 */
export async function lintInWorkers(
  paths: readonly LintJob[],
  settings: LintSettings,
  startWorker: StartWorker = startLintWorker,
): Promise<LintOutcome[]> {
  const outcomes: LintOutcome[] = new Array(paths.length);
  const jobs: Job[] = [];
  for (let first = 0; first < paths.length; first += BATCH)
    jobs.push({ indices: range(first, Math.min(first + BATCH, paths.length)), alone: false });

  const serve = async () => {
    let worker: Worker | undefined;
    try {
      for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) {
        worker ??= started(startWorker, settings);
        const answer = await ask(
          worker,
          job.indices.map((index) => paths[index]),
        );
        if (answer.kind === 'answered') {
          answer.outcomes.forEach((outcome, at) => (outcomes[job.indices[at]] = outcome));
          continue;
        }
        await worker.terminate();
        worker = undefined;
        if (job.alone)
          outcomes[job.indices[0]] = {
            kind: 'failed',
            problem: `the lint worker stopped while checking this file (${answer.reason}). Please report this with the lesson attached.`,
          };
        else jobs.push(...job.indices.map((index) => ({ indices: [index], alone: true })));
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(WORKERS, jobs.length) }, serve));
  return outcomes;
}

function started(startWorker: StartWorker, settings: LintSettings): Worker {
  const worker = startWorker(settings);
  // A worker may fail between batches too; the batch in flight, if any, hears of it through `ask`.
  worker.on('error', () => undefined);
  return worker;
}

function ask(worker: Worker, paths: LintJob[]): Promise<Answer> {
  return new Promise((resolve) => {
    const answer = (value: Answer) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(value);
    };
    const onMessage = (outcomes: LintOutcome[]) => answer({ kind: 'answered', outcomes });
    const onError = (error: unknown) => answer({ kind: 'died', reason: describeError(error) });
    const onExit = (code: number) => answer({ kind: 'died', reason: `exit code ${code}` });
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(paths);
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, offset) => from + offset);
}

const WORKER_ROLE = 'course-review lint worker';

/**
 * A worker runs this module again: the bundle (dist/cli.js) in a release, the TypeScript source
 * through tsx in tests and the benchmark.
 */
function startLintWorker(settings: LintSettings): Worker {
  const options = { workerData: { role: WORKER_ROLE, settings }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } };
  if (!__filename.endsWith('.ts')) return new Worker(__filename, options);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { ...options, eval: true });
}

function serveBatches(settings: LintSettings) {
  const configs = configSource(settings.cwd, settings.configPath);
  const lintJob = (job: LintJob): LintOutcome => {
    if ('error' in configs) return { kind: 'failed', problem: `invalid configuration: ${configs.error.message}` };
    const config = configs.forFile(job.path);
    if (!config.ok) return { kind: 'failed', problem: `invalid configuration ${config.error.file}: ${config.error.message}` };
    return lintFile(job, config.config, settings);
  };
  parentPort?.on('message', (jobs: LintJob[]) => {
    const outcomes = jobs.map(lintJob);
    try {
      parentPort?.postMessage(outcomes);
    } catch {
      // A value that cannot cross threads would kill the worker with an error that arrives empty: say which file, and why.
      parentPort?.postMessage(outcomes.map(sendable));
    }
  });
}

export function sendable(outcome: LintOutcome): LintOutcome {
  try {
    structuredClone(outcome);
    return outcome;
  } catch (error) {
    return {
      kind: 'failed',
      problem:
        `its findings could not be passed back from the lint worker (${describeError(error)}). ` +
        `Please report this with the lesson attached.`,
    };
  }
}

if (!isMainThread && workerData?.role === WORKER_ROLE) serveBatches((workerData as { settings: LintSettings }).settings);

import { readFileSync, writeFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fixAll, lintText, type Finding, type ResolvedConfig } from '../core';
import { configSource } from './common';

const BOM = '\uFEFF';

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

/** What every file of a run shares: where configurations are found, the date, whether to fix. */
export interface LintSettings {
  cwd: string;
  /** `--config`, or undefined to use the nearest `.coursereview.json` of each file. */
  configPath: string | undefined;
  /** YYYY-MM-DD; without it no review is overdue. */
  today: string | undefined;
  fix: boolean;
}

export interface LintOutcome {
  findings: Finding[];
  /** Findings fixed in the file, when fixing. */
  fixed: number;
}

/** Reads one lesson, applies its safe fixes when asked (writing the file), and lints what is left. */
export function lintFile(path: string, config: ResolvedConfig, settings: LintSettings): LintOutcome {
  const raw = readFileSync(path, 'utf8');
  const bom = raw.startsWith(BOM) ? BOM : '';
  let text = raw.slice(bom.length);
  let fixed = 0;
  if (settings.fix) {
    const result = fixAll(text, config);
    if (result.fixed > 0) {
      writeFileSync(path, bom + result.text);
      text = result.text;
      fixed = result.fixed;
    }
  }
  return { findings: lintText(text, config, { today: settings.today }).findings, fixed };
}

interface Batch {
  first: number;
  paths: string[];
}

type Reply = { first: number; outcomes: LintOutcome[] } | { error: string };

/**
 * Lints the files on two worker threads, each with its own configuration loader, and returns the
 * outcomes in the order of `paths`, as one thread would. Every file's configuration must load.
 */
export async function lintInWorkers(paths: readonly string[], settings: LintSettings): Promise<LintOutcome[]> {
  const outcomes: LintOutcome[] = new Array(paths.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(WORKERS, Math.ceil(paths.length / BATCH)) }, () => startWorker(settings));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= paths.length) return resolve();
              const batch: Batch = { first: next, paths: paths.slice(next, next + BATCH) };
              next += batch.paths.length;
              worker.postMessage(batch);
            };
            worker.on('message', (reply: Reply) => {
              if ('error' in reply) return reject(new Error(reply.error));
              reply.outcomes.forEach((outcome, index) => (outcomes[reply.first + index] = outcome));
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`A lint worker stopped (exit code ${code}).`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}

const WORKER_ROLE = 'course-review lint worker';

/**
 * A worker runs this module again: the bundle (dist/cli.js) in a release, the TypeScript source
 * through tsx in tests and the benchmark.
 */
function startWorker(settings: LintSettings): Worker {
  const options = { workerData: { role: WORKER_ROLE, settings }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } };
  if (!__filename.endsWith('.ts')) return new Worker(__filename, options);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { ...options, eval: true });
}

function serveBatches(settings: LintSettings) {
  const configs = configSource(settings.cwd, settings.configPath);
  parentPort?.on('message', ({ first, paths }: Batch) => {
    let reply: Reply;
    try {
      if ('error' in configs) throw new Error(configs.error.message);
      const outcomes = paths.map((path) => {
        const config = configs.forFile(path);
        if (!config.ok) throw new Error(config.error.message);
        return lintFile(path, config.config, settings);
      });
      reply = { first, outcomes };
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort?.postMessage(reply);
  });
}

if (!isMainThread && workerData?.role === WORKER_ROLE) serveBatches((workerData as { settings: LintSettings }).settings);

import './regexpTierUp';
import { isMainThread } from 'node:worker_threads';
import { version } from '../../package.json';
import { printable } from './printable';
import { run } from './run';

// The bundle also runs as a lint worker (see parallel.ts), which takes its work from messages.
if (isMainThread) {
  // A reader that stops early (`course-review lint | head`) closes the pipe: stop quietly, as cat does.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  run(
    process.argv.slice(2),
    { cwd: process.cwd(), stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
    version,
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`course-review: unexpected failure: ${detail.split('\n').map(printable).join('\n')}\n`);
      process.exitCode = 2;
    },
  );
}

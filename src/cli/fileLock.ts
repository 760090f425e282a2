import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describeError } from './errors';

/** How long a writer waits for another course-review to finish with the same file. */
const LOCK_WAIT_MS = 15_000;
/** A read-modify-write takes milliseconds; a lock this old was left by a writer that is gone. */
const STALE_MS = 60_000;

interface Holder {
  pid: number;
  host: string;
  since: string;
  /** Tells this lock from a later one, which may get the same inode number. */
  token: string;
}

export interface HeldLock {
  /** False when another writer judged the lock stale and took it: then nothing may be written. */
  stillHeld(): boolean;
  release(): void;
}

export type LockResult = { kind: 'locked'; lock: HeldLock } | { kind: 'refused'; message: string };

/** `.name.md.course-review.lock`, beside the file, so that every course-review writing that file meets it. */
export function lockPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.course-review.lock`);
}

/**
 * Takes the lock file beside `file`, created with O_EXCL, waiting while another course-review
 * holds it. A lock whose process is gone (same host) or that is older than a minute is broken.
 */
export function lockBeside(file: string, waitMs = LOCK_WAIT_MS): LockResult {
  const path = lockPathFor(file);
  const deadline = Date.now() + waitMs;
  for (;;) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        return {
          kind: 'refused',
          message: `Cannot create the lock file ${basename(path)} beside it: ${describeError(error)}. Nothing was written.`,
        };
      const seen = look(path);
      if (seen === undefined || (isStale(seen) && breakStale(path, seen))) continue;
      if (Date.now() > deadline) return { kind: 'refused', message: busyMessage(path, seen?.holder) };
      sleep(5 + Math.random() * 20);
      continue;
    }
    const { ino, dev } = fstatSync(fd);
    let content = JSON.stringify({
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      token: randomUUID(),
    } satisfies Holder);
    try {
      writeSync(fd, content);
    } catch {
      // On a full disk the lock stays empty: it still keeps other writers out, and ages out if left behind.
      content = '';
    } finally {
      closeSync(fd);
    }
    const stillHeld = () => {
      try {
        const stat = statSync(path);
        return stat.ino === ino && stat.dev === dev && readFileSync(path, 'utf8') === content;
      } catch {
        return false;
      }
    };
    return {
      kind: 'locked',
      lock: {
        stillHeld,
        release: () => {
          if (stillHeld()) unlinkQuietly(path);
        },
      },
    };
  }
}

interface Seen {
  ino: number;
  dev: number;
  ageMs: number;
  holder: Holder | undefined;
}

function look(path: string): Seen | undefined {
  try {
    const stat = statSync(path);
    return { ino: stat.ino, dev: stat.dev, ageMs: Date.now() - stat.mtimeMs, holder: parseHolder(readFileSync(path, 'utf8')) };
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    return typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.since === 'string' &&
      typeof value.token === 'string'
      ? (value as Holder)
      : undefined;
  } catch {
    return undefined;
  }
}

function isStale({ ageMs, holder }: Seen): boolean {
  if (ageMs > STALE_MS) return true;
  return holder !== undefined && holder.host === hostname() && !isRunning(holder.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock aside (a rename succeeds for one writer only), then checks that what moved
 * is the lock that was judged stale: another writer may have broken it and taken a fresh one in
 * between, which is then put back. False when the lock cannot be moved (a folder that is not
 * writable): then it is waited for like a live one.
 */
function breakStale(path: string, seen: Seen): boolean {
  const aside = `${path}.${randomUUID()}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  const moved = look(aside);
  if (moved && !(moved.ino === seen.ino && moved.dev === seen.dev && moved.holder?.token === seen.holder?.token)) {
    try {
      linkSync(aside, path);
    } catch {
      // A third writer holds the lock now; the one moved aside sees that its lock is gone and writes nothing.
    }
  }
  unlinkQuietly(aside);
  return true;
}

function busyMessage(path: string, holder: Holder | undefined): string {
  const who = holder ? ` (process ${holder.pid} on ${holder.host}, since ${holder.since})` : '';
  return (
    `Another course-review is writing this file${who}, so nothing was written: try again. If no course-review is running, ` +
    `delete ${basename(path)}.`
  );
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeError } from './errors';
import { lockBeside, sleep, type HeldLock } from './fileLock';

/** The new text of the file (`undefined` to leave it as it is), and what the caller wants to know. */
export interface Rewrite<T> {
  text: string | undefined;
  value: T;
}

export type Update<T> =
  | { kind: 'kept'; value: T }
  /** `notes`: what another program did to the file meanwhile, and what was done about it. */
  | { kind: 'written'; value: T; notes: string[] }
  /** Nothing was written: the file is as it was. */
  | { kind: 'refused'; message: string };

/** Tries before giving up on a file that another program keeps changing (a log-like appender, say). */
const ATTEMPTS = 10;
/** After the rename, a writer that opened the old file just before it may still be about to write. */
const SETTLE_MS = 25;

/**
 * Reads the file, asks `rewrite` for its new text, and writes that to a temporary file beside it,
 * which then replaces it by rename: a reader sees the old file or the new one, never half of one,
 * and a failed write (a full disk) leaves the old one whole. Around it all, a lock file keeps other
 * course-review writers out, so that each re-reads the file and applies its change on top. The
 * rename happens only if the file is still what was read; else it is read again (`rewrite` must be
 * pure). A symbolic link is written through, to its target; the file's mode (and owner, when
 * allowed) is kept. `activity` names the work in messages, e.g. "signing".
 */
export function updateFile<T>(path: string, rewrite: (bytes: Buffer) => Rewrite<T>, activity: string): Update<T> {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (error) {
    return { kind: 'refused', message: `Cannot read the file: ${describeError(error)}.` };
  }
  const locked = lockBeside(target);
  if (locked.kind === 'refused') return locked;
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const step = updateOnce(target, rewrite, locked.lock, activity);
      if (step.kind !== 'changed') return step;
      // Out of step with a writer that changes the file at a steady pace, the next read may land just after its write.
      sleep(1 + Math.random() * 10);
    }
    return {
      kind: 'refused',
      message: `The file changed while ${activity} (${ATTEMPTS} times in a row), so it is left as it was: try again.`,
    };
  } finally {
    locked.lock.release();
  }
}

function updateOnce<T>(
  target: string,
  rewrite: (bytes: Buffer) => Rewrite<T>,
  lock: HeldLock,
  activity: string,
): Update<T> | { kind: 'changed' } {
  let fd: number;
  try {
    fd = openSync(target, 'r');
  } catch (error) {
    return { kind: 'refused', message: `Cannot read the file: ${describeError(error)}.` };
  }
  try {
    const before = fstatSync(fd);
    const bytes = readFrom(fd, 0);
    const { text, value } = rewrite(bytes);
    const next = text === undefined ? undefined : Buffer.from(text, 'utf8');
    if (next === undefined || next.equals(bytes)) return { kind: 'kept', value };

    const temp = join(dirname(target), `.${basename(target)}.course-review-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    const failure = writeTemp(temp, next, before);
    if (failure !== undefined) return { kind: 'refused', message: `Cannot write the file: ${failure}. It is left as it was.` };
    let renamed = false;
    try {
      if (!lock.stillHeld())
        return {
          kind: 'refused',
          message: `Another course-review took this file's lock while ${activity}, so it is left as it was: try again.`,
        };
      if (changedSince(target, before, bytes)) return { kind: 'changed' };
      renameSync(temp, target);
      renamed = true;
    } catch (error) {
      return { kind: 'refused', message: `Cannot replace the file: ${describeError(error)}. It is left as it was.` };
    } finally {
      if (!renamed) unlinkQuietly(temp);
    }
    try {
      return { kind: 'written', value, notes: keepLateWrites(fd, bytes, target, activity) };
    } catch (error) {
      return {
        kind: 'written',
        value,
        notes: [`Written, but whether another program wrote to the file meanwhile could not be checked: ${describeError(error)}.`],
      };
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The temporary file, complete and on disk, with the original's mode and owner; `undefined`, or why it could not be written (and it is
 * gone).
 */
function writeTemp(temp: string, bytes: Buffer, original: Stats): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', original.mode & 0o777);
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fchmodSync(fd, original.mode & 0o7777);
    const own = fstatSync(fd);
    if (own.uid !== original.uid || own.gid !== original.gid) {
      try {
        fchownSync(fd, original.uid, original.gid);
      } catch {
        // Only root may give a file away; anyone else's new file stays theirs, as an editor's save would.
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return undefined;
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    unlinkQuietly(temp);
    return describeError(error);
  }
}

function changedSince(target: string, before: Stats, bytes: Buffer): boolean {
  const now = statSync(target);
  if (now.ino !== before.ino || now.dev !== before.dev || now.size !== bytes.length) return true;
  return !readFileSync(target).equals(bytes);
}

/**
 * What another program wrote to the old file (still open here) between the last check and the
 * rename, or just after it: an append is added to the new file; anything else is saved beside it.
 * Either way it is said, never lost in silence.
 */
function keepLateWrites(fd: number, bytes: Buffer, target: string, activity: string): string[] {
  if (fstatSync(fd).size === bytes.length && readFrom(fd, 0).equals(bytes)) return [];
  sleep(SETTLE_MS);
  const old = readFrom(fd, 0);
  if (old.subarray(0, bytes.length).equals(bytes)) {
    const appended = old.subarray(bytes.length);
    try {
      appendFileSync(target, appended);
      return [`${appended.length} bytes appended by another program while ${activity} were added to the end of the new file.`];
    } catch (error) {
      return [
        `${appended.length} bytes appended by another program while ${activity} could not be added to the new file ` +
          `(${describeError(error)}): ${JSON.stringify(appended.toString('utf8'))}`,
      ];
    }
  }
  const copy = `${target}.${Date.now()}.course-review-conflict`;
  try {
    writeFileSync(copy, old, { flag: 'wx' });
    return [`Another program rewrote the file while ${activity}; its version is saved as ${basename(copy)}.`];
  } catch (error) {
    return [`Another program rewrote the file while ${activity}, and its version could not be saved (${describeError(error)}).`];
  }
}

/** The file from `position` to its end as it is now, whatever its size was when opened. */
function readFrom(fd: number, position: number): Buffer {
  const chunks: Buffer[] = [];
  for (let offset = position; ;) {
    const chunk = Buffer.alloc(64 * 1024);
    const count = readSync(fd, chunk, 0, chunk.length, offset);
    if (count === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, count));
    offset += count;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Closing a file that failed to write reports the same failure again.
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/**
 * Writes a whole file that course-review makes (a report): to a temporary file beside it, then by
 * rename, so a reader never sees half of it and a failed write leaves what was there. Returns why
 * it could not, or undefined.
 */
export function writeWholeFile(path: string, text: string): string | undefined {
  const temp = join(dirname(path), `.${basename(path)}.course-review-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, path);
    return undefined;
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never made.
    }
    return describeError(error);
  }
}

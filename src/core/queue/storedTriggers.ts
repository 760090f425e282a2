import type { ResolvedConfig } from '../config/resolve';
import { configHash } from '../config/hash';

/**
 * The queue's trigger counts as the extension keeps them between sessions, so that a workspace
 * opened again does not check every lesson's claims again. Each count is kept under the lesson's
 * fingerprint and a hash of the configuration it was counted under, in a file that names the engine
 * that counted: a count is only ever reused for the same question, as `--cache` does in the CLI.
 */
interface StoredFile {
  format: typeof FORMAT;
  engine: string;
  /** Configuration hash → lesson fingerprint → findings per trigger rule. */
  counts: Record<string, Record<string, Record<string, number>>>;
}

const FORMAT = 1;
const SEPARATOR = ':';

/** The key of a lesson's trigger counts: the configuration's hash and the lesson's fingerprint. */
export function triggerKey(config: ResolvedConfig, fingerprint: string): string {
  return `${configHash(config)}${SEPARATOR}${fingerprint}`;
}

/** The counts a stored file holds, by key; none when the file is not one of this engine's (or not one at all). */
export function readStoredTriggers(text: string, engine: string): Map<string, ReadonlyMap<string, number>> {
  const found = new Map<string, ReadonlyMap<string, number>>();
  let parsed: Partial<StoredFile>;
  try {
    parsed = JSON.parse(text) as Partial<StoredFile>;
  } catch {
    return found;
  }
  if (!isRecord(parsed) || parsed.format !== FORMAT || parsed.engine !== engine || !isRecord(parsed.counts)) return found;
  for (const [config, lessons] of Object.entries(parsed.counts)) {
    if (!isRecord(lessons)) continue;
    for (const [fingerprint, counts] of Object.entries(lessons)) {
      if (!isRecord(counts)) continue;
      const numbers = Object.entries(counts).filter((pair): pair is [string, number] => Number.isInteger(pair[1]) && pair[1] > 0);
      found.set(`${config}${SEPARATOR}${fingerprint}`, new Map(numbers));
    }
  }
  return found;
}

/** The file that {@link readStoredTriggers} reads back. */
export function storedTriggersText(entries: Iterable<readonly [string, ReadonlyMap<string, number>]>, engine: string): string {
  const counts: StoredFile['counts'] = {};
  for (const [key, rules] of entries) {
    const at = key.indexOf(SEPARATOR);
    if (at < 0) continue;
    const config = key.slice(0, at);
    (counts[config] ??= {})[key.slice(at + 1)] = Object.fromEntries([...rules].filter(([, count]) => count > 0));
  }
  const file: StoredFile = { format: FORMAT, engine, counts };
  return JSON.stringify(file);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

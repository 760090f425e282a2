import { sha256Hex } from '../text/sha256';
import type { ResolvedConfig } from './resolve';

const hashes = new WeakMap<ResolvedConfig, string>();

/**
 * A hash of everything in a resolved configuration (rules and their options, roles, settings, the
 * folder it applies to): a result kept under it is only reused under the same configuration.
 */
export function configHash(config: ResolvedConfig): string {
  let hash = hashes.get(config);
  if (hash === undefined) {
    hash = sha256Hex(JSON.stringify(config, plainCollections));
    hashes.set(config, hash);
  }
  return hash;
}

function plainCollections(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value];
  if (value instanceof Set) return [...value];
  if (value instanceof RegExp) return String(value);
  return value;
}

import { createHash } from 'node:crypto';

/** `src/core/text/sha256.ts` for the Node bundles: the same values from Node's native hash. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

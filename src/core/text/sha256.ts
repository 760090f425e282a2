import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 of the text's UTF-8 bytes, in hex. Pure JavaScript, so that the core runs in the browser;
 * the Node bundles swap in `src/node/sha256.ts` (node:crypto: the same values, six times faster).
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

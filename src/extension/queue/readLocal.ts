import { open, readFile } from 'node:fs/promises';
import { headNeed } from '../../core';
import { HEAD_BYTES, type LessonText } from './read';

/**
 * A local lesson read with Node, on the desktop: its head alone when that holds the front matter
 * (a `workspace.fs` call costs milliseconds in a remote host, and reads the whole file).
 */
export async function readLocalLesson(path: string, extent: 'head' | 'whole'): Promise<LessonText> {
  const decoder = new TextDecoder();
  if (extent === 'head') {
    const head = await readStart(path);
    if (head.whole || headNeed(decoder.decode(head.bytes), false) === 'enough')
      return { text: decoder.decode(head.bytes), whole: head.whole };
  }
  return { text: decoder.decode(await readFile(path)), whole: true };
}

async function readStart(path: string): Promise<{ bytes: Uint8Array; whole: boolean }> {
  const file = await open(path, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return { bytes: buffer.subarray(0, bytesRead), whole: bytesRead < HEAD_BYTES };
  } finally {
    await file.close();
  }
}

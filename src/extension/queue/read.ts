import { open, readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { headNeed } from '../../core';

/** Front matter fits in the first few kilobytes; the rest is read only when `headNeed` asks for it. */
export const HEAD_BYTES = 8 * 1024;

/**
 * A lesson's text for the queue: its head when that holds the front matter, else the whole file.
 * Local files are read with Node (a `workspace.fs` call costs milliseconds in a remote or web
 * host, and reads the whole file); other schemes go through `workspace.fs`.
 */
export async function readLesson(uri: vscode.Uri, extent: 'head' | 'whole'): Promise<{ text: string; whole: boolean }> {
  const decoder = new TextDecoder();
  if (uri.scheme === 'file') {
    if (extent === 'head') {
      const head = await readStart(uri.fsPath);
      if (head.whole || headNeed(decoder.decode(head.bytes), false) === 'enough') return { text: decoder.decode(head.bytes), whole: head.whole };
    }
    return { text: decoder.decode(await readFile(uri.fsPath)), whole: true };
  }
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (extent === 'whole' || bytes.byteLength <= HEAD_BYTES) return { text: decoder.decode(bytes), whole: true };
  const head = decoder.decode(bytes.subarray(0, HEAD_BYTES));
  return headNeed(head, false) === 'enough' ? { text: head, whole: false } : { text: decoder.decode(bytes), whole: true };
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

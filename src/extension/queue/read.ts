import * as vscode from 'vscode';
import { headNeed } from '../../core';

/** Front matter fits in the first few kilobytes; the rest is read only when `headNeed` asks for it. */
export const HEAD_BYTES = 8 * 1024;

export interface LessonText {
  text: string;
  /** False when `text` is the file's head only. */
  whole: boolean;
}

/** Reads a local file's text with the platform's own file system (Node on the desktop). */
export type LocalLessonReader = (path: string, extent: 'head' | 'whole') => Promise<LessonText>;

/**
 * A lesson's text for the queue: its head when that holds the front matter, else the whole file.
 * Local files go to `local` where there is one; everything else through `workspace.fs`.
 */
export async function readLesson(uri: vscode.Uri, extent: 'head' | 'whole', local?: LocalLessonReader): Promise<LessonText> {
  if (uri.scheme === 'file' && local) return local(uri.fsPath, extent);
  const decoder = new TextDecoder();
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (extent === 'whole' || bytes.byteLength <= HEAD_BYTES) return { text: decoder.decode(bytes), whole: true };
  const head = decoder.decode(bytes.subarray(0, HEAD_BYTES));
  return headNeed(head, false) === 'enough' ? { text: head, whole: false } : { text: decoder.decode(bytes), whole: true };
}

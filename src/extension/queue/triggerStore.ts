import * as vscode from 'vscode';
import { readStoredTriggers, storedTriggersText } from '../../core';

/** Set by the build (scripts/build.mjs): a hash of the core's sources, so that a new build never reuses an older one's counts. */
declare const COURSE_REVIEW_ENGINE: string | undefined;
const ENGINE = typeof COURSE_REVIEW_ENGINE === 'string' ? COURSE_REVIEW_ENGINE : 'unbuilt';
const FILE = 'trigger-counts.json';

/**
 * The queue's trigger counts in the extension's storage for this workspace (`storageUri`, which
 * vscode.dev keeps too), read when the queue first indexes and written after its checks. Without a
 * workspace there is no storage, and nothing is kept. A file that cannot be read or written costs
 * only the time of checking again.
 */
export class TriggerStore {
  constructor(private readonly folder: vscode.Uri | undefined) {}

  get file(): vscode.Uri | undefined {
    return this.folder && vscode.Uri.joinPath(this.folder, FILE);
  }

  async load(): Promise<Map<string, ReadonlyMap<string, number>>> {
    const file = this.file;
    if (!file) return new Map();
    try {
      return readStoredTriggers(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), ENGINE);
    } catch {
      return new Map();
    }
  }

  async save(entries: Iterable<readonly [string, ReadonlyMap<string, number>]>): Promise<void> {
    const file = this.file;
    if (!file || !this.folder) return;
    try {
      await vscode.workspace.fs.createDirectory(this.folder);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(storedTriggersText(entries, ENGINE)));
    } catch {
      // Kept for the next session only: the queue is the same without it.
    }
  }
}

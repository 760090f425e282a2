import * as vscode from 'vscode';
import type { ConfigService } from '../config';
import { KeyedDebouncer } from '../debounce';
import { Disposable } from '../disposable';
import { LESSON_FILE, LESSON_GLOB } from '../lessonFiles';

const TYPING_DELAY_MS = 300;

/** What the queue's index does when the workspace changes. */
export interface QueueEventTarget {
  /** False until the queue is first needed: events before that are ignored. */
  readonly listening: boolean;
  fileChanged(uri: vscode.Uri): void;
  deleted(uri: vscode.Uri): void;
  folderCreated(uri: vscode.Uri): void;
  /** An unsaved edit after a pause in typing, or a document closed: read the lesson again. */
  reread(uri: vscode.Uri): void;
  configChanged(): void;
  excludeChanged(): void;
}

/**
 * The review queue's events: lesson files and folders created, changed or deleted, unsaved edits
 * (after a pause in typing), documents closed, configuration and `files.exclude` changes.
 */
export class QueueWorkspaceEvents extends Disposable {
  private readonly typing = this.register(new KeyedDebouncer());

  constructor(target: QueueEventTarget, configs: ConfigService) {
    super();
    const lessons = this.register(vscode.workspace.createFileSystemWatcher(LESSON_GLOB));
    this.register(lessons.onDidCreate((uri) => target.fileChanged(uri)));
    this.register(lessons.onDidChange((uri) => target.fileChanged(uri)));
    this.register(lessons.onDidDelete((uri) => target.deleted(uri)));
    // A folder deleted or moved (a git checkout, a rename in the Explorer) may arrive as one event
    // for the folder, which the Markdown glob does not match.
    const folders = this.register(vscode.workspace.createFileSystemWatcher('**', false, true, false));
    this.register(folders.onDidCreate((uri) => !LESSON_FILE.test(uri.path) && target.folderCreated(uri)));
    this.register(folders.onDidDelete((uri) => !LESSON_FILE.test(uri.path) && target.deleted(uri)));
    const isLessonInWorkspace = (uri: vscode.Uri) =>
      target.listening && LESSON_FILE.test(uri.path) && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
    this.register(
      vscode.workspace.onDidChangeTextDocument(({ document: { uri }, contentChanges }) => {
        if (contentChanges.length > 0 && isLessonInWorkspace(uri))
          this.typing.schedule(uri.toString(), TYPING_DELAY_MS, () => target.reread(uri));
      }),
    );
    this.register(
      vscode.workspace.onDidCloseTextDocument(({ uri }) => {
        if (!isLessonInWorkspace(uri)) return;
        this.typing.cancel(uri.toString());
        target.reread(uri);
      }),
    );
    this.register(configs.onDidChange(() => target.listening && target.configChanged()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('files.exclude') && target.excludeChanged()),
    );
  }

  /** Edits waiting for a pause in typing. */
  get pending(): number {
    return this.typing.size;
  }

  /** Forgets the edits waiting under a file or folder that went away. */
  cancelUnder(key: string): void {
    this.typing.cancelUnder(key);
  }
}

import * as vscode from 'vscode';
import { ConfigLoader, isLesson, relativeInside, type ConfigError, type ConfigResult } from '../core';
import { CONFIG_FILE_NAME } from '../core/config/fileName';
import { Disposable } from './disposable';
import { LESSON_FILE, LESSON_LANGUAGES, pathOf } from './lessonFiles';

/** Reads a local configuration file at once (desktop only: Node's file system). */
export type LocalReader = (path: string) => string | undefined;

/**
 * Finds the `.coursereview.json` that applies to a lesson, reloads when one changes, and shows an
 * invalid one as a diagnostic on the config file itself. Local folders are read as they are asked
 * for; other file systems (a GitHub repository opened remotely, the browser's workspace) have their
 * configuration files read ahead, by `load()`, since a lesson's check cannot wait on them.
 */
export class ConfigService extends Disposable {
  private loaders = new Map<string, ConfigLoader>();
  /** The configuration files of non-local folders, by scheme and path. */
  private readAhead = new Map<string, Map<string, string>>();
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('course-review-config'));
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly local: LocalReader | undefined) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`));
    const reload = () => void this.load();
    this.register(watcher.onDidCreate(reload));
    this.register(watcher.onDidChange(reload));
    this.register(watcher.onDidDelete(reload));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(reload));
  }

  /**
   * Reads the configuration files that are not read on demand, then says the configuration changed,
   * so that what was checked without them (or with older ones) is checked again.
   */
  async load(): Promise<void> {
    const readAhead = new Map<string, Map<string, string>>();
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => !this.readsOnDemand(folder.uri));
    for (const folder of folders) {
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/${CONFIG_FILE_NAME}`), '**/node_modules/**');
      const texts = readAhead.get(folder.uri.scheme) ?? new Map<string, string>();
      readAhead.set(folder.uri.scheme, texts);
      await Promise.all(files.map(async (uri) => texts.set(uri.path, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)))));
    }
    this.readAhead = readAhead;
    this.loaders = new Map();
    this.diagnostics.clear();
    this.changed.fire();
  }

  forDocument(uri: vscode.Uri): ConfigResult {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const base = folder ?? vscode.workspace.workspaceFolders?.[0];
    const result = folder
      ? this.loaderFor(uri.scheme).forFile(pathOf(uri))
      : base
        ? this.loaderFor(base.uri.scheme).forFolder(pathOf(base.uri))
        : this.loaderFor('file').forFolder('/');
    if (!result.ok) this.showError(result.error, (folder ?? base)?.uri);
    return result;
  }

  /**
   * Lessons are the workspace's Markdown files that the config's `lessons` globs choose. A file
   * outside the workspace (the extension's own rule pages, a file opened from elsewhere) is not
   * one; an untitled scratch file is one once it reads like a lesson.
   */
  isLesson(document: vscode.TextDocument): boolean {
    if (!LESSON_LANGUAGES.includes(document.languageId) && !LESSON_FILE.test(document.uri.path)) return false;
    if (document.uri.scheme === 'untitled') return readsLikeALesson(document.getText());
    return this.isLessonFile(document.uri);
  }

  isLessonFile(uri: vscode.Uri): boolean {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return false;
    const result = this.forDocument(uri);
    if (!result.ok) return true;
    const path = relativeInside(result.config.baseDir, pathOf(uri));
    return path !== undefined && isLesson(result.config, path);
  }

  private readsOnDemand(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && this.local !== undefined;
  }

  private loaderFor(scheme: string): ConfigLoader {
    let loader = this.loaders.get(scheme);
    if (!loader) {
      const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === scheme);
      const texts = this.readAhead.get(scheme);
      const readFile = scheme === 'file' && this.local ? this.local : (path: string) => texts?.get(path);
      loader = new ConfigLoader(
        { readFile },
        folders.map((folder) => pathOf(folder.uri)),
      );
      this.loaders.set(scheme, loader);
    }
    return loader;
  }

  private showError(error: ConfigError, folder: vscode.Uri | undefined) {
    const uri = folder && folder.scheme !== 'file' ? folder.with({ path: error.file }) : vscode.Uri.file(error.file);
    const { start, end } = error.range;
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(start.line, start.character, end.line, end.character),
      error.message,
      vscode.DiagnosticSeverity.Error,
    );
    diagnostic.source = 'course-review';
    this.diagnostics.set(uri, [diagnostic]);
  }
}

/** Front matter, or a title heading: what an author starts a lesson with, and a scratch note rarely has. */
function readsLikeALesson(text: string): boolean {
  return /^\uFEFF?---[ \t]*\r?\n/.test(text) || /^#[ \t]+\S/m.test(text.slice(0, 4096));
}

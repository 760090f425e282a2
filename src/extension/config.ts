import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ConfigLoader, isLesson, type ConfigError, type ConfigResult } from '../core';
import { Disposable } from './disposable';
import { LESSON_FILE, LESSON_LANGUAGES } from './lessonFiles';

/**
 * Finds the `.coursereview.json` that applies to a lesson, reloads when one changes, and shows an
 * invalid one as a diagnostic on the config file itself.
 */
export class ConfigService extends Disposable {
  private loader = this.createLoader();
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('course-review-config'));
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`));
    const reload = () => this.reload();
    this.register(watcher.onDidCreate(reload));
    this.register(watcher.onDidChange(reload));
    this.register(watcher.onDidDelete(reload));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(reload));
  }

  forDocument(uri: vscode.Uri): ConfigResult {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    const result = uri.scheme === 'file' ? this.loader.forFile(uri.fsPath) : folder ? this.loader.forFolder(folder.uri.fsPath) : this.loader.forFolder('/');
    if (!result.ok) this.showError(result.error);
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
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return false;
    const result = this.forDocument(uri);
    if (!result.ok) return true;
    return isLesson(result.config, relative(result.config.baseDir, uri.fsPath).split('\\').join('/'));
  }

  private reload() {
    this.loader = this.createLoader();
    this.diagnostics.clear();
    this.changed.fire();
  }

  private createLoader(): ConfigLoader {
    const roots = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
    return new ConfigLoader({ readFile: readTextOrUndefined }, roots);
  }

  private showError(error: ConfigError) {
    const uri = vscode.Uri.file(error.file);
    const { start, end } = error.range;
    const diagnostic = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), error.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'course-review';
    this.diagnostics.set(uri, [diagnostic]);
  }
}

/** Front matter, or a title heading: what an author starts a lesson with, and a scratch note rarely has. */
function readsLikeALesson(text: string): boolean {
  return /^\uFEFF?---[ \t]*\r?\n/.test(text) || /^#[ \t]+\S/m.test(text.slice(0, 4096));
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

import type * as vscode from 'vscode';

/** The files that may be lessons, in every spelling of Markdown, MDX included; the `lessons` globs choose among them. */
export const LESSON_GLOB = '**/*.{md,markdown,mdx}';
export const LESSON_FILE = /\.(?:md|markdown|mdx)$/i;

/** The editor languages of lessons: Markdown, and MDX (contributed by this extension, or by an MDX extension of the same id). */
export const LESSON_LANGUAGES: readonly string[] = ['markdown', 'mdx'];

export const LESSON_SELECTOR = LESSON_LANGUAGES.map((language) => ({ language }));

/** The path the core works with: the local path of a file, the URI's path on any other file system (a remote repository, the browser's). */
export function pathOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

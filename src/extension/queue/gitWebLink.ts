import * as vscode from 'vscode';
import { fileWebUrl, headRef, remoteUrl } from '../../core';

/**
 * The lesson's page on the repository's web host (GitHub, GitLab, Bitbucket), read from the
 * `.git` folder above it without running git; undefined when there is no such remote.
 */
export async function lessonWebUrl(uri: vscode.Uri): Promise<string | undefined> {
  const repository = await findGitFolder(uri);
  if (!repository) return undefined;
  // A worktree keeps its own HEAD, and the shared config where `commondir` says.
  const common = (await readText(vscode.Uri.joinPath(repository.gitDir, 'commondir')))?.trim();
  const configDir = common
    ? common.startsWith('/')
      ? repository.gitDir.with({ path: common })
      : vscode.Uri.joinPath(repository.gitDir, common)
    : repository.gitDir;
  const [config, head] = await Promise.all([
    readText(vscode.Uri.joinPath(configDir, 'config')),
    readText(vscode.Uri.joinPath(repository.gitDir, 'HEAD')),
  ]);
  const remote = config === undefined ? undefined : remoteUrl(config);
  const ref = head === undefined ? undefined : headRef(head);
  if (!remote || !ref) return undefined;
  return fileWebUrl(remote, ref, uri.path.slice(repository.root.path.length + 1));
}

/** The nearest folder above the lesson with a `.git` folder (or a worktree's `.git` file pointing to one). */
async function findGitFolder(uri: vscode.Uri): Promise<{ root: vscode.Uri; gitDir: vscode.Uri } | undefined> {
  for (let folder = vscode.Uri.joinPath(uri, '..'); ; folder = vscode.Uri.joinPath(folder, '..')) {
    const dotGit = vscode.Uri.joinPath(folder, '.git');
    const stat = await vscode.workspace.fs.stat(dotGit).then(
      (found) => found,
      () => undefined,
    );
    if (stat?.type === vscode.FileType.Directory) return { root: folder, gitDir: dotGit };
    if (stat?.type === vscode.FileType.File) {
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec((await readText(dotGit)) ?? '')?.[1];
      if (pointer)
        return { root: folder, gitDir: pointer.startsWith('/') ? uri.with({ path: pointer }) : vscode.Uri.joinPath(folder, pointer) };
    }
    if (folder.path === '/' || folder.path === vscode.Uri.joinPath(folder, '..').path) return undefined;
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

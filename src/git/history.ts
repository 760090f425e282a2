import { safeGit, type GitResult } from './safeGit';

/** One commit that changed a file, with the file's path in that commit (it may have been renamed since). */
export interface FileVersion {
  commit: string;
  date: string;
  author: string;
  path: string;
  /** The commit's first parent; undefined for a root commit. */
  parent: string | undefined;
}

export type Found<T> = { ok: true; value: T } | { ok: false; message: string; notARepository?: boolean };

/** The top of the work tree that holds `folder`. */
export function repositoryRoot(folder: string): Found<string> {
  return value(safeGit(folder, ['rev-parse', '--show-toplevel']), (stdout) => stdout.trim());
}

/** True in a shallow clone, where history stops short and an older version may be missing. */
export function isShallow(root: string): boolean {
  const result = safeGit(root, ['rev-parse', '--is-shallow-repository']);
  return result.ok && result.stdout.trim() === 'true';
}

/** The commits that changed the file, newest first, following renames; `path` is relative to the root, with `/`. */
export function fileVersions(root: string, path: string): Found<FileVersion[]> {
  const result = safeGit(root, ['log', '--follow', '-M', '--format=%x1e%H%x1f%aI%x1f%an <%ae>%x1f%P', '--name-status', '--', path]);
  return value(result, (stdout) =>
    stdout
      .split('\x1e')
      .filter((record) => record.trim() !== '')
      .flatMap((record) => {
        const [header, ...lines] = record.split('\n');
        const [commit, date, author, parents] = header.split('\x1f');
        // "M\tpath", "A\tpath", "R097\told\tnew": the file's path in this commit is the last field.
        const change = lines.find((line) => line.trim() !== '');
        const fields = change?.split('\t') ?? [];
        const parent = parents?.trim().split(' ')[0] || undefined;
        return commit && fields.length >= 2 ? [{ commit, date, author, path: fields[fields.length - 1], parent }] : [];
      }),
  );
}

/** The file's bytes in a commit, as stored (`cat-file` runs no filter or driver). */
export function blobAt(root: string, commit: string, path: string): Found<string> {
  return value(safeGit(root, ['cat-file', 'blob', `${commit}:${path}`]), (stdout) => stdout);
}

function value<T>(result: GitResult, read: (stdout: string) => T): Found<T> {
  return result.ok
    ? { ok: true, value: read(result.stdout) }
    : { ok: false, message: result.message, notARepository: result.notARepository };
}

// Absolute paths as the core meets them: POSIX paths, Windows paths from the CLI, and the paths of
// VS Code URIs in the browser (`/owner/repo/lesson.md`). Node's `path` is not here, so the core runs
// where Node does not; a path keeps the separator it came with.

const SEPARATOR = /[\\/]/;

function separatorOf(path: string): '/' | '\\' {
  return path.includes('/') || !path.includes('\\') ? '/' : '\\';
}

function withoutTrailingSeparators(path: string): string {
  let end = path.length;
  while (end > 1 && SEPARATOR.test(path[end - 1]) && !isBareRoot(path.slice(0, end))) end--;
  return path.slice(0, end);
}

/** `/`, `C:\` or `C:/`: a root that keeps its separator. */
function isBareRoot(path: string): boolean {
  return path === '/' || path === '\\' || /^[A-Za-z]:[\\/]$/.test(path);
}

/** The folder holding `path`; a root is its own folder. */
export function dirname(path: string): string {
  const trimmed = withoutTrailingSeparators(path);
  if (isBareRoot(trimmed)) return trimmed;
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut === -1) return '.';
  const parent = trimmed.slice(0, cut);
  if (parent === '') return trimmed[0];
  return /^[A-Za-z]:$/.test(parent) ? `${parent}${trimmed[cut]}` : parent;
}

/** The last segment of `path`. */
export function basename(path: string): string {
  const trimmed = withoutTrailingSeparators(path);
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
}

/** `name` inside `folder`, with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  return SEPARATOR.test(folder[folder.length - 1] ?? '') ? `${folder}${name}` : `${folder}${separatorOf(folder)}${name}`;
}

/** True when `path` is `root` or lies below it; Windows paths compare without case, as Windows does. */
export function isInside(root: string, path: string): boolean {
  const windows = /^[A-Za-z]:/.test(root);
  const [base, target] = windows ? [root.toLowerCase(), path.toLowerCase()] : [root, path];
  const folder = withoutTrailingSeparators(base);
  if (target === folder || withoutTrailingSeparators(target) === folder) return true;
  if (!target.startsWith(folder)) return false;
  return isBareRoot(folder) || SEPARATOR.test(target[folder.length]);
}

/** `path` with `/` separators, as globs, front matter and reports write paths. */
export function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

/** `path` relative to `root` with `/` separators, or `undefined` when it is not inside `root`. */
export function relativeInside(root: string, path: string): string | undefined {
  if (!isInside(root, path)) return undefined;
  const folder = withoutTrailingSeparators(root);
  return toPosix(path.slice(isBareRoot(folder) ? folder.length : folder.length + 1));
}

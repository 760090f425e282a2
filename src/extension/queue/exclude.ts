import picomatch from 'picomatch';

/**
 * `files.exclude` as a search applies it: a workspace-relative path is excluded when it, or a
 * folder above it, matches a pattern set to `true`. Patterns with a `when` clause are left out.
 */
export function excludeMatcher(patterns: Readonly<Record<string, unknown>>): (relativePath: string) => boolean {
  const globs = Object.entries(patterns).flatMap(([glob, on]) => (on === true ? [glob] : []));
  if (globs.length === 0) return () => false;
  const matches = picomatch(globs, { dot: true });
  return (relativePath) => {
    const parts = relativePath.split('/');
    return parts.some((_, index) => matches(parts.slice(0, index + 1).join('/')));
  };
}

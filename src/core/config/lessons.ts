import picomatch from 'picomatch';
import type { PageType } from '../course/pageType';
import type { ResolvedConfig } from './resolve';
import { toPosix } from '../text/paths';

type Matcher = (relativePath: string) => boolean;

const matchers = new WeakMap<readonly string[], Matcher>();

/** Whether a file is a lesson under the config's `lessons` globs; `path` is relative to `config.baseDir`, with `/` separators. */
export function isLesson(config: ResolvedConfig, relativePath: string): boolean {
  let matcher = matchers.get(config.lessons);
  if (!matcher) {
    matcher = compileLessonGlobs(config.lessons);
    matchers.set(config.lessons, matcher);
  }
  return matcher(relativePath);
}

export function compileLessonGlobs(globs: readonly string[]): Matcher {
  const options = { dot: true, nocase: true };
  const include = globs.filter((glob) => !glob.startsWith('!'));
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const included = include.length > 0 ? picomatch(include, options) : () => false;
  const excluded = exclude.length > 0 ? picomatch(exclude, options) : () => false;
  return (relativePath) => {
    const path = toPosix(relativePath).replace(/^\.\//, '');
    return !path.startsWith('../') && included(path) && !excluded(path);
  };
}

const typeMatchers = new WeakMap<object, Array<{ glob: string; type: PageType; matches: Matcher }>>();

/** The page type the config's `pageTypes` globs give a file (`path` relative to `config.baseDir`), with the glob that gave it. */
export function configuredPageType(config: ResolvedConfig, relativePath: string): { type: PageType; glob: string } | undefined {
  if (config.pageTypes.length === 0) return undefined;
  let compiled = typeMatchers.get(config.pageTypes);
  if (!compiled) {
    compiled = config.pageTypes.map(({ glob, type }) => ({ glob, type, matches: picomatch(glob, { dot: true, nocase: true }) }));
    typeMatchers.set(config.pageTypes, compiled);
  }
  const path = toPosix(relativePath).replace(/^\.\//, '');
  const found = compiled.find((entry) => entry.matches(path));
  return found && { type: found.type, glob: found.glob };
}

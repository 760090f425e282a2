import { dirname, isInside, joinPath } from '../text/paths';
import { CONFIG_FILE_NAME, parseConfig, resolveConfig, type ConfigResult } from './resolve';

/** What the loader needs from the outside world, so that the core stays free of I/O. */
export interface ConfigHost {
  /** The file's text, or `undefined` when there is no such file. */
  readFile(path: string): string | undefined;
  /** A folder no configuration is looked for above (a repository's root), besides the loader's roots. */
  isRoot?(folder: string): boolean;
}

/**
 * Finds the nearest `.coursereview.json` from a lesson's folder up to a root (the workspace folder),
 * caching per folder. The nearest file wins, so a course folder can set its own rules.
 */
export class ConfigLoader {
  private readonly byFolder = new Map<string, ConfigResult>();

  constructor(
    private readonly host: ConfigHost,
    private readonly roots: readonly string[] = [],
  ) {}

  /** `filePath` is absolute. */
  forFile(filePath: string): ConfigResult {
    return this.forFolder(dirname(filePath));
  }

  forFolder(folder: string): ConfigResult {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const result = this.load(folder);
    this.byFolder.set(folder, result);
    return result;
  }

  /** Forget cached results, after a config file changed. */
  clear(): void {
    this.byFolder.clear();
  }

  /** The folder's own config file, else its parent's result (cached), up to the root. */
  private load(folder: string): ConfigResult {
    const file = joinPath(folder, CONFIG_FILE_NAME);
    const text = this.host.readFile(file);
    if (text !== undefined) return parseConfig(text, file, folder);
    const parent = dirname(folder);
    if (folder === this.rootOf(folder) || parent === folder || this.host.isRoot?.(folder))
      return { ok: true, config: resolveConfig(undefined, undefined, folder) };
    return this.forFolder(parent);
  }

  private rootOf(folder: string): string | undefined {
    return this.roots.filter((root) => isInside(root, folder)).sort((a, b) => b.length - a.length)[0];
  }
}

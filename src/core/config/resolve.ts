import { basename } from '../text/paths';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { PageType } from '../course/pageType';
import { DEFAULT_MAX_LENGTH } from '../document/parse';
import { RULES, RULES_BY_ID } from '../rules';
import { resolveRoles, roleConfigSchema, type Role } from '../review/roles';
import type { SharedSettings } from '../types/settings';
import { LineIndex, type Position } from '../text/lines';
import { jsonTooDeep } from '../text/nesting';
import { closest } from '../text/similar';
import { PRESETS } from './presets';
import { configSchema, DEFAULT_LESSONS, type ConfigFile, type PresetName, type SeveritySetting } from './schema';
import type { Severity } from '../types/severity';

export { CONFIG_FILE_NAME } from './fileName';

export interface EnabledRule {
  severity: Severity;
  options: unknown;
}

export interface ResolvedConfig {
  /** Enabled rules only. */
  rules: ReadonlyMap<string, EnabledRule>;
  /** Lesson globs, relative to `baseDir`. */
  lessons: readonly string[];
  /** The folder the globs are relative to: the config file's folder, or the workspace root. */
  baseDir: string;
  maxLessonSize: number;
  settings: SharedSettings;
  /** Review roles: the defaults with the file's `roles` laid over them. */
  roles: readonly Role[];
  /** The config file this came from, if any. */
  file: string | undefined;
  /** `pageTypes` globs, relative to `baseDir`, in the file's order. */
  pageTypes: ReadonlyArray<{ glob: string; type: PageType }>;
}

export interface ConfigError {
  file: string;
  message: string;
  /** Offsets in the config file's text, when the error has a place. */
  start: number;
  end: number;
  /** The same place as 0-based positions, so that no adapter reads the file again. */
  range: { start: Position; end: Position };
}

export type ConfigResult = { ok: true; config: ResolvedConfig } | { ok: false; error: ConfigError };

/** Parses `.coursereview.json` text (JSON with comments) and validates it; never throws. */
export function parseConfig(text: string, file: string, baseDir: string): ConfigResult {
  // jsonc-parser recurses once a level: a file nested thousands deep would overflow the call stack.
  const tooDeep = jsonTooDeep(text);
  if (tooDeep)
    return failure(
      text,
      file,
      `Unexpected nesting deeper than ${tooDeep.limit} levels in ${basename(file)}, expected at most ${tooDeep.limit}.`,
      tooDeep.offset,
      tooDeep.offset + 1,
    );
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const [first] = errors;
    return failure(
      text,
      file,
      `${printParseErrorCode(first.error)} in ${basename(file)}`,
      first.offset,
      first.offset + Math.max(first.length, 1),
    );
  }
  const value: unknown = tree ? nodeValue(text, tree) : {};
  const parsed = configSchema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? [issue.keys[0]] : [])] as Array<string | number>;
    const node = tree ? (findNodeAtLocation(tree, path) ?? findNodeAtLocation(tree, issue.path as Array<string | number>)) : undefined;
    const target = node?.parent?.type === 'property' && issue.code === 'unrecognized_keys' ? node.parent.children?.[0] : node;
    const where = path.length > 0 ? `"${path.join('.')}": ` : '';
    return failure(text, file, `${where}${describeIssue(issue)}`, target?.offset ?? 0, (target?.offset ?? 0) + (target?.length ?? 1));
  }
  return { ok: true, config: resolveConfig(parsed.data, file, baseDir) };
}

/** Presets first, then the file's own rules; options fall back to each rule's defaults. */
export function resolveConfig(file: ConfigFile | undefined, source: string | undefined, baseDir: string): ResolvedConfig {
  const presets: PresetName[] = file?.extends === undefined ? ['recommended'] : Array.isArray(file.extends) ? file.extends : [file.extends];
  const settings = new Map<string, { severity: SeveritySetting; options?: unknown }>();
  for (const preset of presets) for (const [id, severity] of Object.entries(PRESETS[preset])) settings.set(id, { severity });
  for (const [id, setting] of Object.entries(file?.rules ?? {})) {
    if (setting === undefined) continue;
    if (typeof setting === 'string') settings.set(id, { ...settings.get(id), severity: setting });
    else settings.set(id, { severity: setting[0], options: setting[1] });
  }
  const rules = new Map<string, EnabledRule>();
  for (const rule of RULES) {
    const setting = settings.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    rules.set(rule.id, { severity: setting.severity, options: setting.options ?? rule.options.parse({}) });
  }
  const shared: SharedSettings = {
    allowed: new Set([...(file?.allow?.terms ?? []), ...(file?.allow?.phrases ?? [])].map((term) => term.toLowerCase())),
    acronyms: new Set(file?.allow?.acronyms ?? []),
    glossary: new Map(Object.entries(file?.glossary ?? {})),
    readingGrade: file?.audience?.readingGrade,
  };
  const pageTypes = Object.entries(file?.pageTypes ?? {}).map(([glob, type]) => ({ glob, type }));
  return {
    rules,
    lessons: file?.lessons ?? DEFAULT_LESSONS,
    baseDir,
    maxLessonSize: file?.maxLessonSize ?? DEFAULT_MAX_LENGTH,
    settings: shared,
    roles: resolveRoles(file?.roles),
    file: source,
    pageTypes,
  };
}

/** A configuration error at a place in the config file's text (empty text for a missing file). */
export function configError(text: string, file: string, message: string, start = 0, end = start): ConfigError {
  const lines = new LineIndex(text);
  return { file, message, start, end, range: { start: lines.positionAt(start), end: lines.positionAt(end) } };
}

function failure(text: string, file: string, message: string, start: number, end: number): ConfigResult {
  return { ok: false, error: configError(text, file, message, start, end) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const known = knownKeys(issue.path);
    const close = closest(key, known);
    return (
      `Unexpected key ` +
      `"${key}"${close ? `, did you mean "${close}"?` : `, expected one of ${known.map((name) => `"${name}"`).join(', ')}.`}`
    );
  }
  if (issue.code === 'invalid_union' && issue.path[0] === 'rules' && issue.path.length === 2) {
    return 'Unexpected value, expected "off", "hint", "info", "warning", "error" or [severity, options].';
  }
  return issue.message;
}

/** The keys allowed where an unknown key was found: top level, rule ids, or one rule's options. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(configSchema.shape);
  if (path.length === 2 && path[0] === 'roles') return Object.keys(roleConfigSchema.shape);
  if (path.length === 1 && path[0] === 'rules') return RULES.map((rule) => rule.id);
  const options = path[0] === 'rules' ? RULES_BY_ID.get(String(path[1]))?.options : undefined;
  return options && 'shape' in options ? Object.keys(options.shape as object) : [];
}

function nodeValue(text: string, tree: NonNullable<ReturnType<typeof parseTree>>): unknown {
  switch (tree.type) {
    case 'object':
      return Object.fromEntries(
        (tree.children ?? []).map((property) => [
          property.children?.[0]?.value,
          property.children?.[1] ? nodeValue(text, property.children[1]) : undefined,
        ]),
      );
    case 'array':
      return (tree.children ?? []).map((child) => nodeValue(text, child));
    default:
      return tree.value;
  }
}

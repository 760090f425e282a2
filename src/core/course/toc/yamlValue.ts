import { parse } from 'yaml';

/**
 * A table of contents' YAML as plain data, or why it cannot be read. Tables of contents are small, so any depth guard of the front matter
 * is not needed here.
 */
export function readYaml(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parse(text, { maxAliasCount: 100, uniqueKeys: false }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}

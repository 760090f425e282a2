/** The byte order mark some editors write at the start of a file: kept on write, skipped on read. */
export const BOM = '\uFEFF';

export function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

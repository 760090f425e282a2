import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../../src/cli/run';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh temporary folder for each test, files in it, and the CLI run in-process with it as the working directory. */
export function useCliFolder(prefix: string) {
  let folder = '';
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    get path(): string {
      return folder;
    },
    write(path: string, text: string): void {
      const file = join(folder, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
    read(path: string): string {
      return readFileSync(join(folder, path), 'utf8');
    },
    bytes(path: string): Buffer {
      return readFileSync(join(folder, path));
    },
    async cli(...argv: string[]): Promise<CliResult> {
      let stdout = '';
      let stderr = '';
      const code = await run(argv, { cwd: folder, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
      return { code, stdout, stderr };
    },
  };
}

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigLoader, configError, fixAll, lintText, parseConfig, type ConfigError, type ConfigResult } from '../core';
import { collectFiles } from './files';
import { FORMATS, type FileReport, type FormatName } from './format';
import { review, todayFrom } from './review';

export interface CliIO {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const BOM = '\uFEFF';

export const USAGE = `Usage: course-review lint [paths or globs…] [options]
       course-review review ACTION --role ROLE [options] FILE…

course-review lint checks Markdown lessons for instructional-design problems.
A folder means every lesson in it (see "lessons" in .coursereview.json).

Options:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Use this configuration instead of the nearest .coursereview.json
  --max-warnings N           Exit with 1 when there are more than N warnings
  --fix                      Apply safe fixes to the files, then report what is left
  --today YYYY-MM-DD         The date reviews are overdue against (default: today, local time)
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration error.

course-review review records a review in each FILE's front matter, with the same
edits as the editor's commands; every other byte (BOM, line endings, comments) stays.

Actions:
  approve                    Sign off; records the date and a fingerprint of the lesson
  request-changes            Ask the author for changes (needs --note)
  request                    Ask for a review, optionally of --reviewer, by --due
  waive                      Record that this review is not needed (needs --note)
  withdraw                   Remove the role's review record

Options:
  --role ROLE                The review role, e.g. sme, legal, marketing (required)
  --as "NAME <EMAIL>"        Who you are (default: git config user.name and user.email
                             in the file's folder; approve, request-changes and waive need one)
  --note TEXT                A note to record (required for request-changes and waive)
  --reviewer NAME            request only: who should review (default: the one on record)
  --due YYYY-MM-DD           request only: the due date (default: the role's dueInDays from today)
  --today YYYY-MM-DD         The date to record (default: today, local time)
  --config FILE              Use this configuration instead of the nearest .coursereview.json

Every FILE is tried, one after another. A file that cannot be signed (front matter that
does not parse, you not on the role's reviewers list, …) is reported on stderr with
file:line:column and left unchanged; the others are still written.

Exit codes: 0 every file written, 2 usage or configuration error, or any file refused.
`;

export async function run(argv: readonly string[], io: CliIO, version = '0.0.0'): Promise<number> {
  if (argv[0] === 'review') return review(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  const [command = 'lint', ...paths] = positionals;
  if (command !== 'lint') return usageError(io, `Unknown command "${command}".`);
  if (!(values.format in FORMATS)) return usageError(io, `Unknown format "${values.format}", expected text, json or sarif.`);
  const maxWarningsText = values['max-warnings']?.trim();
  const maxWarnings = maxWarningsText === undefined ? undefined : maxWarningsText === '' ? NaN : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) return usageError(io, '--max-warnings takes a whole number.');
  const today = todayFrom(values.today);
  if ('error' in today) return usageError(io, today.error);

  const configFor = configSource(io.cwd, values.config);
  if ('error' in configFor) return reportConfigError(io, configFor.error);
  const { files, missing } = collectFiles(paths.length > 0 ? paths : ['.'], io.cwd, configFor.forFile);
  if (missing.length > 0) return usageError(io, `No such file, folder or matching glob: ${missing.join(', ')}`);

  const reports: FileReport[] = [];
  let fixes = 0;
  for (const { path, config } of files) {
    if (!config.ok) return reportConfigError(io, config.error);
    const raw = readFileSync(path, 'utf8');
    const bom = raw.startsWith(BOM) ? BOM : '';
    let text = raw.slice(bom.length);
    if (values.fix) {
      const fixed = fixAll(text, config.config);
      if (fixed.fixed > 0) {
        writeFileSync(path, bom + fixed.text);
        text = fixed.text;
        fixes += fixed.fixed;
      }
    }
    reports.push({ file: relative(io.cwd, path).split('\\').join('/'), findings: lintText(text, config.config, { today: today.today }).findings });
  }
  if (values.fix) io.stderr(`Fixed ${fixes} ${fixes === 1 ? 'finding' : 'findings'}.\n`);
  io.stdout(FORMATS[values.format as FormatName](reports));

  const all = reports.flatMap((report) => report.findings);
  const errors = all.filter((finding) => finding.severity === 'error').length;
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`Too many warnings: ${warnings}, expected at most ${maxWarnings} (--max-warnings).\n`);
    return EXIT.findings;
  }
  return errors > 0 ? EXIT.findings : EXIT.ok;
}

export function configSource(cwd: string, configPath: string | undefined): { forFile: (path: string) => ConfigResult } | { error: ConfigError } {
  if (configPath === undefined) {
    const loader = new ConfigLoader({ readFile: readTextOrUndefined });
    return { forFile: (path) => loader.forFile(path) };
  }
  const file = resolve(cwd, configPath);
  const text = readTextOrUndefined(file);
  if (text === undefined) return { error: configError('', file, 'Configuration file not found.') };
  const result = parseConfig(text, file, dirname(file));
  if (!result.ok) return { error: result.error };
  return { forFile: () => result };
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function usageError(io: CliIO, message: string): number {
  io.stderr(`course-review: ${message}\n\n${USAGE}`);
  return EXIT.usage;
}

export function reportConfigError(io: CliIO, error: ConfigError): number {
  const { line, character } = error.range.start;
  io.stderr(`course-review: invalid configuration ${error.file}:${line + 1}:${character + 1}\n  ${error.message}\n`);
  return EXIT.usage;
}

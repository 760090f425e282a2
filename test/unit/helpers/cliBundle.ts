import { buildSync } from 'esbuild';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_PREFILTERS } from '../../../src/core/queue/builtinPrefilters';
import { plannedTable } from '../../../src/core/queue/plannedAlternatives';

const REPO = join(__dirname, '..', '..', '..');
let bundled: string | undefined;

/**
 * The CLI bundled as a release bundles it (dist/cli.js, with the prefilters' planned alternatives
 * that scripts/build.mjs defines), but into a folder of its own: a child
 * process starts in a fraction of the time tsx takes, and no other build's dist/ is touched.
 * Readable by everyone, for children run as another user.
 */
export function cliBundle(): string {
  if (bundled !== undefined) return bundled;
  const folder = mkdtempSync(join(tmpdir(), 'course-review-cli-bundle-'));
  chmodSync(folder, 0o755);
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const outfile = join(folder, 'cli.js');
  buildSync({
    entryPoints: [join(REPO, 'src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    absWorkingDir: REPO,
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    define: { COURSE_REVIEW_PLANNED_ALTERNATIVES: JSON.stringify(plannedTable(Object.values(BUILTIN_PREFILTERS).flat())) },
  });
  bundled = outfile;
  return outfile;
}

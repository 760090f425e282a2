/**
 * Recall and false alarms on lessons whose defects a person labelled (see
 * test/unit/helpers/labelledDefects.ts for the labels' format and how findings are matched).
 *
 *   npx tsx bench/defects.ts <dir-with-labels.json> [--list]
 *
 * Lints the folder with the default configuration, in process, as `course-review lint` does.
 */
import { join, relative, resolve } from 'node:path';
import { run } from '../src/cli/run';
import { readLabels, scoreDefects, type FindingRow } from '../test/unit/helpers/labelledDefects';

async function main(argv: string[]) {
  const [dir] = argv.filter((arg) => !arg.startsWith('--'));
  if (!dir) throw new Error('usage: npx tsx bench/defects.ts <dir-with-labels.json> [--list]');
  const root = resolve(dir);
  const labels = readLabels(root);
  const rows = await lint(root);
  const score = scoreDefects(root, labels, rows);
  const wellMade = new Set(labels.filter((label) => label.wellMade).map((label) => label.file));
  console.log(`${labels.length} lessons (${wellMade.size} well-made), ${score.labelled} labelled defects\n`);
  console.log('| rule | labelled | found | false alarms |');
  console.log('|---|---:|---:|---:|');
  for (const [rule, entry] of [...score.byRule].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`| ${rule} | ${entry.labelled} | ${entry.found} | ${entry.falseAlarms} |`);
  }
  const recall = score.labelled === 0 ? 1 : score.found / score.labelled;
  console.log(`| **all** | **${score.labelled}** | **${score.found} (${(recall * 100).toFixed(0)}%)** | **${score.falseAlarms.length}** |`);
  const onWellMade = score.falseAlarms.filter((finding) => wellMade.has(finding.file)).length;
  console.log(`\nfalse alarms on well-made lessons: ${onWellMade}`);
  console.log(
    `findings of rules the labels do not judge: ${[...score.unjudged].map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none'}`,
  );
  if (argv.includes('--list')) {
    const types = new Map(rows.map((row) => [row.file, row.pageType]));
    for (const [file, type] of types) if (type !== 'lesson') console.log(`TYPE ${file}: ${type}`);
    for (const miss of score.misses) console.log(`MISS ${miss.file} ${miss.rule}${miss.quote ? `: ${miss.quote}` : ''}`);
    for (const alarm of score.falseAlarms) console.log(`FALSE ${alarm.file}:${alarm.line} ${alarm.ruleId}: ${alarm.message}`);
  }
}

async function lint(root: string): Promise<Array<FindingRow & { pageType?: string }>> {
  let out = '';
  let err = '';
  const code = await run(
    ['lint', '.', '--format', 'json', '--today', '2026-12-04'],
    { cwd: root, stdout: (text) => (out += text), stderr: (text) => (err += text) },
    '0.0.0',
  );
  if (code >= 2 && out === '') throw new Error(`course-review lint failed (exit ${code}): ${err}`);
  return (JSON.parse(out) as Array<FindingRow & { pageType?: string }>).map((row) => ({
    ...row,
    file: relative(root, join(root, row.file)),
  }));
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

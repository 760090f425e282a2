/**
 * How noisy is each rule on real lessons? Lints every Markdown file under a folder with the
 * `recommended` preset and prints findings per rule, overall and per source folder. A lesson that
 * makes the linter throw is reported as a crash (and the exit code is 1); the run goes on.
 *
 *   npx tsx bench/noise.ts <corpus-dir> [--rule ID] [--show]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { lintText, resolveConfig, type Finding } from '../src/core';

/**
 * Review workflow state rather than a judgement of the text: on a corpus where no lesson has been
 * through review, review-required fires once per lesson by design. Totalled apart from the checks.
 */
const WORKFLOW_RULES = new Set(['review-stale', 'review-overdue', 'review-required']);

/** Files at the corpus root that describe the corpus rather than teach. */
const NOT_LESSONS = new Set(['ATTRIBUTION.md', 'STATS.md']);

interface Tally {
  files: number;
  words: number;
  findings: Map<string, number>;
  filesWithRule: Map<string, number>;
}

interface Crash {
  file: string;
  reason: string;
}

function main(argv: string[]) {
  const dir = argv.find((arg) => !arg.startsWith('--'));
  if (!dir) fail('usage: npx tsx bench/noise.ts <corpus-dir> [--rule ID] [--show]');
  const rule = optionValue(argv, '--rule');
  const show = argv.includes('--show');
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) fail(`Not a folder: ${dir}`);
  const config = resolveConfig(undefined, undefined, root);
  if (rule && !config.rules.has(rule)) fail(`Unknown or disabled rule "${rule}", expected one of: ${[...config.rules.keys()].join(', ')}`);
  const total = emptyTally();
  const bySource = new Map<string, Tally>();
  const crashes: Crash[] = [];

  for (const file of markdownFiles(root)) {
    const path = relative(root, file);
    try {
      const { doc, findings } = lintText(readFileSync(file, 'utf8'), config);
      const words = doc.prose.reduce((sum, block) => sum + countWords(block.text), 0);
      const name = sourceOf(path);
      const source = bySource.get(name) ?? emptyTally();
      bySource.set(name, source);
      for (const tally of [total, source]) add(tally, words, findings);
      for (const finding of findings.filter(isRuleFailure)) crashes.push({ file: path, reason: finding.message });
      if (show)
        for (const finding of findings.filter((f) => !rule || f.ruleId === rule))
          console.log(`${path}:${finding.range.start.line + 1} ${finding.ruleId} ${finding.message}`);
    } catch (error) {
      crashes.push({ file: path, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  const rules = [...config.rules.keys()].filter((id) => !rule || id === rule);
  printTable('all', total, rules);
  for (const [source, tally] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) printTable(source, tally, rules);
  console.log(`\ncrashes: ${crashes.length}`);
  for (const crash of crashes) console.log(`  ${crash.file}: ${crash.reason}`);
  if (crashes.length > 0) process.exitCode = 1;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function optionValue(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index === -1 ? undefined : argv[index + 1];
}

function markdownFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md') && !NOT_LESSONS.has(path))
    .sort()
    .map((path) => join(root, path));
}

/** The first folder under the corpus root: one per source of lessons. */
function sourceOf(path: string): string {
  return path.includes(sep) ? path.split(sep)[0] : '.';
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The linter turns a rule that throws into a finding rather than stopping; count those as crashes too. */
function isRuleFailure(finding: Finding): boolean {
  return finding.message.includes('could not check this lesson');
}

function emptyTally(): Tally {
  return { files: 0, words: 0, findings: new Map(), filesWithRule: new Map() };
}

function add(tally: Tally, words: number, findings: Finding[]) {
  tally.files++;
  tally.words += words;
  for (const finding of findings) increment(tally.findings, finding.ruleId);
  for (const ruleId of new Set(findings.map((finding) => finding.ruleId))) increment(tally.filesWithRule, ruleId);
}

function increment(counts: Map<string, number>, key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function printTable(title: string, tally: Tally, rules: string[]) {
  console.log(`\n## ${title}: ${tally.files} files, ${tally.words.toLocaleString('en-US')} words\n`);
  console.log('| rule | findings | files | per 1k words |');
  console.log('|---|---:|---:|---:|');
  for (const id of rules) {
    const findings = tally.findings.get(id) ?? 0;
    const perThousand = tally.words === 0 ? 0 : (findings * 1000) / tally.words;
    console.log(`| ${id} | ${findings} | ${tally.filesWithRule.get(id) ?? 0} | ${perThousand.toFixed(2)} |`);
  }
  const sum = (ids: string[]) => ids.reduce((total, id) => total + (tally.findings.get(id) ?? 0), 0);
  const checks = sum(rules.filter((id) => !WORKFLOW_RULES.has(id)));
  const workflow = sum(rules.filter((id) => WORKFLOW_RULES.has(id)));
  const per = (count: number) => (tally.words === 0 ? 0 : (count * 1000) / tally.words).toFixed(2);
  console.log(`| **all checks** (without the review workflow) | ${checks} | | ${per(checks)} |`);
  console.log(`| **review workflow** (${[...WORKFLOW_RULES].join(', ')}) | ${workflow} | | ${per(workflow)} |`);
}

main(process.argv.slice(2));

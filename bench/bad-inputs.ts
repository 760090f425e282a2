/**
 * `npx tsx bench/bad-inputs.ts [--size N] [--only TEXT] [--timeout SECONDS]`: every input of the
 * bad-input catalogue (test/bad-inputs/catalogue.ts) at full size, just under `maxLessonSize`, each
 * in a child process of its own so that one hang or crash cannot hide the others. A lesson is
 * linted with the recommended preset; a hostile front matter is also signed (`writeReview`) and
 * indexed (`readEntry`); a config is parsed. Prints a Markdown table of wall time and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DEFAULT_ROLES, lintText, parseConfig, readEntry, resolveConfig, writeReview } from '../src/core';
import { CONFIG_INPUTS, FRONT_MATTER_INPUTS, LESSON_INPUTS, type BadInput } from '../test/bad-inputs/catalogue';

const KINDS = { lesson: LESSON_INPUTS, 'front-matter': FRONT_MATTER_INPUTS, config: CONFIG_INPUTS } as const;
type Kind = keyof typeof KINDS;

interface Measure {
  chars: number;
  ms: number;
  rssMb: number;
  outcome: string;
}

const config = resolveConfig(undefined, undefined, '/');
const TODAY = '2026-11-28';

/** What one input gives, in a few words: the findings' rules, or the refusal. */
function run(kind: Kind, text: string): string {
  if (kind === 'config') {
    const result = parseConfig(text, '/course/.coursereview.json', '/course');
    return result.ok ? 'accepted' : `error: ${result.error.message.slice(0, 60)}`;
  }
  const { findings } = lintText(text, config, { today: TODAY });
  const notes = [`${findings.length} findings`];
  const skipped = findings.find((finding) => finding.ruleId === 'lesson-skipped');
  if (skipped) notes.push('lesson-skipped');
  if (findings.some((finding) => /could not check/.test(finding.message))) notes.push('A RULE FAILED');
  if (kind === 'front-matter') {
    const schema = findings.find((finding) => finding.ruleId === 'front-matter-schema');
    if (schema) notes.push(`schema: ${schema.message.slice(0, 50)}`);
    const write = writeReview(
      text,
      { kind: 'approve', role: 'sme' },
      { identity: { name: 'Priya Patel' }, today: TODAY, roles: DEFAULT_ROLES },
    );
    notes.push(write.kind !== 'refused' ? 'write ok' : `write refused: ${write.message.slice(0, 50)}`);
    const entry = readEntry('lesson.md', text, DEFAULT_ROLES);
    notes.push(entry.problem ? `queue: ${entry.problem.slice(0, 50)}` : 'queue ok');
  }
  return notes.join('; ');
}

function child(kind: Kind, index: number, size: number) {
  const text = KINDS[kind][index].make(size);
  const start = performance.now();
  const outcome = run(kind, text);
  const ms = performance.now() - start;
  const measure: Measure = { chars: text.length, ms, rssMb: process.resourceUsage().maxRSS / 1024, outcome };
  process.stdout.write(JSON.stringify(measure));
}

function measure(kind: Kind, index: number, size: number, timeoutSeconds: number): Measure | string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', kind, String(index), '--size', String(size)], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 1 << 24,
  });
  if (result.error && /ETIMEDOUT/.test(String(result.error))) return `timed out after ${timeoutSeconds} s`;
  if (result.status !== 0)
    return `crashed (${result.signal ?? result.status}): ${(result.stderr.split('\n').find((line) => /Error|error|abort/.test(line)) ?? '').trim().slice(0, 80)}`;
  return JSON.parse(result.stdout) as Measure;
}

function main() {
  const { values, positionals } = parseArgs({
    options: {
      child: { type: 'string' },
      size: { type: 'string', default: '999999' },
      only: { type: 'string' },
      timeout: { type: 'string', default: '60' },
    },
    allowPositionals: true,
  });
  const size = Number(values.size);
  if (values.child) {
    child(values.child as Kind, Number(positionals[0]), size);
    return;
  }
  console.log(
    `Each input at ${size.toLocaleString('en-US')} characters at most, in a child process of its own; peak memory is the child's max RSS, module loading included.\n`,
  );
  console.log('| kind | input | characters | time (ms) | peak memory (MB) | outcome |');
  console.log('| --- | --- | ---: | ---: | ---: | --- |');
  let failures = 0;
  for (const kind of Object.keys(KINDS) as Kind[]) {
    KINDS[kind].forEach((input: BadInput, index: number) => {
      if (values.only && !input.name.includes(values.only)) return;
      const result = measure(kind, index, size, Number(values.timeout));
      if (typeof result === 'string') {
        failures++;
        console.log(`| ${kind} | ${input.name} | | | | **${result}** |`);
        return;
      }
      if (result.ms > 2000 || result.rssMb > 512 || /FAILED/.test(result.outcome)) failures++;
      console.log(
        `| ${kind} | ${input.name} | ${result.chars.toLocaleString('en-US')} | ${result.ms.toFixed(0)} | ${result.rssMb.toFixed(0)} | ${result.outcome} |`,
      );
    });
  }
  console.log(`\n${failures === 0 ? 'Every input within 2 s and 512 MB.' : `${failures} input(s) over 2 s or 512 MB, or failed.`}`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main();

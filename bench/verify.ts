/**
 * `npx tsx bench/verify.ts [lessons] [commits]` (after `npm run build`): `course-review verify`
 * over a generated repository (default 1,000 lessons, 5,000 commits by several authors, with
 * renames, merges, approvals by listed reviewers, some typed by the author and some gone stale),
 * whole process, against `git log` of the same history (the one pass verify makes) and
 * `course-review queue` over the same lessons (reading their front matter). Fails if verify does
 * not find exactly the forged and stale sign-offs the generator made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lessonFingerprint } from '../src/core';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PEOPLE = {
  author: 'Sam Author <sam@example.com>',
  editor: 'Ana Editor <ana@example.com>',
  priya: 'Priya Patel <priya@example.com>',
  lee: 'Lee Chan <lee@example.com>',
};
const REVIEWERS = ['priya', 'lee'] as const;

/** A small deterministic generator, so that every run builds the same history. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

interface Lesson {
  index: number;
  path: string;
  body: string;
  edits: number;
  approval: string | undefined;
}

function text(lesson: Lesson): string {
  const head = `---\ntitle: Lesson ${lesson.index}\nminutes: 10\n`;
  return `${head}${lesson.approval ?? ''}---\n${lesson.body}`;
}

function approval(lesson: Lesson, who: (typeof REVIEWERS)[number], day: number): string {
  const fingerprint = lessonFingerprint(text({ ...lesson, approval: undefined })) ?? '';
  const name = PEOPLE[who].replace(/ <.*/, '');
  return `review:\n  sme:\n    status: approved\n    reviewer: ${name}\n    signed: 2026-${String(1 + (day % 12)).padStart(2, '0')}-10\n    fingerprint: ${fingerprint}\n`;
}

function body(index: number, edit: number): string {
  return `\n# Handling request ${index}\n\nBy the end of this lesson you can log request ${index} and route it.\n\n## Practice\n\nRoute the sample request (edit ${edit}).\n\n${'A paragraph of explanation that a designer wrote for this lesson. '.repeat(8)}\n`;
}

/** A `git fast-import` stream: one commit adding the lessons, then edits, renames, approvals and merges to `commits` in all. */
function history(lessonCount: number, commitCount: number): { stream: string; forged: number; stale: number; approved: number } {
  const next = random(42);
  const lessons: Lesson[] = Array.from({ length: lessonCount }, (_, index) => ({
    index,
    path: `course/module-${Math.floor(index / 20)}/lesson-${index}.md`,
    body: body(index, 0),
    edits: 0,
    approval: undefined,
  }));
  const forgedBy = new Map<Lesson, boolean>();
  const out: string[] = [];
  let mark = 0;
  let time = 1_700_000_000;
  const commit = (who: keyof typeof PEOPLE, message: string, files: string[]) => {
    time += 600;
    out.push(
      'commit refs/heads/main',
      `mark :${++mark}`,
      `author ${PEOPLE[who]} ${time} +0000`,
      `committer ${PEOPLE[who]} ${time} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      ...files,
      '',
    );
  };
  const put = (lesson: Lesson) => {
    const content = text(lesson);
    return `M 100644 inline ${lesson.path}\ndata ${Buffer.byteLength(content)}\n${content}`;
  };
  const config = '{ "roles": { "sme": { "required": "always", "reviewers": ["priya@example.com", "lee@example.com"] } } }\n';
  commit('author', 'Draft the course', [`M 100644 inline .coursereview.json\ndata ${config.length}\n${config}`, ...lessons.map(put)]);
  let made = 1;
  while (made < commitCount) {
    const lesson = lessons[Math.floor(next() * lessons.length)];
    const roll = next();
    if (roll < 0.2 && !lesson.approval) {
      const reviewer = REVIEWERS[Math.floor(next() * REVIEWERS.length)];
      lesson.approval = approval(lesson, reviewer, made);
      const forged = next() < 0.05;
      forgedBy.set(lesson, forged);
      commit(forged ? 'author' : reviewer, `SME approval of ${lesson.path}`, [put(lesson)]);
    } else if (roll < 0.23) {
      const from = lesson.path;
      lesson.path = from.replace(/lesson-(\d+)\.md$/, 'lesson-$1-renamed.md').replace(/-renamed-renamed/, '-renamed');
      if (lesson.path === from) continue;
      commit('editor', `Rename ${from}`, [`R ${from} ${lesson.path}`]);
    } else if (roll < 0.25 && made + 2 <= commitCount) {
      // A side branch with one edit, merged back (fast-import takes a merge's tree from its first parent and the files it names).
      const base = mark;
      lesson.body = body(lesson.index, ++lesson.edits);
      out.push(`reset refs/heads/side`, `from :${base}`, '');
      time += 600;
      const content = text(lesson);
      out.push(
        'commit refs/heads/side',
        `mark :${++mark}`,
        `author ${PEOPLE.editor} ${time} +0000`,
        `committer ${PEOPLE.editor} ${time} +0000`,
        'data 11',
        'Side edit\n',
        `M 100644 inline ${lesson.path}`,
        `data ${Buffer.byteLength(content)}`,
        content,
        '',
      );
      const side = mark;
      out.push(
        'commit refs/heads/main',
        `mark :${++mark}`,
        `author ${PEOPLE.author} ${time + 60} +0000`,
        `committer ${PEOPLE.author} ${time + 60} +0000`,
        'data 12',
        'Merge side\n',
        `from :${base}`,
        `merge :${side}`,
        `M 100644 inline ${lesson.path}`,
        `data ${Buffer.byteLength(content)}`,
        content,
        '',
      );
      made += 2;
      continue;
    } else {
      lesson.body = body(lesson.index, ++lesson.edits);
      commit(next() < 0.5 ? 'author' : 'editor', `Edit ${lesson.path}`, [put(lesson)]);
    }
    made++;
  }
  let forged = 0;
  let stale = 0;
  let approved = 0;
  for (const lesson of lessons) {
    if (!lesson.approval) continue;
    approved++;
    const current = lessonFingerprint(text({ ...lesson, approval: undefined }));
    if (!current || !lesson.approval.includes(current)) stale++;
    if (forgedBy.get(lesson)) forged++;
  }
  return { stream: `${out.join('\n')}\n`, forged, stale, approved };
}

function timed(command: string, args: string[], cwd: string): { seconds: number; stdout: string; status: number | null } {
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout: run.stdout, status: run.status };
}

function main() {
  if (!existsSync(CLI)) throw new Error('Run npm run build first: dist/cli.js is missing.');
  const lessonCount = Number(process.argv[2] ?? 1000);
  const commitCount = Number(process.argv[3] ?? 5000);
  const repo = mkdtempSync(join(tmpdir(), 'course-review-verify-bench-'));
  try {
    spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    const generated = history(lessonCount, commitCount);
    const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: repo, input: generated.stream, maxBuffer: 1 << 30 });
    if (imported.status !== 0) throw new Error(`fast-import failed: ${imported.stderr.toString()}`);
    spawnSync('git', ['checkout', '-q', '-f', 'main'], { cwd: repo });
    const commits = Number(spawnSync('git', ['rev-list', '--count', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim());

    const log = timed(
      'git',
      [
        'log',
        '-z',
        '--topo-order',
        '--full-history',
        '-M',
        '--raw',
        '--no-abbrev',
        '--diff-merges=first-parent',
        '--format=%H',
        'HEAD',
        '--',
        ':(icase)*.md',
        ':(icase)*.markdown',
        ':(icase)*.mdx',
      ],
      repo,
    );
    const queue = timed(process.execPath, [CLI, 'queue', '.', '--format', 'json', '--today', '2026-12-04'], repo);
    const verify = timed(process.execPath, [CLI, 'verify', '.', '--format', 'json'], repo);
    if (verify.status === 2 || queue.status !== 0) throw new Error(`verify exited ${verify.status}, queue ${queue.status}`);
    const report = JSON.parse(verify.stdout) as { signOffs: number; findings: Array<{ kind: string }> };
    const found = (kind: string) => report.findings.filter((finding) => finding.kind === kind).length;
    const missing = lessonCount - generated.approved;
    if (
      report.signOffs !== generated.approved ||
      found('unverified') !== generated.forged ||
      found('stale') !== generated.stale ||
      found('required') !== 0
    ) {
      throw new Error(
        `verify found ${found('unverified')} forged of ${generated.forged}, ${found('stale')} stale of ${generated.stale}, checked ${report.signOffs} of ${generated.approved}`,
      );
    }
    console.log(
      `${lessonCount} lessons, ${commits} commits; ${generated.approved} approvals (${generated.forged} typed by the author, ${generated.stale} stale), ${missing} lessons never approved`,
    );
    console.log('| repository | git log (s) | queue (s) | verify (s) | verify / git log | verify / queue |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    console.log(
      `| ${lessonCount} lessons, ${commits} commits | ${log.seconds.toFixed(2)} | ${queue.seconds.toFixed(2)} | ${verify.seconds.toFixed(2)} | ${(verify.seconds / log.seconds).toFixed(1)} | ${(verify.seconds / queue.seconds).toFixed(2)} |`,
    );
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

main();

import { safeGit } from './safeGit';
import type { Found } from './history';

const NO_BLOB = /^0+$/;

/** Markdown in its common spellings, at any depth: a lesson's history, without the rest of the tree's. */
const LESSON_PATHSPECS = [':(icase)*.md', ':(icase)*.markdown', ':(icase)*.mdx'];

/** One file a commit changed, against its first parent. */
export interface FileChange {
  /** A, M, D, T, or R/C for a rename or copy (the score dropped). */
  status: string;
  /** The path before (differs from `path` only for a rename or copy). */
  from: string;
  path: string;
  /** Undefined where the file did not exist (before an add, after a delete). */
  before: string | undefined;
  after: string | undefined;
}

/** A GPG or SSH signature as git judged it: `G` good, `U` good with a key of unknown validity, `B` bad, `N` none, … */
export interface Signature {
  status: string;
  /** The signer: a key's user id, or an SSH principal. */
  signer: string;
}

export interface Commit {
  commit: string;
  parents: string[];
  /** `Name <email>`, for messages; `name` and `email` as git recorded them. */
  author: string;
  name: string;
  email: string;
  date: string;
  signature: Signature | undefined;
  changes: FileChange[];
}

/**
 * Every commit reachable from `rev` that changed a Markdown file, children before parents, each
 * with the Markdown files it changed against its first parent (merges too), renames detected: one
 * `git log` for the whole tree. With `signatures`, git checks each signed commit's signature.
 *
 * The output is read as NUL-separated tokens by position (a fixed number of header fields, then
 * each change's status line and its one or two paths), so no author name or file name, whatever
 * bytes it holds, can pass for another commit or another field.
 */
export function treeLog(root: string, rev: string, options: { signatures: boolean }): Found<Commit[]> {
  const fields = ['commit %H', '%P', '%an', '%ae', '%aI', ...(options.signatures ? ['%G?', '%GS'] : [])];
  const result = safeGit(root, [
    'log',
    '-z',
    '--topo-order',
    '--full-history',
    '-M',
    '--raw',
    '--no-abbrev',
    '--diff-merges=first-parent',
    `--format=${fields.join('%x00')}`,
    rev,
    '--',
    ...LESSON_PATHSPECS,
  ]);
  if (!result.ok) return { ok: false, message: result.message, notARepository: result.notARepository };
  const commits = parseLog(result.stdout.split('\0'), fields.length, options.signatures);
  return commits ? { ok: true, value: commits } : { ok: false, message: 'the output of git log could not be read' };
}

const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

function parseLog(tokens: readonly string[], headerLength: number, signatures: boolean): Commit[] | undefined {
  const commits: Commit[] = [];
  let index = 0;
  const next = () => tokens[index++] ?? '';
  while (index < tokens.length) {
    const first = next().replace(/^\n/, '');
    if (first === '') continue;
    if (!first.startsWith('commit ')) return undefined;
    const header = [first.slice('commit '.length), ...Array.from({ length: headerLength - 1 }, next)];
    const [commit, parents, name, email, date, status, signer] = header;
    const parentIds = parents ? parents.split(' ') : [];
    if (!OBJECT_ID.test(commit) || !parentIds.every((parent) => OBJECT_ID.test(parent))) return undefined;
    const changes: FileChange[] = [];
    while (index < tokens.length && tokens[index].replace(/^\n/, '').startsWith(':')) {
      const [, , before, after, kind] = next().replace(/^\n/, '').slice(1).split(' ');
      if (!kind) return undefined;
      const two = kind.startsWith('R') || kind.startsWith('C');
      const from = next();
      const path = two ? next() : from;
      changes.push({
        status: kind[0],
        from,
        path,
        before: NO_BLOB.test(before) ? undefined : before,
        after: NO_BLOB.test(after) ? undefined : after,
      });
    }
    commits.push({
      commit,
      parents: parentIds,
      author: `${name} <${email}>`,
      name,
      email,
      date,
      signature: signatures ? { status: status ?? 'N', signer: signer ?? '' } : undefined,
      changes,
    });
  }
  return commits;
}

export interface LineageStep {
  commit: Commit;
  change: FileChange;
}

/** The history of every path, for following many files back through renames without a git process each. */
export class TreeHistory {
  private readonly byPath = new Map<string, Array<{ order: number; step: LineageStep }>>();

  constructor(readonly commits: readonly Commit[]) {
    commits.forEach((commit, order) => {
      for (const change of commit.changes) {
        if (change.status === 'D') continue;
        const steps = this.byPath.get(change.path) ?? [];
        steps.push({ order, step: { commit, change } });
        this.byPath.set(change.path, steps);
      }
    });
  }

  /** The changes to the content of the file now at `path`, newest first, followed back through renames. */
  lineage(path: string): LineageStep[] {
    const lineage: LineageStep[] = [];
    let current = path;
    let after = -1;
    for (;;) {
      const steps = this.byPath.get(current) ?? [];
      let renamed = false;
      for (const { order, step } of steps) {
        if (order <= after) continue;
        lineage.push(step);
        if (step.change.status === 'R' && step.change.from !== current) {
          current = step.change.from;
          after = order;
          renamed = true;
          break;
        }
      }
      if (!renamed) return lineage;
    }
  }
}

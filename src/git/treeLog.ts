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
  /** `Name <email>` */
  author: string;
  date: string;
  signature: Signature | undefined;
  changes: FileChange[];
}

/**
 * Every commit reachable from `rev`, children before parents, each with the Markdown files it
 * changed against its first parent (merges too), renames detected: one `git log` for the whole tree.
 * With `signatures`, git checks each signed commit's signature.
 */
export function treeLog(root: string, rev: string, options: { signatures: boolean }): Found<Commit[]> {
  const fields = ['%H', '%P', '%an <%ae>', '%aI', ...(options.signatures ? ['%G?', '%GS'] : [])].join('%x1f');
  const result = safeGit(root, ['log', '-z', '--topo-order', '--full-history', '-M', '--raw', '--no-abbrev', '--diff-merges=first-parent', `--format=%x1e${fields}`, rev, '--', ...LESSON_PATHSPECS]);
  if (!result.ok) return { ok: false, message: result.message, notARepository: result.notARepository };
  return { ok: true, value: result.stdout.split('\x1e').filter((record) => record !== '').map((record) => parseCommit(record, options.signatures)) };
}

function parseCommit(record: string, signatures: boolean): Commit {
  const headerEnd = record.indexOf('\0');
  const header = (headerEnd === -1 ? record : record.slice(0, headerEnd)).split('\x1f');
  const [commit, parents, author, date, status, signer] = header;
  const tokens = headerEnd === -1 ? [] : record.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
  const changes: FileChange[] = [];
  for (let index = 0; index < tokens.length; ) {
    const meta = tokens[index++];
    if (!meta.startsWith(':')) continue;
    const [, , before, after, kind] = meta.slice(1).split(' ');
    const two = kind.startsWith('R') || kind.startsWith('C');
    const from = tokens[index++];
    const path = two ? tokens[index++] : from;
    changes.push({ status: kind[0], from, path, before: NO_BLOB.test(before) ? undefined : before, after: NO_BLOB.test(after) ? undefined : after });
  }
  return { commit, parents: parents ? parents.split(' ') : [], author, date, signature: signatures ? { status: status ?? 'N', signer: signer ?? '' } : undefined, changes };
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

import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_ROLES, mayReview, parseConfig, parseIdentity, readEntry, sameSignOff, signOffsOf, type Role, type SignOff } from '../core';
import type { Found } from './history';
import { readBlobs } from './objects';
import { safeGit } from './safeGit';
import { treeLog, TreeHistory, type Commit, type LineageStep } from './treeLog';

/** Signature statuses that count as good: `G`, and `U` (good, by a key whose validity the keyring does not vouch for). */
const GOOD_SIGNATURE = new Set(['G', 'U']);

/** What a shallow clone must do before its history can bear out a sign-off. */
export const FETCH_FULL_HISTORY = 'fetch the full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)';

/** What the history says of one sign-off as one commit wrote it. */
export type Verdict = { accepted: true } | { accepted: false; reason: string };

/**
 * A repository's history, read once (one `git log` for the whole tree, blobs in batches through
 * one `git cat-file` each), for judging many lessons' sign-offs.
 */
export class ReviewHistory {
  private readonly blobs = new Map<string, string | undefined>();
  private readonly recordsByBlob = new Map<string, Map<string, SignOff>>();

  private constructor(
    readonly root: string,
    readonly tree: TreeHistory,
    /** Commits at the edge of a shallow clone: what came before them is missing. */
    readonly shallowEdge: ReadonlySet<string>,
    private readonly signatures: boolean,
  ) {}

  static read(root: string, options: { signatures: boolean; rev?: string }): Found<ReviewHistory> {
    const head = safeGit(root, ['rev-parse', '--verify', '--quiet', `${options.rev ?? 'HEAD'}^{commit}`]);
    if (!head.ok && head.notARepository) return { ok: false, message: head.message, notARepository: true };
    // A repository without commits has no history: every sign-off in it is uncommitted.
    if (!head.ok) return { ok: true, value: new ReviewHistory(root, new TreeHistory([]), new Set(), options.signatures) };
    const log = treeLogOf(root, head.stdout.trim(), options.signatures);
    if (!log.ok) return log;
    return { ok: true, value: new ReviewHistory(root, log.value, shallowCommits(root), options.signatures) };
  }

  /** For judging commits about to be made: the configurations they read, without the log. */
  static withoutLog(root: string): ReviewHistory {
    return new ReviewHistory(root, new TreeHistory([]), new Set(), false);
  }

  get shallow(): boolean {
    return this.shallowEdge.size > 0;
  }

  /** Reads, in one batch, every version of these lessons (paths relative to the root, with `/`). */
  preload(paths: readonly string[]): void {
    const wanted = paths.flatMap((path) => this.tree.lineage(path).flatMap(({ change }) => [change.before, change.after]));
    this.load(wanted.filter((blob): blob is string => blob !== undefined));
  }

  /** Each role's sign-off in a version of a lesson (a blob id); none for a file that did not exist. */
  signOffsAt(blob: string | undefined): Map<string, SignOff> {
    if (blob === undefined) return new Map();
    const cached = this.recordsByBlob.get(blob);
    if (cached) return cached;
    if (!this.blobs.has(blob)) this.load([blob]);
    const text = this.blobs.get(blob);
    const records = text === undefined ? new Map<string, SignOff>() : signOffsOf(readEntry('', text, DEFAULT_ROLES).review);
    this.recordsByBlob.set(blob, records);
    return records;
  }

  /** The steps of a lesson's history in which a role's record became `signOff`, newest first. */
  introductions(path: string, role: string, signOff: SignOff): LineageStep[] {
    return this.tree.lineage(path).filter(({ change }) => {
      const after = this.signOffsAt(change.after).get(role);
      return sameSignOff(after, signOff) && !sameSignOff(this.signOffsAt(change.before).get(role), signOff);
    });
  }

  /** Reads, in one batch, the configurations that judging these steps needs. */
  preloadConfigs(steps: ReadonlyArray<{ step: LineageStep }>): void {
    this.load(steps.flatMap(({ step }) => configSpecs(step)));
  }

  /**
   * Whether a commit bears out the sign-off it wrote: its author (and with signatures, its good
   * signature's signer) is the reviewer on record, on the role's reviewers list in the
   * configuration as it was before the commit.
   */
  verdict(step: LineageStep, role: string, signOff: SignOff): Verdict {
    const { commit } = step;
    const reviewer = signOff.reviewer;
    if (!reviewer) return refused('no reviewer on record');
    if (this.shallowEdge.has(commit.commit)) return refused(`commit ${short(commit)} is at the edge of this shallow clone, so what it changed cannot be known: ${FETCH_FULL_HISTORY}`);
    const author = parseIdentity(commit.author);
    if (!author || !mayReview(author, [reviewer])) {
      return refused(commit.commit === STAGED_COMMIT ? `staged for commit by ${commit.author}, not by ${reviewer}: ${reviewer} should commit it` : `committed by ${commit.author} in ${short(commit)}, not by ${reviewer}`);
    }
    if (this.signatures) {
      const signature = commit.signature;
      if (!signature || !GOOD_SIGNATURE.has(signature.status)) return refused(`commit ${short(commit)} has ${signatureText(signature?.status)}`);
      // An SSH signer is only an email address: it must be the author's, who must be the reviewer.
      const signer = parseIdentity(signature.signer);
      if (!signer || !mayReview(signer, [commit.author])) return refused(`commit ${short(commit)} is signed by ${signature.signer || 'an unnamed key'}, not by its author ${commit.author}`);
    }
    const roles = this.rolesBefore(step);
    if (roles === undefined) return refused(`the configuration before ${short(commit)} does not parse, so its reviewers list cannot be read`);
    const listed = roles.find((candidate) => candidate.name === role)?.reviewers ?? [];
    if (!mayReview(author, listed)) return refused(`${reviewer} is not on the ${role} reviewers list as it was before ${short(commit)}`);
    return { accepted: true };
  }

  /** The roles of the nearest `.coursereview.json` above the lesson in the commit's first parent; the defaults when there is none, or no parent. */
  private rolesBefore(step: LineageStep): readonly Role[] | undefined {
    const specs = configSpecs(step);
    if (specs.length === 0) return DEFAULT_ROLES;
    const missing = specs.filter((spec) => !this.blobs.has(spec));
    if (missing.length > 0) this.load(missing);
    for (const spec of specs) {
      const text = this.blobs.get(spec);
      if (text === undefined) continue;
      const file = spec.slice(spec.indexOf(':') + 1);
      const parsed = parseConfig(text, file, file.split('/').slice(0, -1).join('/'));
      return parsed.ok ? parsed.config.roles : undefined;
    }
    return DEFAULT_ROLES;
  }

  private load(specs: readonly string[]): void {
    const missing = specs.filter((spec) => !this.blobs.has(spec));
    for (const [spec, text] of readBlobs(this.root, missing)) this.blobs.set(spec, text);
    for (const spec of missing) if (!this.blobs.has(spec)) this.blobs.set(spec, undefined);
  }
}

/** `parent:folder/.coursereview.json` for each folder from the lesson's up to the root, nearest first. */
function configSpecs(step: LineageStep): string[] {
  const parent = step.commit.parents[0];
  if (!parent) return [];
  const folders = step.change.path.split('/').slice(0, -1);
  const specs: string[] = [];
  for (let depth = folders.length; depth >= 0; depth--) specs.push(`${parent}:${[...folders.slice(0, depth), CONFIG_FILE_NAME].join('/')}`);
  return specs;
}

function refused(reason: string): Verdict {
  return { accepted: false, reason };
}

/** The id of the commit `verify --staged` judges: the one about to be made from the index. */
export const STAGED_COMMIT = 'staged';

function short(commit: Commit): string {
  return commit.commit === STAGED_COMMIT ? 'this commit' : commit.commit.slice(0, 10);
}

function signatureText(status: string | undefined): string {
  switch (status) {
    case 'B':
      return 'a bad signature';
    case 'X':
    case 'Y':
      return 'a signature by an expired key';
    case 'R':
      return 'a signature by a revoked key';
    case 'E':
      return 'a signature that cannot be checked (no key to check it with)';
    default:
      return 'no signature';
  }
}

function treeLogOf(root: string, head: string, signatures: boolean): Found<TreeHistory> {
  const log = treeLog(root, head, { signatures });
  return log.ok ? { ok: true, value: new TreeHistory(log.value) } : log;
}

/** The commits listed in the repository's `shallow` file: those whose parents a shallow clone left out. */
function shallowCommits(root: string): Set<string> {
  const path = safeGit(root, ['rev-parse', '--git-path', 'shallow']);
  if (!path.ok) return new Set();
  const file = path.stdout.trim();
  try {
    return new Set(readFileSync(isAbsolute(file) ? file : join(root, file), 'utf8').split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line)));
  } catch {
    return new Set();
  }
}

import {
  CONFIG_FILE_NAME,
  DEFAULT_ROLES,
  isListed,
  isPerson,
  parseConfig,
  readEntry,
  sameSignOff,
  signOffsOf,
  type Identity,
  type Role,
  type SignOff,
} from '../core';
import type { Found } from './history';
import { objectIdsInGitFile, readBlobs } from './objects';
import { safeGit } from './safeGit';
import { treeLog, TreeHistory, type Commit, type FileChange, type LineageStep } from './treeLog';

/**
 * The signature status that counts as good: `G`. (`U`, good but by a key the keyring does not
 * vouch for, is refused: anyone can make a GPG key with any name on it.)
 */
const GOOD_SIGNATURE = 'G';

/** What a shallow clone must do before its history can bear out a sign-off. */
export const FETCH_FULL_HISTORY = 'fetch the full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)';

/** The id of the commit `verify --staged` judges: the one about to be made from the index. */
export const STAGED_COMMIT = 'staged';

/** What the history says of one sign-off as one commit wrote it. */
export type Verdict = { accepted: true } | { accepted: false; reason: string };

/** Where a record at HEAD came from: the commit that wrote it, or why it cannot be told. */
export type Origin = { kind: 'written'; step: LineageStep } | { kind: 'uncommitted' } | { kind: 'beyond-shallow-edge'; commit: string };

interface Version {
  /** The commit that last changed the file, on the way back from where the search started. */
  commit: Commit;
  change: FileChange;
}

/**
 * A repository's history, read once (one `git log` of the Markdown files, one `git rev-list` of
 * the commit graph, blobs in batches through one `git cat-file` each), for judging many lessons'
 * sign-offs.
 */
export class ReviewHistory {
  private readonly blobs = new Map<string, string | undefined>();
  private readonly recordsByBlob = new Map<string, Map<string, SignOff>>();
  private readonly commits: ReadonlyMap<string, Commit>;
  /** Per commit: its changes by the path after (and, for renames and deletes, by the path before). */
  private readonly changes = new Map<string, { byPath: Map<string, FileChange>; renamedAway: Set<string> }>();
  /** Per path: the commits that changed, deleted or renamed away the file there. */
  private readonly pathEvents = new Map<string, string[]>();
  private firstParents: { commits: string[]; position: Map<string, number>; eventsByPath: Map<string, number[]> } | undefined;
  private children: Map<string, string[]> | undefined;
  private readonly descendantsOf = new Map<string, ReadonlySet<string>>();
  private readonly formerNamesOf = new Map<string, string[]>();
  /** `versionAt` off HEAD's first-parent line, remembered for every commit a walk went through. */
  private readonly versionsOffChain = new Map<string, Version | 'edge' | undefined>();

  private constructor(
    readonly root: string,
    readonly tree: TreeHistory,
    /** Every commit's parents, whether or not it changed a lesson. */
    private readonly graph: ReadonlyMap<string, readonly string[]>,
    readonly head: string | undefined,
    /** Commits at the edge of a shallow clone: what came before them is missing. */
    readonly shallowEdge: ReadonlySet<string>,
    private readonly signatures: boolean,
  ) {
    this.commits = new Map(tree.commits.map((commit) => [commit.commit, commit]));
    for (const commit of tree.commits) {
      const byPath = new Map<string, FileChange>();
      const renamedAway = new Set<string>();
      for (const change of commit.changes) {
        byPath.set(change.path, change);
        this.addEvent(change.path, commit.commit);
        if (change.status === 'R') {
          renamedAway.add(change.from);
          this.addEvent(change.from, commit.commit);
        }
      }
      this.changes.set(commit.commit, { byPath, renamedAway });
    }
  }

  private addEvent(path: string, commit: string): void {
    const commits = this.pathEvents.get(path);
    if (commits) commits.push(commit);
    else this.pathEvents.set(path, [commit]);
  }

  static read(root: string, options: { signatures: boolean; rev?: string }): Found<ReviewHistory> {
    const head = safeGit(root, ['rev-parse', '--verify', '--quiet', `${options.rev ?? 'HEAD'}^{commit}`]);
    if (!head.ok && head.notARepository) return { ok: false, message: head.message, notARepository: true };
    // A repository without commits has no history: every sign-off in it is uncommitted.
    if (!head.ok) return { ok: true, value: ReviewHistory.withoutLog(root) };
    const id = head.stdout.trim();
    const log = treeLog(root, id, { signatures: options.signatures });
    if (!log.ok) return log;
    const graph = safeGit(root, ['rev-list', '--parents', id]);
    if (!graph.ok) return { ok: false, message: graph.message };
    const parents = new Map(
      graph.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [commit, ...rest] = line.split(' ');
          return [commit, rest] as const;
        }),
    );
    return {
      ok: true,
      value: new ReviewHistory(
        root,
        new TreeHistory(log.value),
        parents,
        id,
        new Set(objectIdsInGitFile(root, 'shallow')),
        options.signatures,
      ),
    };
  }

  /** For judging commits about to be made: the configurations they read, without the log. */
  static withoutLog(root: string): ReviewHistory {
    return new ReviewHistory(root, new TreeHistory([]), new Map(), undefined, new Set(), false);
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

  /**
   * The commit that wrote the record a lesson has at HEAD, found the way the record came: from
   * HEAD back through the commits that changed the file (following renames), into whichever parent
   * of a merge already had it, to the commit none of whose parents had it. A record that a later
   * commit removed and another put back was written by the one that put it back; so was one that a
   * merge kept although a branch it merged had removed it after seeing it; a record merged in from
   * a branch was written on that branch; a new file at a path that an older, deleted file had
   * starts its own history.
   */
  origin(path: string, role: string, signOff: SignOff): Origin {
    if (this.head === undefined) return { kind: 'uncommitted' };
    const has = (version: Version | 'edge' | undefined) => this.hasRecord(version, role, signOff);
    const atHead = this.versionAt(this.head, path);
    if (atHead === 'edge') return { kind: 'beyond-shallow-edge', commit: this.head };
    if (!has(atHead)) return { kind: 'uncommitted' };
    /** The way back: from each start, along first parents, to the version found there. */
    const walked: Array<{ start: string; version: Version }> = [{ start: this.head, version: atHead as Version }];
    let version: Version | undefined = atHead;
    for (let guard = 0; version && guard < this.graph.size + 1; guard++) {
      const { commit, change } = version;
      const parents = this.graph.get(commit.commit) ?? commit.parents;
      if (this.shallowEdge.has(commit.commit)) return { kind: 'beyond-shallow-edge', commit: commit.commit };
      // A merge shows a file a branch added as added: the branch may have the record.
      if (parents.length === 0 || (change.status === 'A' && parents.length === 1))
        return this.restoredOr(walked, role, signOff, { commit, change });
      const before = change.status === 'R' ? change.from : change.path;
      // A merged branch may have the file under a name the first parent's side has since renamed it from.
      const names = [...new Set([change.path, before, ...this.formerNames(change.path)])];
      const candidates: Array<[string, string]> = [
        [parents[0], before],
        ...parents.slice(1).flatMap((parent) => names.map((name): [string, string] => [parent, name])),
      ];
      let from: Version | 'edge' | undefined;
      let fromParent: string | undefined;
      for (const [parent, at] of candidates) {
        const candidate = this.versionAt(parent, at);
        if (candidate === 'edge' || has(candidate)) {
          from = candidate;
          fromParent = parent;
          break;
        }
      }
      if (from === 'edge') return { kind: 'beyond-shallow-edge', commit: commit.commit };
      if (!from || fromParent === undefined) return this.restoredOr(walked, role, signOff, { commit, change });
      walked.push({ start: fromParent, version: from });
      version = from;
    }
    return { kind: 'uncommitted' };
  }

  /**
   * The written record's step, unless a merge on the way back from HEAD kept the record although
   * one of the branches it merged had removed it after the record was written (a withdrawal
   * undone by `merge -s ours`, or by taking the other side in a conflict): then that merge, the
   * nearest to HEAD, wrote the record that is there now.
   */
  private restoredOr(
    walked: ReadonlyArray<{ start: string; version: Version }>,
    role: string,
    signOff: SignOff,
    written: LineageStep,
  ): Origin {
    const writer = written.commit.commit;
    for (let index = 0; index < walked.length; index++) {
      const { start, version } = walked[index];
      const followed = walked[index + 1]?.start;
      const path = version.change.path;
      for (let commit: string | undefined = start; commit !== undefined; commit = this.graph.get(commit)?.[0]) {
        const parents = this.graph.get(commit) ?? [];
        const last = commit === version.commit.commit;
        const others = last ? parents.filter((parent) => parent !== followed) : parents.slice(1);
        if (parents.length > 1) {
          for (const parent of others) {
            const there = this.versionAt(parent, path);
            if (there !== 'edge' && !this.hasRecord(there, role, signOff) && this.descendants(writer).has(parent)) {
              const merge = this.commits.get(commit);
              if (merge)
                return {
                  kind: 'written',
                  step: {
                    commit: merge,
                    change: { status: 'M', from: path, path, before: version.change.after, after: version.change.after },
                  },
                };
            }
          }
        }
        if (last) break;
      }
    }
    return { kind: 'written', step: written };
  }

  /** Whether that version of the file holds this very sign-off for the role. */
  private hasRecord(version: Version | 'edge' | undefined, role: string, signOff: SignOff): version is Version {
    return version !== undefined && version !== 'edge' && sameSignOff(this.signOffsAt(version.change.after).get(role), signOff);
  }

  /** The names the file at `path` had before renames, newest first. */
  private formerNames(path: string): string[] {
    let names = this.formerNamesOf.get(path);
    if (!names) {
      names = this.tree.lineage(path).flatMap(({ change }) => (change.status === 'R' ? [change.from] : []));
      this.formerNamesOf.set(path, names);
    }
    return names;
  }

  /** The commits that have `commit` among their ancestors, itself included: those that saw what it wrote. */
  private descendants(commit: string): ReadonlySet<string> {
    const known = this.descendantsOf.get(commit);
    if (known) return known;
    if (!this.children) {
      const children = new Map<string, string[]>();
      for (const [child, parents] of this.graph) {
        for (const parent of parents) {
          const list = children.get(parent);
          if (list) list.push(child);
          else children.set(parent, [child]);
        }
      }
      this.children = children;
    }
    const found = new Set([commit]);
    const queue = [commit];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const child of this.children.get(next) ?? []) {
        if (found.has(child)) continue;
        found.add(child);
        queue.push(child);
      }
    }
    this.descendantsOf.set(commit, found);
    return found;
  }

  /** Reads, in one batch, the configurations that judging these steps needs. */
  preloadConfigs(steps: readonly LineageStep[]): void {
    this.load(steps.flatMap((step) => configSpecs(step)));
  }

  /**
   * Whether a commit bears out the sign-off it wrote: its author (and with signatures, its good
   * signature's signer, by email) is the reviewer on record, on the role's reviewers list in the
   * configuration as it was before the commit and, when given, in the configuration now.
   */
  verdict(step: LineageStep, role: string, signOff: SignOff, rolesNow?: readonly Role[]): Verdict {
    const { commit } = step;
    const reviewer = signOff.reviewer;
    if (!reviewer) return refused('no reviewer on record');
    if (this.shallowEdge.has(commit.commit))
      return refused(
        `commit ${short(commit)} is at the edge of this shallow clone, so what it changed cannot be known: ${FETCH_FULL_HISTORY}`,
      );
    const author: Identity = { name: commit.name, email: commit.email };
    if (!isPerson(author, reviewer)) {
      return refused(
        commit.commit === STAGED_COMMIT
          ? `staged for commit by ${commit.author}, not by ${reviewer}: ${reviewer} should commit it`
          : `committed by ${commit.author} in ${short(commit)}, not by ${reviewer}`,
      );
    }
    if (this.signatures) {
      const signature = commit.signature;
      if (!signature || signature.status !== GOOD_SIGNATURE)
        return refused(`commit ${short(commit)} has ${signatureText(signature?.status)}`);
      // The signer (an SSH principal, or a GPG key's user id) must be the author, by email.
      const signerEmail = /<([^<>]+)>\s*$/.exec(signature.signer)?.[1] ?? signature.signer.trim();
      if (!commit.email || signerEmail.toLowerCase() !== commit.email.toLowerCase())
        return refused(`commit ${short(commit)} is signed by ${signature.signer || 'an unnamed key'}, not by its author ${commit.author}`);
    }
    const roles = this.rolesBefore(step);
    if (roles === undefined)
      return refused(`the configuration before ${short(commit)} does not parse, so its reviewers list cannot be read`);
    if (!isListed(author, reviewersOf(roles, role)))
      return refused(`${commit.author} is not on the ${role} reviewers list as it was before ${short(commit)}`);
    if (rolesNow && !isListed(author, reviewersOf(rolesNow, role)))
      return refused(`${commit.author} is not on the ${role} reviewers list in the configuration now`);
    return { accepted: true };
  }

  /**
   * The version of the file at `path` as `commit` has it: the nearest change to that path on the
   * way back along first parents; undefined where the file does not exist; 'edge' where a shallow
   * clone stops before the answer.
   */
  private versionAt(start: string, path: string): Version | 'edge' | undefined {
    const visited: string[] = [];
    const remember = (result: Version | 'edge' | undefined) => {
      for (const commit of visited) this.versionsOffChain.set(`${commit}\0${path}`, result);
      return result;
    };
    let commit: string | undefined = start;
    for (let guard = 0; commit !== undefined && guard <= this.graph.size; guard++) {
      const onChain = this.chain().position.get(commit);
      // On HEAD's first-parent line, the nearest change is found by a search, not a walk.
      if (onChain !== undefined) return remember(this.versionOnChain(onChain, path));
      const key = `${commit}\0${path}`;
      if (this.versionsOffChain.has(key)) return remember(this.versionsOffChain.get(key));
      visited.push(commit);
      const event = this.eventAt(commit, path);
      if (event !== 'none') return remember(event);
      const parents = this.graph.get(commit);
      if (parents === undefined) return remember(undefined);
      if (parents.length === 0) return remember(this.shallowEdge.has(commit) ? 'edge' : undefined);
      commit = parents[0];
    }
    return remember(undefined);
  }

  /** What `commit` did to the file at `path`: changed it (a version), deleted or renamed it away (undefined), or nothing. */
  private eventAt(commit: string, path: string): Version | undefined | 'none' {
    const changes = this.changes.get(commit);
    const change = changes?.byPath.get(path);
    if (change) return change.status === 'D' ? undefined : { commit: this.commits.get(commit)!, change };
    return changes?.renamedAway.has(path) ? undefined : 'none';
  }

  private versionOnChain(from: number, path: string): Version | 'edge' | undefined {
    const { commits, eventsByPath } = this.chain();
    let positions = eventsByPath.get(path);
    if (!positions) {
      positions = (this.pathEvents.get(path) ?? [])
        .map((commit) => this.chain().position.get(commit))
        .filter((position): position is number => position !== undefined)
        .sort((a, b) => a - b);
      eventsByPath.set(path, positions);
    }
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (positions[middle] < from) low = middle + 1;
      else high = middle;
    }
    if (low < positions.length) {
      const event = this.eventAt(commits[positions[low]], path);
      return event === 'none' ? undefined : event;
    }
    const last = commits.at(-1);
    return last !== undefined && this.shallowEdge.has(last) ? 'edge' : undefined;
  }

  /** HEAD's first-parent line, newest first, with each commit's position, and (per path, as asked) where the file changed on it. */
  private chain(): { commits: string[]; position: Map<string, number>; eventsByPath: Map<string, number[]> } {
    if (this.firstParents) return this.firstParents;
    const commits: string[] = [];
    const position = new Map<string, number>();
    for (let commit = this.head; commit !== undefined && !position.has(commit); commit = this.graph.get(commit)?.[0]) {
      position.set(commit, commits.length);
      commits.push(commit);
    }
    this.firstParents = { commits, position, eventsByPath: new Map() };
    return this.firstParents;
  }

  /**
   * The roles of the nearest `.coursereview.json` above the lesson in the commit's first parent; the defaults when there is none, or no
   * parent.
   */
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
    const missing = [...new Set(specs)].filter((spec) => !this.blobs.has(spec));
    if (missing.length === 0) return;
    for (const [spec, text] of readBlobs(this.root, missing)) this.blobs.set(spec, text);
    for (const spec of missing) if (!this.blobs.has(spec)) this.blobs.set(spec, undefined);
  }
}

function reviewersOf(roles: readonly Role[], role: string): readonly string[] {
  return roles.find((candidate) => candidate.name === role)?.reviewers ?? [];
}

/** `parent:folder/.coursereview.json` for each folder from the lesson's up to the root, nearest first. */
function configSpecs(step: LineageStep): string[] {
  const parent = step.commit.parents[0];
  if (!parent) return [];
  const folders = step.change.from.split('/').slice(0, -1);
  const specs: string[] = [];
  for (let depth = folders.length; depth >= 0; depth--) specs.push(`${parent}:${[...folders.slice(0, depth), CONFIG_FILE_NAME].join('/')}`);
  return specs;
}

function refused(reason: string): Verdict {
  return { accepted: false, reason };
}

function short(commit: Commit): string {
  return commit.commit === STAGED_COMMIT ? 'this commit' : commit.commit.slice(0, 10);
}

function signatureText(status: string | undefined): string {
  switch (status) {
    case 'B':
      return 'a bad signature';
    case 'U':
      return "a signature by a key the keyring does not trust (mark the reviewers' keys trusted)";
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

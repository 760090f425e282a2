import { CONFIG_FILE_NAME, DEFAULT_ROLES, mayReview, parseConfig, parseIdentity, readEntry, type Role } from '../core';
import { blobAt, fileVersions, type FileVersion, type Found } from './history';

/** The statuses a reviewer signs; a request is the author's (or a lead's) to make. */
const SIGNED = new Set(['approved', 'waived', 'changes-requested']);

/** One change of one role's record, as a commit made it. */
export interface ReviewEvent {
  commit: string;
  date: string;
  /** Who made the commit, as `Name <email>`. */
  author: string;
  /** The lesson's path in that commit. */
  path: string;
  role: string;
  status: string;
  reviewer: string | undefined;
  signed: string | undefined;
  /** For a sign-off: whether the history bears it out; undefined for a request or a removal. */
  accepted: boolean | undefined;
  /** Why a sign-off is not accepted. */
  reason?: string;
}

/**
 * Every review event of a lesson from its git history, oldest first: each commit (following
 * renames) in which a role's record changed. A sign-off is accepted when the commit's author is the
 * reviewer on record and, when the role has a `reviewers` list in the configuration as it was before
 * that commit, the reviewer is on it (adding yourself and approving in one commit does not count).
 */
export function reviewEvents(root: string, path: string): Found<ReviewEvent[]> {
  const versions = fileVersions(root, path);
  if (!versions.ok) return versions;
  const events: ReviewEvent[] = [];
  let previous: Record<string, string> = {};
  for (const version of [...versions.value].reverse()) {
    const text = blobAt(root, version.commit, version.path);
    if (!text.ok) continue;
    const records = recordsOf(text.value);
    for (const [role, record] of Object.entries(records)) {
      const serialised = JSON.stringify(record);
      if (previous[role] === serialised) continue;
      events.push(event(root, version, role, record));
    }
    for (const role of Object.keys(previous)) if (!(role in records)) events.push({ ...base(version, role), status: 'withdrawn', reviewer: undefined, signed: undefined, accepted: undefined });
    previous = Object.fromEntries(Object.entries(records).map(([role, record]) => [role, JSON.stringify(record)]));
  }
  return { ok: true, value: events };
}

function event(root: string, version: FileVersion, role: string, record: Record<string, unknown>): ReviewEvent {
  const status = typeof record.status === 'string' ? record.status : 'unknown';
  const reviewer = typeof record.reviewer === 'string' ? record.reviewer : undefined;
  const signed = typeof record.signed === 'string' ? record.signed : undefined;
  const made = { ...base(version, role), status, reviewer, signed };
  if (!SIGNED.has(status)) return { ...made, accepted: undefined };
  const verdict = accept(root, version, role, reviewer);
  return { ...made, accepted: verdict === undefined, ...(verdict !== undefined && { reason: verdict }) };
}

/** Why the sign-off is not borne out by its commit; undefined when it is. */
function accept(root: string, version: FileVersion, role: string, reviewer: string | undefined): string | undefined {
  if (!reviewer) return 'no reviewer on record';
  const author = parseIdentity(version.author);
  if (!author || !mayReview(author, [reviewer])) return `committed by ${version.author}, not by ${reviewer}`;
  const roles = rolesBefore(root, version);
  if (roles === undefined) return 'the configuration before this commit cannot be read';
  // The record keeps the reviewer's name; the commit names them in full, as the list may (by email).
  const listed = roles.find((candidate) => candidate.name === role)?.reviewers ?? [];
  if (!mayReview(author, listed)) return `${reviewer} is not on the ${role} reviewers list as it was before this commit`;
  return undefined;
}

/** The roles of the nearest `.coursereview.json` above the lesson in the commit's parent; the defaults when there is none (or no parent). */
function rolesBefore(root: string, version: FileVersion): readonly Role[] | undefined {
  if (!version.parent) return DEFAULT_ROLES;
  const folders = version.path.split('/').slice(0, -1);
  for (let depth = folders.length; depth >= 0; depth--) {
    const file = [...folders.slice(0, depth), CONFIG_FILE_NAME].join('/');
    const text = blobAt(root, version.parent, file);
    if (!text.ok) continue;
    const parsed = parseConfig(text.value, file, folders.slice(0, depth).join('/'));
    return parsed.ok ? parsed.config.roles : undefined;
  }
  return DEFAULT_ROLES;
}

function recordsOf(text: string): Record<string, Record<string, unknown>> {
  const review = readEntry('', text, DEFAULT_ROLES).review;
  if (typeof review !== 'object' || review === null || Array.isArray(review)) return {};
  return Object.fromEntries(Object.entries(review as Record<string, unknown>).filter((entry): entry is [string, Record<string, unknown>] => typeof entry[1] === 'object' && entry[1] !== null && !Array.isArray(entry[1])));
}

function base(version: FileVersion, role: string) {
  return { commit: version.commit, date: version.date, author: version.author, path: version.path, role };
}

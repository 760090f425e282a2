/** Who runs a review command: from the `courseReview.reviewer` setting, git, `--as`, or a prompt. */
export interface Identity {
  name?: string;
  email?: string;
}

/** Parses "Priya Patel <priya@example.com>", "priya@example.com" or "Priya Patel". */
export function parseIdentity(value: string): Identity | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const angled = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(text);
  if (angled) return angled[1] ? { name: angled[1], email: angled[2] } : { email: angled[2] };
  return /^[^\s@]+@[^\s@]+$/.test(text) ? { email: text } : { name: text };
}

/** What goes in `reviewer:`: the name when there is one, else the email address. */
export function displayIdentity(identity: Identity): string {
  return identity.name ?? identity.email ?? '';
}

/** True when the list is empty (anyone may sign) or names the person by name or email, ignoring case. */
export function mayReview(identity: Identity, reviewers: readonly string[]): boolean {
  if (reviewers.length === 0) return true;
  const own = [identity.name, identity.email].filter((value): value is string => !!value).map((value) => value.toLowerCase());
  return reviewers.some((reviewer) => {
    const entry = parseIdentity(reviewer);
    return [entry?.name, entry?.email].some((value) => value !== undefined && own.includes(value.toLowerCase()));
  });
}

/**
 * The reviewer a review is assigned to when that is someone other than `identity` (by name or
 * email, ignoring case); undefined when it is unassigned or assigned to them. Signing someone
 * else's review replaces them as its reviewer, which deserves a confirmation.
 */
export function otherAssignee(recordReviewer: string | undefined, identity: Identity): string | undefined {
  if (!recordReviewer?.trim()) return undefined;
  return mayReview(identity, [recordReviewer]) ? undefined : recordReviewer;
}

/**
 * For verifying history, where names are whatever a committer typed: the person is the entry when
 * their email addresses match (both have one), or, when the entry names no email, their names do
 * (ignoring case). A matching name with another email is someone else.
 */
export function isPerson(identity: Identity, entry: string): boolean {
  const named = parseIdentity(entry);
  if (!named) return false;
  if (named.email !== undefined) return identity.email !== undefined && identity.email.toLowerCase() === named.email.toLowerCase();
  return identity.name !== undefined && named.name !== undefined && identity.name.toLowerCase() === named.name.toLowerCase();
}

/** `isPerson` for a reviewers list: true when the list is empty (anyone may sign) or names them. */
export function isListed(identity: Identity, reviewers: readonly string[]): boolean {
  return reviewers.length === 0 || reviewers.some((entry) => isPerson(identity, entry));
}

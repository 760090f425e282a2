export const HISTORY_SUMMARY = 'List every review event of lessons from git history, and whether the history bears each sign-off out.';

export const HISTORY_USAGE = `Usage: course-review history [options] FILE…

Lists, oldest first, each commit (following renames) in which a role's review record of the
lesson changed: date, role, status, reviewer, commit and author. A sign-off (approved, waived,
changes requested) is "accepted" when the commit's author is the reviewer on record and, when
the role has a reviewers list in the configuration as it was before that commit, the reviewer
is on it. Git runs with the repository's own programs (fsmonitor, drivers, pagers) turned off.

Options:
  --format text|json         Output format (default: text)
  -h, --help                 Show this help

Exit codes: 0 listed, 2 usage error, or a file that is not in a git repository or cannot be read.
`;

export const REVIEW_SUMMARY = "Record a review sign-off or request in each lesson's front matter.";

export const REVIEW_USAGE = `Usage: course-review review ACTION --role ROLE [options] FILE…

Records a review in each FILE's front matter, with the same edits as the editor's
commands; every other byte (BOM, line endings, comments) stays.

Actions:
  approve                    Sign off; records the date and a fingerprint of the lesson
  request-changes            Ask the author for changes (needs --note)
  request                    Ask for a review, optionally of --reviewer, by --due
  waive                      Record that this review is not needed (needs --note)
  withdraw                   Remove the role's review record
  diff                       For one FILE whose approval went stale: print what changed since
                             (a unified diff between the commit with the approved content and
                             the working copy, review block left out); reads git history with
                             the repository's own programs (fsmonitor, drivers, pagers) off

Options:
  --role ROLE                The review role, e.g. sme, legal, marketing (required)
  --as "NAME <EMAIL>"        Who you are (default: git config user.name and user.email
                             in the file's folder; approve, request-changes and waive need one)
  --reassign                 approve, request-changes, waive: sign a review that is assigned
                             to someone else (its reviewer becomes you)
  --note TEXT                A note to record (required for request-changes and waive)
  --reviewer NAME            request only: who should review (default: the one on record)
  --due YYYY-MM-DD           request only: the due date (default: the role's dueInDays from
                             today; 9999-12-31 at the latest)
  --today YYYY-MM-DD         The date to record (default: today, local time)
  --config FILE              Use this configuration instead of the nearest .coursereview.json
  -h, --help                 Show this help

Each line on stdout names who signed: "FILE: SME approved by Priya Patel <priya@example.com>".

Every FILE is tried, one after another. A file that cannot be signed (front matter that
does not parse, you not on the role's reviewers list, a review assigned to someone else
without --reassign, …) is reported on stderr with file:line:column and left unchanged;
the others are still written.

A file is written to a temporary file beside it, which then replaces it: a reader never
sees half a file, and a full disk leaves it as it was. A lock file beside it
(.FILE.course-review.lock) makes other course-review commands wait, then apply their
change on top. If another program changes the file meanwhile, it is read again; after
ten tries it is refused ("changed while signing, try again").

Exit codes: 0 every file written, 2 usage or configuration error, or any file refused.
`;

/** `course-review --help`: every command, option and exit code. */
export const USAGE = `Usage: course-review lint [paths or globs…] [options]
       course-review review ACTION --role ROLE [options] FILE…
       course-review queue [paths or globs…] [options]

course-review lint checks Markdown lessons for instructional-design problems.
A folder means every lesson in it (see "lessons" in .coursereview.json).

Options:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Use this configuration instead of the nearest .coursereview.json
  --max-warnings N           Exit with 1 when there are more than N warnings
  --fix                      Apply safe fixes to the files, then report what is left
  --today YYYY-MM-DD         The date reviews are overdue against (default: today, local time)
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration error.

course-review review records a review in each FILE's front matter, with the same
edits as the editor's commands; every other byte (BOM, line endings, comments) stays.

Actions:
  approve                    Sign off; records the date and a fingerprint of the lesson
  request-changes            Ask the author for changes (needs --note)
  request                    Ask for a review, optionally of --reviewer, by --due
  waive                      Record that this review is not needed (needs --note)
  withdraw                   Remove the role's review record

Options:
  --role ROLE                The review role, e.g. sme, legal, marketing (required)
  --as "NAME <EMAIL>"        Who you are (default: git config user.name and user.email
                             in the file's folder; approve, request-changes and waive need one)
  --note TEXT                A note to record (required for request-changes and waive)
  --reviewer NAME            request only: who should review (default: the one on record)
  --due YYYY-MM-DD           request only: the due date (default: the role's dueInDays from today)
  --today YYYY-MM-DD         The date to record (default: today, local time)
  --config FILE              Use this configuration instead of the nearest .coursereview.json

Every FILE is tried, one after another. A file that cannot be signed (front matter that
does not parse, you not on the role's reviewers list, …) is reported on stderr with
file:line:column and left unchanged; the others are still written.

Exit codes: 0 every file written, 2 usage or configuration error, or any file refused.

course-review queue lists every outstanding review in the lessons: required but not
requested, requested, changes requested, or approved before the lesson last changed (stale).
Overdue first, then by due date. Reads front matter; runs the claim rules only for a lesson
whose triggered roles (legal, marketing) have no review on record.

Options:
  --role ROLE                Only this role's reviews, e.g. legal
  --reviewer NAME            Only reviews assigned to this person (name or email, any case)
  --overdue                  Only reviews past their due date
  --format table|json|csv|md Output format (default: table); md is a Markdown table
  --today YYYY-MM-DD         The date reviews are overdue against (default: today, local time)
  --config FILE              Use this configuration instead of the nearest .coursereview.json

A lesson whose front matter cannot be read is reported on stderr (file: problem) and
not listed: its reviews cannot be known until the front matter is fixed.

Exit codes: 0 listed (even when reviews are overdue), 2 usage or configuration error.
`;

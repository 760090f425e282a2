export const QUEUE_SUMMARY = 'List the outstanding reviews in the lessons, overdue first.';

export const QUEUE_USAGE = `Usage: course-review queue [paths or globs…] [options]

Lists every outstanding review in the lessons: required but not requested, requested,
changes requested, or approved before the lesson last changed (stale). Overdue first,
then by due date. Reads front matter; runs the claim rules only for a lesson whose
triggered roles (legal, marketing) have no review on record.

Options:
  --role ROLE                Only this role's reviews, e.g. legal
  --reviewer NAME            Only reviews assigned to this person (name or email, any case)
  --overdue                  Only reviews past their due date
  --format table|json|csv|md Output format (default: table); md is a Markdown table
  --today YYYY-MM-DD         The date reviews are overdue against (default: today, local time)
  --config FILE              Use this configuration instead of the nearest .coursereview.json
  --cache                    Reuse what the claim rules found in lessons unchanged since the last
                             run with --cache (kept in .course-review-cache.json, which lint
                             --cache shares)
  --cache-location FILE      Keep them in FILE instead (implies --cache)
  -h, --help                 Show this help

A lesson whose front matter cannot be read is reported on stderr (file: problem) and
not listed: its reviews cannot be known until the front matter is fixed. So is a file
that cannot be read at all; the others are still listed.

Exit codes: 0 listed (even when reviews are overdue), 2 usage or configuration error,
or a file that could not be read.
`;

export const LINT_SUMMARY = 'Check Markdown lessons for instructional-design problems (the default command).';

export const LINT_USAGE = `Usage: course-review lint [paths or globs…] [options]

Checks Markdown lessons for instructional-design problems. A folder means every lesson
in it (see "lessons" in .coursereview.json); a file is checked as given; quote globs.
Without paths: the working directory.

Options:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Use this configuration instead of the nearest .coursereview.json
  --max-warnings N           Exit with 1 when there are more than N warnings
  --fix                      Apply safe fixes to the files, then report what is left
  --today YYYY-MM-DD         The date reviews are overdue against (default: today, local time)
  --cache                    Reuse the results of files unchanged since the last run with
                             --cache (kept in .course-review-cache.json; never with --fix)
  --cache-location FILE      Keep them in FILE instead (implies --cache)
  -h, --help                 Show this help

A file that cannot be read (or, with --fix, written) is reported on stderr as
"course-review: FILE: problem"; every other file is still checked and reported.
--fix replaces a file only through a temporary file and a lock beside it (see
course-review review --help), so a failed write leaves it as it was.

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration
error, or a file that could not be read or fixed.
`;

export const OUTLINE_SUMMARY = 'Show the course as modules and pages: types, length, parts, findings, reviews.';

export const OUTLINE_USAGE = `Usage: course-review outline [paths or globs…] [options]

Checks the lessons as pages of their course (tables of contents, or folders as modules),
then shows each module in reading order: which parts it has and where (objectives,
practice, feedback, summary, knowledge check, hook: on every page, for the module, on
some pages, or missing), its findings and its reviews, and each page's type, minutes
(declared in front matter, or ~estimated), words and findings.

Options:
  --format table|json|md     Output format (default: table); md is a Markdown report
  --today YYYY-MM-DD         The date reviews are overdue against (default: today, local time)
  --config FILE              Use this configuration instead of the nearest .coursereview.json
  --cache                    Reuse the results of files unchanged since the last run with
                             --cache (kept in .course-review-cache.json; never with --fix)
  --cache-location FILE      Keep them in FILE instead (implies --cache)
  -h, --help                 Show this help

Exit codes: 0 shown, 2 usage or configuration error, or a file that could not be checked
(it is left out of the outline; the others are shown).
`;

export const REPORT_SUMMARY = 'Make the course health report: review backlog and ageing, coverage of parts, findings, reading grade.';

export const REPORT_USAGE = `Usage: course-review report [paths or globs…] [options]

Checks the lessons as pages of their course, as outline does, and reports what a lead
asks: open reviews per role and status, how long they have waited, the oldest and the
overdue ones; which parts each module has (objectives, practice, feedback, summary,
knowledge check, hook); findings per category and reading grade per module.

Options:
  --format html|md|json      Output format (default: html): html is one self-contained
                             file with charts (no script, no network); md is Markdown tables
  --output FILE              Write the report to FILE (through a temporary file) instead of
                             standard output; the HTML's links to pages are relative to it
  --today YYYY-MM-DD         The date reviews wait and are overdue against (default: today)
  --config FILE              Use this configuration instead of the nearest .coursereview.json
  --cache                    Reuse the results of files unchanged since the last run with
                             --cache (kept in .course-review-cache.json; never with --fix)
  --cache-location FILE      Keep them in FILE instead (implies --cache)
  -h, --help                 Show this help

Exit codes: 0 written, 2 usage or configuration error, a file that could not be checked
(it is left out; the others are reported), or an output that could not be written.
`;

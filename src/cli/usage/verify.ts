export const VERIFY_SUMMARY = 'Check every approval and waiver against git history, for CI: who committed it, and is it current.';

export const VERIFY_USAGE = `Usage: course-review verify [paths or globs…] [options]

For each approval and waiver on record in the lessons, finds in git history the commit that
wrote it (one git log for the whole tree, following renames) and checks that:
  - the commit's author is the reviewer on record (with --signed, also the signer of a good
    signature), and that reviewer was on the role's reviewers list in the configuration as it
    was before that commit (adding yourself and approving in one commit does not count);
  - an approval's fingerprint matches the lesson as it is now (else it is stale).
With --require approved, every required role (always, or triggered by the lesson's claims)
must also be approved or waived. A sign-off that no commit wrote yet is reported.
Git runs with the repository's own programs (fsmonitor, hooks, drivers, pagers) turned off.

Options:
  --require approved         Also fail a required role that is not approved or waived
  --signed                   Also require a good GPG or SSH signature by the reviewer
  --base REF                 Only the lessons that differ from REF (a pull request's changes)
  --staged                   For a pre-commit hook: the lessons as staged; each sign-off the
                             commit adds or changes must be by whoever is committing
  --format text|json|sarif|github
                             Output format (default: text); github prints workflow annotations
  --config FILE              Use this configuration instead of the nearest .coursereview.json
  -h, --help                 Show this help

A shallow clone that lacks the history a sign-off needs is an error that says to fetch the
full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0).

Exit codes: 0 every sign-off verified (and, with --require approved, every required review
approved or waived), 1 problems found, 2 usage or configuration error, a lesson outside a git
repository, a missing --base, or a shallow clone without the history needed.
`;

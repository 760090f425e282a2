#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and opens the sample course (examples/) in VS Code
# (code-server, VS Code's own web build) with Course Review loaded. Then open the printed address.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --no-browser
npm run build --silent
echo
echo "The CLI on the same lessons:"
node dist/cli.js lint examples || true
echo
exec node scripts/open-examples.mjs "$@"

#!/usr/bin/env bash
# Everything `npm test` and `npm start` need on a fresh clone, each step only when missing:
# Debian packages (apt-get), the npm packages of package-lock.json (`npm ci` when node_modules is
# missing or was installed from another lock file or other patches), and code-server in .vscode-test/.
# Usage: scripts/setup.sh [--no-browser]   (npm start needs no Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh "$@"

stamp=node_modules/.course-review-lock
# The patches to dependencies (patches/, applied by npm ci's postinstall) count as part of the lock.
lock_hash="$(cat package-lock.json patches/*.patch | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

bash scripts/install-code-server.sh

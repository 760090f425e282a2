#!/usr/bin/env bash
# Installs code-server (VS Code's own server and web workbench, with the real Node
# extension host) into .vscode-test/ without reaching anything but the npm registry.
# Needs the Debian packages build-essential python3 pkg-config libkrb5-dev ripgrep.
set -euo pipefail

version="${CODE_SERVER_VERSION:-4.100.3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/.vscode-test/code-server-$version"

rg_bin="$dest/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
if [ -x "$dest/node_modules/.bin/code-server" ]; then
  [ -x "$rg_bin" ] || { mkdir -p "$(dirname "$rg_bin")" && cp "$(command -v rg)" "$rg_bin"; }
  exit 0
fi
echo "Installing code-server $version into $dest (about a minute)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work"

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds a
# tarball; fill the cache with Debian's rg for the exact version code-server pins.
(cd "$work" && npm pack --silent "code-server@$version" >/dev/null && tar xzf "code-server-$version.tgz")
rg_version="$(node -p "require('$work/package/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")"
(cd "$work" && npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null && mkdir rgpkg && tar xzf "vscode-ripgrep-$rg_version.tgz" -C rgpkg)
rg_tag="$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$work/rgpkg/package/lib/postinstall.js")"
arch="$(uname -m)"
mkdir -p "$work/vscode-ripgrep-cache-$rg_version" "$work/rgbin"
cp "$(command -v rg)" "$work/rgbin/rg"
tar czf "$work/vscode-ripgrep-cache-$rg_version/ripgrep-$rg_tag-$arch-unknown-linux-musl.tar.gz" -C "$work/rgbin" rg

# node-gyp would download Node's headers; point it at the ones installed with Node.
node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
for candidate in "$node_prefix" /usr /usr/local; do
  if [ -f "$candidate/include/node/node.h" ]; then export npm_config_nodedir="$candidate"; break; fi
done
export npm_config_yes=true npm_config_unsafe_perm=true

mkdir -p "$dest"
echo '{"private":true}' > "$dest/package.json"
npm install --prefix "$dest" --no-audit --no-fund --loglevel=error "code-server@$version"
# The postinstall can still leave bin/ empty (seen when npm took the packages from its cache):
# VS Code's search and file watching then fail with "spawn …/rg ENOENT". Use Debian's rg there too.
[ -x "$rg_bin" ] || { mkdir -p "$(dirname "$rg_bin")" && cp "$(command -v rg)" "$rg_bin"; }
echo "code-server $version installed in $dest"

#!/usr/bin/env bash
# Debian packages the offline VS Code needs: a toolchain for code-server's native modules, ripgrep
# for its search, and Chromium to drive the workbench in tests. Installs only what is missing.
set -euo pipefail

packages=(build-essential python3 pkg-config libkrb5-dev ripgrep)
if [ "${1:-}" != "--no-browser" ]; then packages+=(chromium); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Please install: ${missing[*]} (Debian/Ubuntu package names)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

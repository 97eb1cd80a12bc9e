#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for Switchboard: system packages, then
# npm packages from the lockfile. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  chromium            # end-to-end tests drive Debian's Chromium (never a downloaded browser)
  build-essential python3  # native modules (better-sqlite3, keytar) build from source
  libsecret-1-dev gnome-keyring dbus dbus-x11  # the OS keychain behind the SecretStore, and a session bus for its tests
)
missing=()
for p in "${packages[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Electron downloads its binary on first use, never at install time; where
# there is no internet the demo falls back to the browser host.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund --loglevel=error

#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME keyring:
# a real Secret Service for the keychain tests (tests/keychain), as on a Linux
# desktop. The keyring lives in a temporary folder with a random password, so
# it never touches (or needs) the user's own keyring and leaves nothing behind.
#
#   bash scripts/with-keyring.sh npx vitest run --project keychain
#
# Without dbus-run-session or gnome-keyring-daemon the command still runs, and
# the keychain tests skip with a message; under CI=true that is a failure.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh COMMAND [ARG...]" >&2
  exit 2
fi

if [ "${SWITCHBOARD_KEYRING:-}" = "inside" ]; then
  # Inside the session: start the keyring and unlock it; the password is read
  # from stdin so it never shows in a process list.
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    if [ "${CI:-}" = "true" ]; then
      echo "with-keyring: $tool is missing; bash scripts/setup.sh installs it (dbus, gnome-keyring)" >&2
      exit 1
    fi
    echo "with-keyring: $tool is missing, so the keychain tests will skip (bash scripts/setup.sh installs dbus and gnome-keyring)" >&2
    exec "$@"
  fi
done

home="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-keyring-XXXXXX")"
trap 'rm -rf "$home"' EXIT
# gnome-keyring keeps its keyrings under XDG_DATA_HOME and its control socket
# under XDG_RUNTIME_DIR: both point into the temporary folder.
mkdir -m 700 "$home/data" "$home/run"
status=0
XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run" SWITCHBOARD_KEYRING=inside \
  dbus-run-session -- bash "$0" "$@" || status=$?
exit "$status"

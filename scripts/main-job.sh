#!/usr/bin/env bash
# The main job on a fresh machine: install, build, start the dev environment, apply it, round-trip
# an event with the dev users' generated configs. Leaves the server running (stop it with the
# command printed at the end). Re-running is safe: `up` finds the running server, `apply` says
# "No changes.".
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE=profiles/dev.profile

echo "== setup"
scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

echo "== build"
swift build -c release --product hodei-provision
BIN="$(swift build -c release --show-bin-path)/hodei-provision"

echo "== up $PROFILE"
"$BIN" up "$PROFILE"

echo "== apply $PROFILE (already applied by up: expect \"No changes.\")"
"$BIN" apply "$PROFILE" --yes

echo "== demo $PROFILE --tenant dev"
"$BIN" demo "$PROFILE" --tenant dev

echo
echo "The dev server keeps running. Stop it with: $BIN down $PROFILE"
echo "(or: swift run hodei-provision down $PROFILE; add --purge to delete its data)"

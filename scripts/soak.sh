#!/usr/bin/env bash
# Longer fault soak than CI runs (see docs/operations.md "Soak"). Same tests, bigger numbers:
#   - consumer group under crashes with HODEI_SOAK_EVENTS events (default 100,000; CI: 20,000)
#   - the cluster fault, apply-crash and bad-input suites, repeated HODEI_SOAK_ROUNDS times (default 3)
# Each run starts its own loopback nats-servers (test.sh kills any left behind by pid).
# Usage: scripts/soak.sh            (about 10-20 minutes on 2 cores)
#        HODEI_SOAK_EVENTS=250000 HODEI_SOAK_ROUNDS=5 scripts/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."

export HODEI_SOAK_EVENTS="${HODEI_SOAK_EVENTS:-100000}"
rounds="${HODEI_SOAK_ROUNDS:-3}"

log="$(mktemp -t hodei-soak.XXXXXX)"
swift build --build-tests
for round in $(seq 1 "$rounds"); do
    echo "soak: round $round of $rounds (group events: $HODEI_SOAK_EVENTS), log $log"
    set +e
    scripts/test.sh --filter 'GroupCrash|FaultTests|CrashTests|BadInputTests' >"$log" 2>&1
    status=$?
    set -e
    grep -E 'figures|Test run with|failed' "$log" || true
    if [ "$status" -ne 0 ]; then
        echo "soak: round $round failed (exit $status); see $log" >&2
        exit 1
    fi
done
echo "soak: $rounds round(s) passed"

#!/usr/bin/env bash
# Compiles NATSClient with a small driver under AddressSanitizer (LeakSanitizer included) and runs
# connect/subscribe/request/JetStream/close cycles against a throwaway nats-server. Exit status is
# non-zero when LeakSanitizer reports a leak or ASan a memory error.
# (valgrind 3.19 cannot read Swift 6.3's DWARF 5 and crashes on libdispatch, hence ASan.)
set -euo pipefail
cd "$(dirname "$0")/.."
cycles="${1:-100}"
work="$(mktemp -d -t hodei-leak.XXXXXX)"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

swiftc -parse-as-library -sanitize=address -g -Onone -module-name LeakCheck \
    -I Sources/CNATS Sources/NATSClient/*.swift scripts/leak-check/main.swift \
    -lnats -lcrypto -o "$work/leak-check" 2>&1 | { grep -v "Cannot export local symbol" || true; }

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"${NATS_SERVER_BIN:-nats-server}" -a 127.0.0.1 -p "$port" -js -sd "$work/store" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "Server is ready" "$work/server.log" && break; sleep 0.1; done
grep -q "Server is ready" "$work/server.log" || { cat "$work/server.log"; exit 1; }

ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 "$work/leak-check" "nats://127.0.0.1:$port" "$cycles"

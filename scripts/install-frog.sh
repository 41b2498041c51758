#!/usr/bin/env bash
# Install the Dutch NLP from Debian if it is missing: Frog (frog + frogdata) and the FreeDict
# Dutch-English dictionary (dict-freedict-nld-eng, for translating Dutch event and group nouns).
# Without root (or sudo), say so and carry on: English still works, Dutch articles are skipped.
set -euo pipefail
packages="frog frogdata dict-freedict-nld-eng"
if command -v frog >/dev/null 2>&1 && [ -e /usr/share/dictd/freedict-nld-eng.index ]; then
    exit 0
fi
cmd="apt-get install -y $packages"
if [ "$(id -u)" = "0" ]; then
    echo "Installing Frog and the Dutch-English dictionary with apt..."
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $cmd -q >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Installing Frog and the Dutch-English dictionary with sudo apt..."
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    sudo DEBIAN_FRONTEND=noninteractive $cmd -q >/dev/null
else
    echo "warning: Frog is not installed and this is not root; Dutch articles will be skipped." >&2
    echo "         To enable Dutch, run: sudo $cmd" >&2
fi

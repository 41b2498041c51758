#!/usr/bin/env bash
# Install what kg needs from Debian, if it is missing:
# - Frog (frog + frogdata) and the FreeDict Dutch-English dictionary (dict-freedict-nld-eng,
#   for translating Dutch event and group nouns): the Dutch NLP;
# - Chromium: the tests drive the HTML view in a real headless browser (Playwright).
# Without root (or sudo), say so and carry on: English still works, Dutch articles are skipped,
# and the browser tests say how to install Chromium.
set -euo pipefail
missing=""
if ! command -v frog >/dev/null 2>&1 || [ ! -e /usr/share/dictd/freedict-nld-eng.index ]; then
    missing="$missing frog frogdata dict-freedict-nld-eng"
fi
if [ ! -x /usr/bin/chromium ]; then
    missing="$missing chromium"
fi
if [ -z "$missing" ]; then
    exit 0
fi
cmd="apt-get install -y$missing"
if [ "$(id -u)" = "0" ]; then
    echo "Installing with apt:$missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $cmd -q >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Installing with sudo apt:$missing"
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    sudo DEBIAN_FRONTEND=noninteractive $cmd -q >/dev/null
else
    echo "warning: not root, so these Debian packages are not installed:$missing" >&2
    echo "         Dutch needs Frog and the tests need Chromium; run: sudo $cmd" >&2
fi

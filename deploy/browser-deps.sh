#!/usr/bin/env bash
# Installs what the browser tests need — Debian's chromium, its chromedriver and a Chinese font (so screenshots show
# the consoles' text) — unless they are already there.
# Runs as root or through sudo; on a machine that has them all, it does nothing.
set -euo pipefail
has_chinese_font() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]
}
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && has_chinese_font; then
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "browser-deps: chromium and chromedriver are missing and this user cannot install packages;" >&2
    echo "install the Debian packages chromium, chromium-driver and fonts-wqy-microhei, then run the tests again." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-microhei >/dev/null
chromium --version

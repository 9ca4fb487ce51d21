#!/usr/bin/env bash
# Installs what the browser tests need — Debian's chromium and its chromedriver — unless they are already there.
# Runs as root or through sudo; on a machine that has both, it does nothing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "browser-deps: chromium and chromedriver are missing and this user cannot install packages;" >&2
    echo "install the Debian packages chromium and chromium-driver, then run the tests again." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
chromium --version

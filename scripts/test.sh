#!/usr/bin/env bash
# Install what the tests need and run them: Debian's chromium (browser test of the HTML view),
# raptor2-utils (rapper) and serdi (two independent Turtle parsers), a CJK font (screenshots),
# the Python test extras, then pytest. Safe to run again: installed packages are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
command -v serdi >/dev/null 2>&1 || need+=(serdi)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
python3 -m pip install -q -e '.[test]'
python3 -m pytest -q "$@"

#!/usr/bin/env bash
# The browser for the lab page's browser test (LabPageBrowserTest): Debian's chromium, and CJK fonts so Japanese and
# Korean render in it (and in its screenshots). Installs what is missing (root, apt); fast and silent when all is there.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/../lib/common.sh"

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
installed fonts-noto-cjk || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
[ -x /usr/bin/chromium ] || die "chromium was installed but /usr/bin/chromium is missing."

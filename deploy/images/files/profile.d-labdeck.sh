# shellcheck shell=sh
# The /etc/profile.d/labdeck.sh of labdeck/sandbox: login shells get the same environment as the image.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LANG="${LANG:-C.UTF-8}" TERM="${TERM:-xterm-256color}" EDITOR="${EDITOR:-nano}"

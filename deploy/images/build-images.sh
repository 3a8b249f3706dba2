#!/usr/bin/env bash
# Builds Labdeck's sandbox images from Debian packages alone (no registry needed): a root filesystem made on
# this machine, then `docker import`.
#   deploy/images/build-images.sh [tiny|sandbox|standins|all]     (default: all = tiny, sandbox, standins)
#
#   labdeck/sandbox-tiny  busybox-static, /bin/sh; builds in seconds
#   labdeck/sandbox       Debian minbase (debootstrap) with bash, python3, git, docker.io...; about a minute or two
#   standins              offline stand-ins for python, nginx, redis, alpine and hello-world, pushed into the local
#                         registry backend (started first: deploy/registry/); see standins.sh. About three minutes
#
# Each image is tagged :latest and :r-<recipe>, where <recipe> is the start of a sha256 over this script, the
# files under files/, the package list and the Debian suite. When labdeck/NAME:r-<recipe> exists already,
# the image is up to date and nothing is built (the stand-ins hash standins.sh and files/standins/ instead).
# Environment: LABDECK_DEBIAN_MIRROR (default: the one apt uses), LABDECK_DEBIAN_SUITE (default: bookworm).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/../lib/common.sh"
FILES=$HERE/files

SUITE=${LABDECK_DEBIAN_SUITE:-bookworm}
# What a learner finds in labdeck/sandbox, on top of Debian's minbase (C.UTF-8 is built into bookworm's libc).
SANDBOX_PACKAGES=(
  bash bash-completion coreutils procps less vim-tiny nano
  ca-certificates curl jq git xz-utils python3
  iproute2 iputils-ping netbase iptables docker.io
  rootlesskit slirp4netns uidmap
)
# The only setuid programs left in labdeck/sandbox: rootless Docker maps its user namespace's ids with them.
KEEP_SETUID=(newuidmap newgidmap)
IMAGE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
SUMMARY=()

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

# ---- helpers -----------------------------------------------------------------------------------------------

# recipe_hash NAME EXTRA... -> the sha256 of what makes up the image's recipe
recipe_hash() {
  local name=$1 f; shift
  {
    printf 'image %s suite %s\n' "$name" "$SUITE"
    printf '%s\n' "$@"
    cat "$HERE/build-images.sh"
    for f in "$FILES"/*; do [ -f "$f" ] || continue; printf '\n== %s\n' "${f##*/}"; cat "$f"; done
  } | sha256sum | cut -c1-64
}

# phase TEXT: one progress line with the seconds since this image's build began
phase() { say "  $IMAGE: $* [$(elapsed_since "$T_IMAGE") s]"; }

# up_to_date NAME TAG: if labdeck/NAME:TAG exists, point :latest at it and say so.
up_to_date() {
  local repo=labdeck/$1 id latest
  id=$(docker image inspect -f '{{.Id}}' "$repo:$2" 2>/dev/null) || return 1
  latest=$(docker image inspect -f '{{.Id}}' "$repo:latest" 2>/dev/null || true)
  [ "$id" = "$latest" ] || docker tag "$repo:$2" "$repo:latest"
  say "$repo is up to date ($repo:$2) [$(elapsed_since "$T_IMAGE") s]"
  SUMMARY+=("$1 up to date $(elapsed_since "$T_IMAGE") s")
}

# import_rootfs DIR NAME TAG CHANGE...: DIR as image labdeck/NAME, checked by verify_NAME, then tagged TAG and latest.
import_rootfs() {
  local dir=$1 name=$2 tag=$3 repo=labdeck/$2 tmp_tag; shift 3
  local changes=() c
  for c in "$@"; do changes+=(-c "$c"); done
  tmp_tag="$repo:building-$$"
  phase "importing $(du -sh --apparent-size "$dir" | cut -f1)B of files"
  tar --numeric-owner --one-file-system -C "$dir" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf - . |
    docker import "${changes[@]}" - "$tmp_tag" >/dev/null
  phase "verifying"
  if ! "verify_${name//-/_}" "$tmp_tag"; then
    docker rmi "$tmp_tag" >/dev/null 2>&1 || true
    die "$repo failed its check; nothing was tagged."
  fi
  docker tag "$tmp_tag" "$repo:$tag"
  docker tag "$tmp_tag" "$repo:latest"
  docker rmi "$tmp_tag" >/dev/null
  # Untag older recipes of this image (never forced: an image that a container still uses stays).
  local old
  for old in $(docker images --format '{{.Repository}}:{{.Tag}}' "$repo" | grep -F "$repo:r-" | grep -vxF "$repo:$tag" || true); do
    docker rmi "$old" >/dev/null 2>&1 || true
  done
  say "$repo built: $repo:$tag, $(docker image inspect -f '{{.Size}}' "$repo:$tag" | awk '{printf "%.0f MB", $1/1e6}') [$(elapsed_since "$T_IMAGE") s]"
  SUMMARY+=("$name built $(elapsed_since "$T_IMAGE") s")
}

# Common image settings: env, workdir, init, labels.
image_changes() { # NAME RECIPE SHELL
  printf '%s\n' \
    "ENV PATH=$IMAGE_PATH" 'ENV HOME=/root' 'ENV LANG=C.UTF-8' 'ENV TERM=xterm-256color' "ENV SHELL=$3" \
    'WORKDIR /root' 'CMD ["/usr/local/sbin/labdeck-init"]' \
    "LABEL io.labdeck.image=$1" "LABEL io.labdeck.recipe=$2" "LABEL io.labdeck.built=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}

# The Debian mirror apt uses for $SUITE (sources.list, then deb822 .sources), or deb.debian.org.
debian_mirror() {
  local m=""
  if [ -n "${LABDECK_DEBIAN_MIRROR:-}" ]; then printf '%s' "$LABDECK_DEBIAN_MIRROR"; return; fi
  [ -r /etc/apt/sources.list ] && m=$(awk -v s="$SUITE" '
    $1 == "deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                  if ($(i + 1) == s) { print $i; exit } }' /etc/apt/sources.list)
  if [ -z "$m" ] && compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
    m=$(awk -v s="$SUITE" '
      function flush() { if (!found && types ~ / deb( |$)/ && uris != "" && (suites " ") ~ (" " s " ")) { print uris; found = 1 }
                         types = ""; uris = ""; suites = "" }
      FNR == 1 { flush() }
      /^[ \t]*$/ { flush(); next }
      tolower($1) == "types:" { types = ""; for (i = 2; i <= NF; i++) types = types " " $i }
      tolower($1) == "uris:" { uris = $2 }
      tolower($1) == "suites:" { suites = ""; for (i = 2; i <= NF; i++) suites = suites " " $i }
      END { flush() }' /etc/apt/sources.list.d/*.sources)
  fi
  printf '%s' "${m:-http://deb.debian.org/debian}"
}

# Work in a temporary directory that goes away on any exit, after unmounting whatever debootstrap left mounted.
WORK=""
cleanup() {
  [ -n "$WORK" ] && [ -d "$WORK" ] || return 0
  local mnt
  for mnt in $(awk -v w="$WORK/" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r); do umount -l "$mnt" 2>/dev/null || true; done
  rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
new_workdir() { cleanup; WORK=$(mktemp -d "${TMPDIR:-/var/tmp}/labdeck-image.XXXXXX"); }

# build_static NAME OUT: one of Labdeck's sandbox programs (files/NAME.c) as a static binary, so it runs in busybox's
# image too: labdeck-agent (checks), labdeck-term (the shell's holder).
build_static() {
  if ! command -v gcc >/dev/null 2>&1 || ! compgen -G '/usr/lib/*/libc.a' >/dev/null; then
    apt_install gcc libc6-dev
  fi
  gcc -static -O2 -Wall -Werror -o "$2" "$FILES/$1.c"
  strip "$2"
}

# install_labdeck ROOT: what every sandbox image has of Labdeck's: PID 1, the exec agent, the shell's holder and
# labdeck-enter.
install_labdeck() {
  local root=$1 dir=$1/usr/local/libexec/labdeck
  install -d -m 755 "$dir"
  install -m 755 "$FILES/labdeck-init" "$root/usr/local/sbin/labdeck-init"
  install -m 755 "$FILES/labdeck-enter" "$dir/labdeck-enter"
  build_static labdeck-agent "$dir/labdeck-agent"
  build_static labdeck-term "$dir/labdeck-term"
}

# strip_setuid ROOT KEEP...: removes every setuid and setgid bit but those of the programs named KEEP.
strip_setuid() {
  local root=$1 f keep; shift
  while IFS= read -r -d '' f; do
    keep=
    for k in "$@"; do [ "${f##*/}" = "$k" ] && keep=1; done
    [ -n "$keep" ] || chmod ug-s "$f"
  done < <(find "$root" -xdev -type f -perm /6000 -print0)
}

# setuid_programs IMAGE: the setuid or setgid files in IMAGE, one path a line (what the sandbox's test lists too).
setuid_programs() {
  docker run --rm --entrypoint /bin/sh "$1" -c 'find / -xdev -type f -perm /6000 2>/dev/null' | sort
}

# ---- labdeck/sandbox-tiny ----------------------------------------------------------------------------------

static_busybox() {
  local bb
  bb=$(command -v busybox 2>/dev/null || true)
  # ldd fails on a static binary, saying so (pipefail: keep its status out of the test).
  if [ -z "$bb" ] || ! { LC_ALL=C ldd "$bb" 2>&1 || true; } | grep -qE 'not a dynamic|statically linked'; then
    apt_install busybox-static
    bb=$(command -v busybox)
  fi
  printf '%s' "$bb"
}

# busybox_root DIR BUSYBOX: a root with BUSYBOX, an applet link at each of its own paths (usr/bin/env, bin/sh,
# sbin/ip...; made in one pass), and the users root and nobody.
busybox_root() {
  local root=$1 bb=$2
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,usr/local/sbin,etc,root,tmp,proc,sys,dev,run,var/log,var/tmp,home}
  chmod 1777 "$root/tmp" "$root/var/tmp"; chmod 700 "$root/root"
  cp "$bb" "$root/bin/busybox"
  "$bb" --list-full | grep -vx bin/busybox | (cd "$root" && xargs -d '\n' -n 1000 sh -c 'for p; do ln -s /bin/busybox "$p"; done' sh)
  [ -L "$root/bin/sh" ] || ln -sf /bin/busybox "$root/bin/sh"
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >"$root/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$root/etc/group"
}

verify_sandbox_tiny() {
  local out suid
  out=$(docker run --rm "$1" sh -c 'echo ok; cd /usr/local/libexec/labdeck && test -x labdeck-agent && test -x labdeck-term && echo labdeck') || return 1
  [ "$out" = "ok
labdeck" ] || { say "  expected ok and labdeck's programs, got: $out"; return 1; }
  suid=$(setuid_programs "$1")
  [ -z "$suid" ] || { say "  setuid programs left: $suid"; return 1; }
}

build_tiny() {
  IMAGE=sandbox-tiny; T_IMAGE=$(now_ns)
  local bb version hash root
  bb=$(static_busybox)
  version=$(dpkg-query -W -f '${Version}' busybox-static 2>/dev/null || "$bb" | head -1)
  hash=$(recipe_hash "$IMAGE" "busybox $version")
  up_to_date "$IMAGE" "r-${hash:0:12}" && return 0
  phase "building from $bb ($version), recipe ${hash:0:12}"
  new_workdir; root=$WORK/rootfs
  busybox_root "$root" "$bb"
  install -m 644 "$FILES/profile-tiny" "$root/etc/profile"
  install_labdeck "$root"
  strip_setuid "$root"
  mapfile -t changes < <(image_changes "$IMAGE" "$hash" /bin/sh)
  import_rootfs "$root" "$IMAGE" "r-${hash:0:12}" "${changes[@]}" 'ENV ENV=/etc/profile'
  cleanup
}

# ---- labdeck/sandbox ---------------------------------------------------------------------------------------

verify_sandbox() {
  local suid want
  docker run --rm "$1" bash -c 'set -e; bash --version | head -1; python3 --version; docker --version
    rootlesskit --version; test -x /usr/local/sbin/labdeck-init; test -x /usr/local/libexec/labdeck/labdeck-agent
    test -x /usr/local/libexec/labdeck/labdeck-term
    test "$(stat -c %u /root)" = 1000; grep -qx "learner:100000:65536" /etc/subuid' |
    sed 's/^/    /' >&2
  [ "${PIPESTATUS[0]}" = 0 ] || return 1
  suid=$(setuid_programs "$1")
  want=$(printf '/usr/bin/%s\n' "${KEEP_SETUID[@]}" | sort)
  [ "$suid" = "$want" ] || { say "  setuid programs: $(echo $suid), expected only $(echo $want)"; return 1; }
}

# The rootless Docker mode: the user learner (uid 1000) with subordinate ids for the engine's user namespace, and
# what it must own. Inside that namespace the learner is root, and /root, owned by uid 1000, is theirs.
add_learner() {
  local r=$1
  chroot "$r" useradd --uid 1000 --user-group --create-home --shell /bin/bash learner
  echo 'learner:100000:65536' >"$r/etc/subuid"
  echo 'learner:100000:65536' >"$r/etc/subgid"
  install -d -o 1000 -g 1000 -m 700 "$r/run/user/1000"
  install -d -o 1000 -g 1000 -m 700 "$r/home/learner/.local" "$r/home/learner/.local/share" \
    "$r/home/learner/.local/share/docker"
  install -o 1000 -g 1000 -m 644 /dev/null "$r/var/log/dockerd.log"
  chown -R 1000:1000 "$r/root"
}

# Removes what a container does not need from a debootstrapped root: caches, docs, logs, host-specific files.
slim_rootfs() {
  local r=$1
  rm -rf "$r"/var/cache/apt/*.bin "$r"/var/cache/apt/archives/*.deb "$r"/var/cache/apt/archives/partial/* \
    "$r"/var/lib/apt/lists/* "$r"/var/cache/debconf/*-old "$r"/var/lib/dpkg/*-old \
    "$r"/usr/share/man/* "$r"/usr/share/info/* "$r"/usr/share/lintian "$r"/usr/share/locale/* "$r"/tmp/* "$r"/var/tmp/*
  find "$r/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$r/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$r/var/log" -type f -delete
  : >"$r/etc/machine-id"; : >"$r/etc/resolv.conf"; echo lab >"$r/etc/hostname"
  # Keep it that way when a learner installs packages (as Debian's slim images do).
  mkdir -p "$r/etc/dpkg/dpkg.cfg.d"
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' 'path-exclude /usr/share/locale/*' \
    >"$r/etc/dpkg/dpkg.cfg.d/labdeck-slim"
}

# debootstrap_root DIR PACKAGE...: Debian's minbase for $SUITE in DIR, with PACKAGE... (and what they depend on).
debootstrap_root() {
  local root=$1 mirror include; shift
  command -v debootstrap >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  export PATH="$PATH:/usr/sbin:/sbin"
  mirror=$(debian_mirror)
  include=$(IFS=,; printf '%s' "$*")
  phase "debootstrap $SUITE from $mirror"
  # Show debootstrap's stages, not its hundreds of lines; the whole log is shown if it fails.
  if ! debootstrap --variant=minbase --include="$include" "$SUITE" "$root" "$mirror" 2>&1 |
      tee "$root.debootstrap.log" |
      while IFS= read -r line; do
        case $line in
          "I: Retrieving Release "*|"I: Resolving dependencies of required"*|"I: Retrieving libacl1 "*|"I: Extracting "*|\
          "I: Installing core packages"*|"I: Unpacking required packages"*|"I: Configuring required packages"*|\
          "I: Unpacking the base system"*|"I: Configuring the base system"*|"I: Base system installed"*)
            case $line in "I: Extracting "*) [ -n "${extracting:-}" ] && continue; extracting=1; line="I: Extracting packages..." ;; esac
            case $line in "I: Retrieving libacl1 "*) line="I: Retrieving packages..." ;; esac
            phase "${line#I: }" ;;
        esac
      done; then
    tail -n 40 "$root.debootstrap.log" >&2
    die "debootstrap failed (see above)."
  fi
}

build_sandbox() {
  IMAGE=sandbox; T_IMAGE=$(now_ns)
  local hash root
  hash=$(recipe_hash "$IMAGE" "${SANDBOX_PACKAGES[@]}")
  up_to_date "$IMAGE" "r-${hash:0:12}" && return 0
  phase "building, recipe ${hash:0:12}"
  new_workdir; root=$WORK/rootfs
  debootstrap_root "$root" "${SANDBOX_PACKAGES[@]}"
  phase "configuring"
  install_labdeck "$root"
  install -m 644 "$FILES/bashrc" "$root/root/.bashrc"
  install -m 644 "$FILES/profile.d-labdeck.sh" "$root/etc/profile.d/labdeck.sh"
  # The inner dockerd sets up its chains about 100 ms faster with iptables-legacy than with the nft backend, and
  # that is on the path of every session start (the sandbox is its own network namespace: the host is not touched).
  chroot "$root" update-alternatives --quiet --set iptables /usr/sbin/iptables-legacy
  chroot "$root" update-alternatives --quiet --set ip6tables /usr/sbin/ip6tables-legacy
  [ -e "$root/root/.profile" ] || install -m 644 "$root/usr/share/base-files/dot.profile" "$root/root/.profile" 2>/dev/null || true
  slim_rootfs "$root"
  add_learner "$root"
  strip_setuid "$root" "${KEEP_SETUID[@]}"
  mapfile -t changes < <(image_changes "$IMAGE" "$hash" /bin/bash)
  import_rootfs "$root" "$IMAGE" "r-${hash:0:12}" "${changes[@]}"
  cleanup
}

# ---- main --------------------------------------------------------------------------------------------------

# The offline stand-ins for Docker Hub's python, nginx, redis, alpine and hello-world: build_standins.
. "$HERE/standins.sh"

what=${1:-all}
case "$what" in tiny|sandbox|standins|all) ;; -h|--help) usage ;; *) usage ;; esac
engine_answers || die "No Docker engine answers at $(engine_host); run deploy/engine/ensure-engine.sh first."
T_ALL=$(now_ns)
# One build at a time on this machine (another developer, or a second checkout, may be building too).
exec 9>/run/labdeck-build-images.lock
flock -n 9 || { say "Another build of Labdeck's images is running; waiting for it..."; flock 9; }
case "$what" in
  tiny) build_tiny ;;
  sandbox) build_sandbox ;;
  standins) build_standins ;;
  all) build_tiny; build_sandbox; build_standins ;;
esac
say "Images ready in $(elapsed_since "$T_ALL") s: $(IFS=,; printf '%s' "${SUMMARY[*]}" | sed 's/,/, /g')"

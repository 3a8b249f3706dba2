# shellcheck shell=bash
# Labdeck's offline stand-ins for the Docker Hub images that Docker lessons pull. Sourced by build-images.sh
# (`deploy/images/build-images.sh standins`, part of `all`), which provides the helpers used here.
#
# THESE ARE STAND-INS, NOT THE REAL IMAGES. This machine reaches no container registry, so Labdeck builds look-alikes
# from Debian packages and pushes them into its own registry backend (deploy/registry/, 127.0.0.1:5001) as
# library/NAME:TAG. A sandbox's inner Docker engine uses that registry as its mirror of Docker Hub, so
# `docker pull python` or `FROM python:3.8-alpine` gets them:
#   python:latest, :3.8-alpine, :3.6.1-alpine, :2.7-slim   one image: Debian bookworm, Python 3.11, pip, Flask, redis-py
#   nginx:latest         Debian's nginx-light serving /usr/share/nginx/html on port 80, logging to stdout/stderr
#   redis:latest         Debian's redis-server on port 6379, protected mode off
#   alpine:latest        busybox only (not Alpine Linux); its apk says that it cannot install anything
#   hello-world:latest   busybox and a script that prints a greeting
# Each carries the labels io.labdeck.standin=true and org.opencontainers.image.description, saying what it really is.
# They do what the bundled lessons need, no more: versions differ from the tags' and nothing can be installed in
# them. An online deployment should not use them: point the registry mirror at Docker Hub as a pull-through cache
# instead (a registry with `proxy: remoteurl: https://registry-1.docker.io`), and learners get the real images.
#
# Layers: python, nginx and redis share one base layer (debootstrap minbase with ca-certificates and curl) and add
# one layer each, so a lab that pulls all three fetches the base once, and a Flask lab's python carries neither
# nginx nor redis. The images are put together here (layer tars, an image config, `docker load`), not by
# `docker build`, whose RUN steps would have no network to install packages with.
#
# Recipes: labdeck/standin-NAME:r-<recipe> marks a built image (<recipe>: the start of a sha256 over this file,
# files/standins/, the helpers it uses, the package lists and the suite; the base's covers only what makes it).
# An unchanged recipe is not rebuilt (it is pulled back from the registry if the engine lost it), and a tag that
# the registry already has with the same image (its manifest's config digest is the image's id) is not pushed again.

STANDIN_FILES=$FILES/standins
STANDIN_BASE_PACKAGES=(ca-certificates curl)
STANDIN_PYTHON_PACKAGES=(python3 python3-pip python3-flask python3-redis)
STANDIN_NGINX_PACKAGES=(nginx-light)
STANDIN_REDIS_PACKAGES=(redis-server)
STANDIN_PYTHON_TAGS=(latest 3.8-alpine 3.6.1-alpine 2.7-slim)
STANDIN_IMAGES=(python nginx redis alpine hello-world)
STANDIN_ENV_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
STANDIN_ARCH=$(dpkg --print-architecture)   # Debian's names for amd64 and arm64 are Docker's too

standin_tags() { case $1 in python) printf '%s\n' "${STANDIN_PYTHON_TAGS[@]}" ;; *) echo latest ;; esac; }
standin_registry() { printf '127.0.0.1:%s' "$(registry_port)"; }

# standin_hash NAME EXTRA... -> the sha256 of what makes up that stand-in's recipe
standin_hash() {
  local name=$1 f; shift
  {
    printf 'standin %s suite %s arch %s\n' "$name" "$SUITE" "$STANDIN_ARCH"
    printf '%s\n' "$@"
    cat "$HERE/standins.sh"
    declare -f slim_rootfs debootstrap_root static_busybox
    for f in "$STANDIN_FILES"/*; do [ -f "$f" ] || continue; printf '\n== %s\n' "${f##*/}"; cat "$f"; done
  } | sha256sum | cut -c1-64
}

# standin_base_hash -> the recipe of the Debian base layer alone: its packages and the functions that make its
# files, so that changing something else here does not cost a debootstrap.
standin_base_hash() {
  {
    printf 'standin base suite %s arch %s\n' "$SUITE" "$STANDIN_ARCH"
    printf '%s\n' "${STANDIN_BASE_PACKAGES[@]}"
    declare -f debootstrap_root slim_rootfs layer_of_root standin_base_root
  } | sha256sum | cut -c1-64
}

# upstream_version DEBIAN_VERSION -> 7.0.15 for 5:7.0.15-1~deb12u7, 23.0.1 for 23.0.1+dfsg-1
upstream_version() { local v=${1#*:}; v=${v%%-*}; v=${v%%+dfsg*}; printf '%s' "${v%%+ds*}"; }
# pkg_version ROOT PACKAGE -> the upstream version of PACKAGE as installed in ROOT
pkg_version() { upstream_version "$(dpkg-query --admindir="$1/var/lib/dpkg" -W -f '${Version}' "$2")"; }

json_str() { local s=$1; s=${s//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
json_list() { local out="" x; for x; do out+="${out:+,}$(json_str "$x")"; done; printf '[%s]' "$out"; }

# registry_manifest REPO TAG: sets MANIFEST to REPO:TAG's image manifest (schema 2) in the backend, without
# blanks (empty if it has none), MANIFEST_CONFIG to its config digest (the image's id) and MANIFEST_BYTES to what a
# pull transfers (config and compressed layers).
MANIFEST="" MANIFEST_CONFIG="" MANIFEST_BYTES=0
registry_manifest() {
  local rest
  MANIFEST=$(curl -sf --max-time 10 -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "$(registry_url)/v2/$1/manifests/$2" 2>/dev/null | tr -d ' \n\t\r') || MANIFEST=""
  MANIFEST_CONFIG="" MANIFEST_BYTES=0
  [[ $MANIFEST =~ \"config\":\{[^}]*\"digest\":\"(sha256:[0-9a-f]+)\" ]] && MANIFEST_CONFIG=${BASH_REMATCH[1]}
  rest=$MANIFEST
  while [[ $rest =~ \"size\":([0-9]+)(.*)$ ]]; do MANIFEST_BYTES=$((MANIFEST_BYTES + BASH_REMATCH[1])); rest=${BASH_REMATCH[2]}; done
}

# The engine's tagged images (REPOSITORY:TAG -> id), read once: `docker image inspect` costs a tenth of a second.
declare -A STANDIN_IDS=()
standin_read_ids() {
  local ref id
  STANDIN_IDS=()
  while read -r ref id; do STANDIN_IDS[$ref]=$id; done < <(docker images --no-trunc --format '{{.Repository}}:{{.Tag}} {{.ID}}')
}
# standin_tag REF NEW_REF: docker tag, keeping STANDIN_IDS up to date.
standin_tag() { docker tag "$1" "$2"; STANDIN_IDS[$2]=$(docker image inspect -f '{{.Id}}' "$2"); }

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }

# ---- putting an image together -----------------------------------------------------------------------------

# layer_of_root DIR OUT: all of DIR (less dev, proc and sys contents) as a layer tar, like import_rootfs sends it.
layer_of_root() {
  tar --numeric-owner --one-file-system -C "$1" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf "$2" .
}

# The image that standin_load makes: its layers (tar files) with one history line each, and its settings.
L_LAYERS=() L_HISTORY=() L_ENV=() L_CMD='' L_EXPOSE=() L_WORKDIR=/ L_STOPSIGNAL='' L_LABELS=()
standin_reset() { L_LAYERS=(); L_HISTORY=(); L_ENV=("PATH=$STANDIN_ENV_PATH"); L_CMD=''; L_EXPOSE=(); L_WORKDIR=/; L_STOPSIGNAL=''; L_LABELS=(); }

declare -A STANDIN_DIFF_IDS=()
diff_id() { [ -n "${STANDIN_DIFF_IDS[$1]:-}" ] || STANDIN_DIFF_IDS[$1]=$(sha256sum "$1" | cut -c1-64); printf '%s' "${STANDIN_DIFF_IDS[$1]}"; }

# standin_load REF: loads the image described by the L_ variables into the engine as REF (the archive format of
# `docker save`: manifest.json, the config, one folder per layer).
standin_load() {
  local ref=$1 dir=$WORK/load created i id diffs=() layers=() history="" labels="" ports="" x config hex
  rm -rf "$dir"; mkdir -p "$dir"
  created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  for i in "${!L_LAYERS[@]}"; do
    id=$(diff_id "${L_LAYERS[$i]}")
    mkdir -p "$dir/$id"
    ln "${L_LAYERS[$i]}" "$dir/$id/layer.tar" 2>/dev/null || cp "${L_LAYERS[$i]}" "$dir/$id/layer.tar"
    diffs+=("sha256:$id"); layers+=("$id/layer.tar")
    history+="${history:+,}{\"created\":\"$created\",\"created_by\":$(json_str "${L_HISTORY[$i]}")}"
  done
  for x in "${L_LABELS[@]}"; do labels+="${labels:+,}$(json_str "${x%%=*}"):$(json_str "${x#*=}")"; done
  for x in "${L_EXPOSE[@]}"; do ports+="${ports:+,}$(json_str "$x"):{}"; done
  config="{\"architecture\":$(json_str "$STANDIN_ARCH"),\"os\":\"linux\",\"created\":\"$created\""
  config+=",\"config\":{\"Env\":$(json_list "${L_ENV[@]}"),\"Cmd\":$L_CMD,\"WorkingDir\":$(json_str "$L_WORKDIR")"
  [ -z "$ports" ] || config+=",\"ExposedPorts\":{$ports}"
  [ -z "$L_STOPSIGNAL" ] || config+=",\"StopSignal\":$(json_str "$L_STOPSIGNAL")"
  config+=",\"Labels\":{$labels}}"
  config+=",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":$(json_list "${diffs[@]}")},\"history\":[$history]}"
  printf '%s' "$config" >"$dir/config.json"
  hex=$(sha256sum "$dir/config.json" | cut -c1-64)
  mv "$dir/config.json" "$dir/$hex.json"
  printf '[{"Config":"%s.json","RepoTags":[%s],"Layers":%s}]' "$hex" "$(json_str "$ref")" "$(json_list "${layers[@]}")" >"$dir/manifest.json"
  tar -C "$dir" -cf - . | docker load -q >/dev/null || die "docker load of $ref failed."
  rm -rf "$dir"
}

# standin_prune REPO TAG: of REPO's recipe tags other than TAG, the newest stays (a second checkout of another
# version, building too, must not rebuild each time this one has); the rest are untagged (never forced: an image
# that a container still uses stays).
standin_prune() {
  local repo=$1 tag=$2 old
  for old in $(docker images --format '{{.CreatedAt}}|{{.Repository}}:{{.Tag}}' "$repo" | sort -r | cut -d'|' -f2 |
      grep -F "$repo:r-" | grep -vxF "$repo:$tag" | tail -n +2 || true); do
    docker rmi "$old" >/dev/null 2>&1 || true
  done
}

# standin_finish NAME REF_BUILT RECIPE_TAG: verify_standin_NAME, then tag labdeck/standin-NAME:RECIPE_TAG.
standin_finish() {
  local name=$1 built=$2 tag=$3 repo=labdeck/standin-$1 old
  phase "verifying"
  if ! "verify_standin_${name//-/_}" "$built"; then
    docker rmi "$built" >/dev/null 2>&1 || true
    die "The stand-in $name failed its check; nothing was tagged or pushed."
  fi
  standin_tag "$built" "$repo:$tag"
  docker rmi "$built" >/dev/null
  standin_prune "$repo" "$tag"
}

# ---- the Debian base and the layers on it ------------------------------------------------------------------

# Mounts what apt and maintainer scripts need in ROOT (proc, dev, the host's resolver files) and stops them from
# starting services; standin_chroot_end undoes all of it, leaving no trace in ROOT.
STANDIN_CHROOT_MADE=()
standin_chroot_begin() {
  local root=$1 f
  STANDIN_CHROOT_MADE=()
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  for f in resolv.conf hosts; do
    [ -e "$root/etc/$f" ] || { : >"$root/etc/$f"; STANDIN_CHROOT_MADE+=("/etc/$f"); }
    mount --bind "/etc/$f" "$root/etc/$f"
  done
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"; chmod 755 "$root/usr/sbin/policy-rc.d"
  STANDIN_CHROOT_MADE+=(/usr/sbin/policy-rc.d)
}
standin_chroot_end() {
  local root=$1 m f
  for m in etc/hosts etc/resolv.conf dev proc; do umount "$root/$m" 2>/dev/null || umount -l "$root/$m" 2>/dev/null || true; done
  for f in "${STANDIN_CHROOT_MADE[@]}"; do rm -f "$root$f"; done
  STANDIN_CHROOT_MADE=()
}

# standin_apt ROOT PACKAGE...: installs PACKAGE... (no recommends) in ROOT with its own apt, from the suite's mirror.
standin_apt() {
  local root=$1 log=$WORK/apt.log; shift
  standin_chroot_begin "$root"
  if ! chroot "$root" /usr/bin/env -i PATH="$STANDIN_ENV_PATH" HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
      sh -c 'set -e
             o="-q -o Acquire::Check-Valid-Until=false -o Acquire::Check-Date=false -o Dpkg::Use-Pty=0"
             apt-get $o update
             apt-get $o install -y --no-install-recommends "$@"' sh "$@" >"$log" 2>&1; then
    standin_chroot_end "$root"
    tail -n 30 "$log" >&2
    die "apt-get install $* failed in the stand-in's root (see above)."
  fi
  standin_chroot_end "$root"
}

# standin_base_root DIR: the files of the base layer (what standin_base_hash covers).
standin_base_root() {
  debootstrap_root "$1" "${STANDIN_BASE_PACKAGES[@]}"
  slim_rootfs "$1"
}

# The base layer: a tar in $WORK, from labdeck/standin-base:r-<recipe> when the engine has it, else built.
STANDIN_BASE_TAR=""
standin_base_layer() {
  local ref=labdeck/standin-base:r-${STANDIN_BASE_HASH:0:12} out=$WORK/base root layer
  [ -n "$STANDIN_BASE_TAR" ] && [ -f "$STANDIN_BASE_TAR" ] && return 0
  rm -rf "$out"; mkdir -p "$out"
  if docker image inspect "$ref" >/dev/null 2>&1; then
    phase "base layer from $ref"
    docker save "$ref" | tar -C "$out" -xf -
    layer=$(tr -d ' \n' <"$out/manifest.json" | sed -n 's/.*"Layers":\["\([^"]*\)".*/\1/p')
    [ -n "$layer" ] && [ -f "$out/$layer" ] || die "Could not read the layer of $ref (docker save)."
    STANDIN_BASE_TAR=$out/$layer
    return 0
  fi
  phase "base: Debian $SUITE minbase with ${STANDIN_BASE_PACKAGES[*]}"
  root=$WORK/base-root
  standin_base_root "$root"
  layer_of_root "$root" "$out/layer.tar"
  rm -rf --one-file-system "$root"
  STANDIN_BASE_TAR=$out/layer.tar
  standin_reset
  L_LAYERS=("$STANDIN_BASE_TAR")
  L_HISTORY=("labdeck: debootstrap --variant=minbase --include=$(IFS=,; printf '%s' "${STANDIN_BASE_PACKAGES[*]}") $SUITE")
  L_ENV+=(LANG=C.UTF-8); L_CMD='["bash"]'
  L_LABELS=(io.labdeck.standin=true io.labdeck.recipe="$STANDIN_BASE_HASH"
    "org.opencontainers.image.description=Base of Labdeck's offline stand-ins: Debian $SUITE minbase with ${STANDIN_BASE_PACKAGES[*]}")
  standin_load "$ref-building"
  if ! docker run --rm --network none "$ref-building" curl --version >/dev/null; then
    docker rmi "$ref-building" >/dev/null 2>&1 || true
    die "The stand-ins' base does not run curl; nothing was tagged."
  fi
  docker tag "$ref-building" "$ref"; docker rmi "$ref-building" >/dev/null
  standin_prune labdeck/standin-base "r-${STANDIN_BASE_HASH:0:12}"
  phase "base ready: $ref ($(mb "$(docker image inspect -f '{{.Size}}' "$ref")"))"
}

# standin_layer NAME SETUP PACKAGE...: the base with PACKAGE... installed and `SETUP ROOT` run, made into the layer
# $WORK/NAME.tar holding only what changed: new and changed files, and a whiteout (.wh.NAME) for each removed path.
standin_layer() {
  local name=$1 setup=$2 root=$WORK/$1-root d=$WORK/$1-diff p a b; shift 2
  standin_base_layer
  rm -rf "$root" "$d"; mkdir -p "$root" "$d/orig" "$d/wh"
  tar --numeric-owner -C "$root" -xpf "$STANDIN_BASE_TAR"
  standin_list "$root" >"$d/before"
  touch "$d/stamp"; sleep 0.05   # everything changed from here on has a later ctime than the stamp
  phase "apt-get install $*"
  standin_apt "$root" "$@"
  phase "configuring"
  "$setup" "$root"
  slim_rootfs "$root"
  phase "making its layer"
  standin_list "$root" >"$d/after"
  standin_list "$root" -cnewer "$d/stamp" >"$d/changed"
  # Changed files that the base has just the same (type, owner, mode, content) are no change: leave them out.
  standin_list "$root" -cnewer "$d/stamp" ! -type d >"$d/changed-files"
  LC_ALL=C comm -z -12 "$d/changed-files" "$d/before" >"$d/both"
  if [ -s "$d/both" ]; then
    tar --numeric-owner -C "$d/orig" -xpf "$STANDIN_BASE_TAR" --null -T "$d/both" 2>/dev/null || true
    while IFS= read -r -d '' p; do
      a=$root/$p b=$d/orig/$p
      if [ -L "$a" ] && [ -L "$b" ]; then
        [ "$(readlink "$a")" = "$(readlink "$b")" ] || continue
      elif [ -f "$a" ] && [ ! -L "$a" ] && [ -f "$b" ] && [ ! -L "$b" ]; then
        [ "$(stat -c '%a %u %g' "$a")" = "$(stat -c '%a %u %g' "$b")" ] && cmp -s "$a" "$b" || continue
      else
        continue
      fi
      printf '%s\0' "$p"
    done <"$d/both" >"$d/same"
    LC_ALL=C comm -z -23 "$d/changed" "$d/same" >"$d/keep"
  else
    cp "$d/changed" "$d/keep"
  fi
  tar --numeric-owner --no-recursion -C "$root" --null -T "$d/keep" -cf "$WORK/$name.tar"
  # Whiteouts for removed paths, the topmost only (whatever was below a removed folder goes with it).
  local -A gone=()
  while IFS= read -r -d '' p; do gone[$p]=1; done < <(LC_ALL=C comm -z -23 "$d/before" "$d/after")
  for p in "${!gone[@]}"; do
    a=${p%/*}
    while [ "$a" != . ] && [ -z "${gone[$a]:-}" ]; do a=${a%/*}; done
    [ "$a" = . ] || continue
    mkdir -p "$d/wh/${p%/*}"; : >"$d/wh/${p%/*}/.wh.${p##*/}"
    printf '%s\0' "${p%/*}/.wh.${p##*/}"
  done >"$d/whiteouts"
  [ ! -s "$d/whiteouts" ] || tar --numeric-owner --owner=0 --group=0 --no-recursion -C "$d/wh" --null -T "$d/whiteouts" -rf "$WORK/$name.tar"
  phase "layer: $(tr -cd '\0' <"$d/keep" | wc -c) paths, $(tr -cd '\0' <"$d/whiteouts" | wc -c) removed, $(mb "$(stat -c %s "$WORK/$name.tar")")"
  rm -rf --one-file-system "$root" "$d"
}

# standin_list ROOT [FIND-TEST...]: ROOT's paths (./...), NUL-separated and sorted, leaving out dev, proc and sys.
standin_list() {
  local root=$1; shift
  (cd "$root" && find . -mindepth 1 \( -path ./dev -o -path ./proc -o -path ./sys \) -prune -o "$@" -print0) | LC_ALL=C sort -z
}

# The settings every Debian-based stand-in shares; NAME and what it says it is.
standin_debian_image() { # NAME LAYER_HISTORY DESCRIPTION RECIPE
  standin_reset
  L_LAYERS=("$STANDIN_BASE_TAR" "$WORK/$1.tar")
  L_HISTORY=("labdeck: debootstrap --variant=minbase --include=$(IFS=,; printf '%s' "${STANDIN_BASE_PACKAGES[*]}") $SUITE" "$2")
  L_ENV+=(LANG=C.UTF-8)
  L_LABELS=(io.labdeck.standin=true "io.labdeck.recipe=$4" "org.opencontainers.image.description=$3")
}

# ---- python ------------------------------------------------------------------------------------------------

STANDIN_PYTHON_DESCRIPTION=""
setup_standin_python() {
  local r=$1
  # pip may install beside Debian's packages (as in the python image), and `python`/`pip` are there.
  rm -f "$r"/usr/lib/python3*/EXTERNALLY-MANAGED
  ln -sf /usr/bin/python3 "$r/usr/local/bin/python"
  ln -sf /usr/bin/pip3 "$r/usr/local/bin/pip"
  # No compiled bytecode, as in the python image: a third of the layer; Python writes what it needs when it runs.
  find "$r/usr" -xdev -type d -name __pycache__ -prune -exec rm -rf {} +
  STANDIN_PYTHON_DESCRIPTION="Labdeck offline stand-in for python (tags $(printf '%s, ' "${STANDIN_PYTHON_TAGS[@]}" | sed 's/, $//')): Debian $SUITE, Python $(pkg_version "$r" python3) with pip $(pkg_version "$r" python3-pip), Flask $(pkg_version "$r" python3-flask) and redis-py $(pkg_version "$r" python3-redis) preinstalled; not the Docker Hub image, nothing can be downloaded"
}

build_standin_python() { # REF RECIPE
  standin_layer python setup_standin_python "${STANDIN_PYTHON_PACKAGES[@]}"
  standin_debian_image python "labdeck: apt-get install ${STANDIN_PYTHON_PACKAGES[*]}; python, pip in /usr/local/bin" \
    "$STANDIN_PYTHON_DESCRIPTION" "$2"
  L_ENV+=(PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore PYTHONUNBUFFERED=1)
  L_CMD='["python3"]'
  standin_load "$1"
}

verify_standin_python() {
  local out
  # Offline, as in a sandbox: what the lessons install must be there already.
  out=$(docker run --rm --network none "$1" sh -c 'set -e
    python -c "import sys, flask, redis; print(\"Python\", sys.version.split()[0], \"Flask\", flask.__version__, \"redis-py\", redis.__version__)"
    cd /tmp && printf "Flask\nRedis\n" >requirements.txt
    pip install flask
    pip install -r requirements.txt
    pip install --trusted-host pypi.python.org -r requirements.txt' 2>&1) || { printf '%s\n' "$out" | sed 's/^/    /' >&2; return 1; }
  printf '%s\n' "$out" | sed -n '1p' | sed 's/^/    /' >&2
  if ! grep -q '^Requirement already satisfied: flask ' <<<"$out" ||
     ! grep -qi '^Requirement already satisfied: redis ' <<<"$out"; then
    printf '%s\n' "$out" | sed 's/^/    /' >&2
    say "    pip did not say \"Requirement already satisfied\" for flask and redis"
    return 1
  fi
  say "    pip install flask / -r requirements.txt (Flask, Redis) offline: already satisfied"
}

# ---- nginx -------------------------------------------------------------------------------------------------

STANDIN_NGINX_DESCRIPTION=""
setup_standin_nginx() {
  local r=$1
  # Laid out like the nginx image: the site in /usr/share/nginx/html, logs to the container's stdout and stderr.
  rm -f "$r/etc/nginx/sites-enabled/default"
  install -m 644 "$STANDIN_FILES/nginx-default.conf" "$r/etc/nginx/conf.d/default.conf"
  mkdir -p "$r/usr/share/nginx/html"
  install -m 644 "$STANDIN_FILES/nginx-index.html" "$r/usr/share/nginx/html/index.html"
  install -m 644 "$STANDIN_FILES/nginx-50x.html" "$r/usr/share/nginx/html/50x.html"
  ln -sf /dev/stdout "$r/var/log/nginx/access.log"
  ln -sf /dev/stderr "$r/var/log/nginx/error.log"
  STANDIN_NGINX_DESCRIPTION="Labdeck offline stand-in for nginx:latest: Debian $SUITE, nginx-light $(pkg_version "$r" nginx-light) serving /usr/share/nginx/html on port 80; not the Docker Hub image"
}

build_standin_nginx() { # REF RECIPE
  standin_layer nginx setup_standin_nginx "${STANDIN_NGINX_PACKAGES[@]}"
  standin_debian_image nginx "labdeck: apt-get install ${STANDIN_NGINX_PACKAGES[*]}; site in /usr/share/nginx/html" \
    "$STANDIN_NGINX_DESCRIPTION" "$2"
  L_CMD='["nginx","-g","daemon off;"]'; L_EXPOSE=(80/tcp); L_STOPSIGNAL=SIGQUIT
  standin_load "$1"
}

verify_standin_nginx() {
  local cid page="" logs i ok=0
  cid=$(docker run -d --network none "$1") || return 1
  for i in $(seq 1 50); do
    page=$(docker exec "$cid" curl -sf --max-time 2 http://127.0.0.1/ 2>/dev/null) && break
    sleep 0.1
  done
  logs=$(docker logs "$cid" 2>&1)
  if grep -q "Labdeck's offline stand-in" <<<"$page" && grep -q '"GET / HTTP/1.1" 200' <<<"$logs"; then
    say "    $(docker exec "$cid" nginx -v 2>&1) answers on port 80 and logs to stdout"
    ok=1
  else
    say "    nginx did not serve its page (or did not log it); its output:"
    tail -n 10 <<<"$logs" | sed 's/^/    /' >&2
  fi
  docker rm -f "$cid" >/dev/null
  [ "$ok" = 1 ]
}

# ---- redis -------------------------------------------------------------------------------------------------

STANDIN_REDIS_DESCRIPTION=""
setup_standin_redis() {
  local r=$1
  mkdir -p "$r/data"   # the redis image's working directory
  STANDIN_REDIS_DESCRIPTION="Labdeck offline stand-in for redis:latest: Debian $SUITE, redis-server $(pkg_version "$r" redis-server) on port 6379 with protected mode off; not the Docker Hub image"
}

build_standin_redis() { # REF RECIPE
  standin_layer redis setup_standin_redis "${STANDIN_REDIS_PACKAGES[@]}"
  standin_debian_image redis "labdeck: apt-get install ${STANDIN_REDIS_PACKAGES[*]}" "$STANDIN_REDIS_DESCRIPTION" "$2"
  L_CMD='["redis-server","--protected-mode","no"]'; L_EXPOSE=(6379/tcp); L_WORKDIR=/data
  standin_load "$1"
}

verify_standin_redis() {
  local cid version pong="" i
  version=$(docker run --rm --network none "$1" redis-server --version) || return 1
  say "    $version"
  cid=$(docker run -d --network none "$1") || return 1
  for i in $(seq 1 50); do
    pong=$(docker exec "$cid" redis-cli ping 2>/dev/null) && [ "$pong" = PONG ] && break
    sleep 0.1
  done
  docker rm -f "$cid" >/dev/null
  [ "$pong" = PONG ] || { say "    redis-cli ping got: $pong"; return 1; }
}

# ---- alpine and hello-world (busybox) ----------------------------------------------------------------------

STANDIN_BUSYBOX_VERSION=""
busybox_version() {
  local bb
  if [ -z "$STANDIN_BUSYBOX_VERSION" ]; then
    bb=$(static_busybox)
    STANDIN_BUSYBOX_VERSION=$(dpkg-query -W -f '${Version}' busybox-static 2>/dev/null || "$bb" | sed -n 1p)
  fi
  printf '%s' "$STANDIN_BUSYBOX_VERSION"
}

build_standin_alpine() { # REF RECIPE
  local root=$WORK/alpine-root bb version
  bb=$(static_busybox); version=$(upstream_version "$(busybox_version)")
  rm -rf "$root"; busybox_root "$root" "$bb"   # build-images.sh
  rm -f "$root/sbin/apk"; install -m 755 "$STANDIN_FILES/apk" "$root/sbin/apk"
  cat >"$root/etc/os-release" <<EOF
NAME="Labdeck stand-in for alpine"
ID=labdeck-standin
ID_LIKE=alpine
VERSION_ID=$version
PRETTY_NAME="Labdeck offline stand-in for alpine (busybox $version, not Alpine Linux)"
EOF
  layer_of_root "$root" "$WORK/alpine.tar"
  rm -rf "$root"
  standin_reset
  L_LAYERS=("$WORK/alpine.tar"); L_HISTORY=("labdeck: busybox-static $version, /sbin/apk that explains it cannot install")
  L_CMD='["/bin/sh"]'
  L_LABELS=(io.labdeck.standin=true "io.labdeck.recipe=$2"
    "org.opencontainers.image.description=Labdeck offline stand-in for alpine:latest: busybox $version only, not Alpine Linux; apk cannot install anything")
  standin_load "$1"
}

verify_standin_alpine() {
  local out
  out=$(docker run --rm --network none "$1" sh -c '. /etc/os-release && echo "$PRETTY_NAME"') || return 1
  say "    $out"
  if out=$(docker run --rm --network none "$1" apk add curl 2>&1); then
    say "    apk add succeeded, it should not"; return 1
  fi
  grep -q "no package can be installed" <<<"$out" || { say "    apk said: $out"; return 1; }
  say "    apk add fails, saying why"
}

build_standin_hello_world() { # REF RECIPE
  local root=$WORK/hello-root bb version
  bb=$(static_busybox); version=$(upstream_version "$(busybox_version)")
  rm -rf "$root"; mkdir -p "$root/bin" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/etc"
  chmod 1777 "$root/tmp"
  cp "$bb" "$root/bin/busybox"
  install -m 755 "$STANDIN_FILES/hello" "$root/hello"
  layer_of_root "$root" "$WORK/hello-world.tar"
  rm -rf "$root"
  standin_reset
  L_LAYERS=("$WORK/hello-world.tar"); L_HISTORY=("labdeck: busybox-static $version and /hello")
  L_CMD='["/hello"]'
  L_LABELS=(io.labdeck.standin=true "io.labdeck.recipe=$2"
    "org.opencontainers.image.description=Labdeck offline stand-in for hello-world:latest: busybox $version and a script that prints a greeting")
  standin_load "$1"
}

verify_standin_hello_world() {
  local out
  out=$(docker run --rm --network none "$1") || return 1
  grep -q "Hello from Labdeck" <<<"$out" || { say "    it printed: $out"; return 1; }
  say "    prints its greeting"
}

# ---- recipes, the registry and the whole run ---------------------------------------------------------------

standin_recipe() {
  case $1 in
    python) standin_hash python "base $STANDIN_BASE_HASH" "${STANDIN_PYTHON_PACKAGES[@]}" "tags ${STANDIN_PYTHON_TAGS[*]}" ;;
    nginx) standin_hash nginx "base $STANDIN_BASE_HASH" "${STANDIN_NGINX_PACKAGES[@]}" ;;
    redis) standin_hash redis "base $STANDIN_BASE_HASH" "${STANDIN_REDIS_PACKAGES[@]}" ;;
    alpine|hello-world) standin_hash "$1" "busybox $(busybox_version)" ;;
  esac
}

# standin_from_registry NAME RECIPE REF: when the backend holds NAME built from RECIPE (its io.labdeck.recipe label),
# pulls it and tags it REF, which is much faster than building it again.
standin_from_registry() {
  local name=$1 recipe=$2 ref=$3 tag digest remote config
  tag=$(standin_tags "$name"); tag=${tag%%$'\n'*}
  registry_manifest "library/$name" "$tag"
  digest=$MANIFEST_CONFIG
  [ -n "$digest" ] || return 1
  config=$(curl -sf --max-time 10 "$(registry_url)/v2/library/$name/blobs/$digest" 2>/dev/null | tr -d ' \n') || return 1
  [[ $config == *"\"io.labdeck.recipe\":\"$recipe\""* ]] || return 1
  remote=$(standin_registry)/library/$name:$tag
  docker pull -q "$remote" >/dev/null 2>&1 || return 1
  [ "$(docker image inspect -f '{{.Id}}' "$remote" 2>/dev/null)" = "$digest" ] || return 1
  standin_tag "$remote" "$ref"
}

# standin_push NAME REF: each tag of NAME in the backend, pushed unless the backend has it with this image already.
# Sets STANDIN_PUSHED to how many tags were pushed and STANDIN_PULL_BYTES to what pulling NAME transfers.
STANDIN_PUSHED=0 STANDIN_PULL_BYTES=0
standin_push() {
  local name=$1 ref=$2 id tag remote out
  STANDIN_PUSHED=0 STANDIN_PULL_BYTES=0
  id=${STANDIN_IDS[$ref]}
  for tag in $(standin_tags "$name"); do
    remote=$(standin_registry)/library/$name:$tag
    [ "${STANDIN_IDS[$remote]:-}" = "$id" ] || standin_tag "$ref" "$remote"
    registry_manifest "library/$name" "$tag"
    if [ "$MANIFEST_CONFIG" != "$id" ]; then
      out=$(docker push -q "$remote" 2>&1) || { printf '%s\n' "$out" >&2; die "docker push $remote failed."; }
      registry_manifest "library/$name" "$tag"
      [ "$MANIFEST_CONFIG" = "$id" ] || die "The registry does not hold $remote after its push."
      STANDIN_PUSHED=$((STANDIN_PUSHED + 1))
    fi
    STANDIN_PULL_BYTES=$MANIFEST_BYTES
  done
}

standin_image() {
  local name=$1 recipe ref state
  IMAGE="stand-in $name"; T_IMAGE=$(now_ns)
  recipe=$(standin_recipe "$name")
  ref=labdeck/standin-$name:r-${recipe:0:12}
  if [ -n "${STANDIN_IDS[$ref]:-}" ]; then
    state="up to date"
  elif standin_from_registry "$name" "$recipe" "$ref"; then
    state="pulled back from the registry"
  else
    [ -n "$WORK" ] && [ -d "$WORK" ] || new_workdir
    phase "building, recipe ${recipe:0:12}"
    "build_standin_${name//-/_}" "$ref-building" "$recipe"
    standin_finish "$name" "$ref-building" "r-${recipe:0:12}"
    state="built, $(mb "$(docker image inspect -f '{{.Size}}' "$ref")") unpacked"
  fi
  standin_push "$name" "$ref"
  say "$(standin_registry)/library/$name:{$(standin_tags "$name" | paste -sd, -)} $state, $([ "$STANDIN_PUSHED" = 0 ] && echo "in the registry already" || echo "$STANDIN_PUSHED tag(s) pushed"), $(mb "$STANDIN_PULL_BYTES") to pull [$(elapsed_since "$T_IMAGE") s]"
  SUMMARY+=("stand-in $name ${state%%,*} $(elapsed_since "$T_IMAGE") s")
}

build_standins() {
  local name
  ensure_registry || die "The stand-ins go into the registry backend, which is not running (see above)."
  STANDIN_BASE_HASH=$(standin_base_hash)
  STANDIN_BASE_TAR=""
  busybox_version >/dev/null   # once, here: the recipes of alpine and hello-world need it, in subshells
  standin_read_ids
  for name in "${STANDIN_IMAGES[@]}"; do standin_image "$name"; done
  cleanup; WORK=""
}

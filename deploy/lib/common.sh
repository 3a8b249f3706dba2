# Shared helpers for Labdeck's scripts. Source it; it defines functions only.

say() { printf '\033[1m[labdeck]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[labdeck] %s\033[0m\n' "$*" >&2; exit 1; }

is_root_debian() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {
  is_root_debian || die "Missing: $*. Install it (Debian: apt-get install -y $*) and try again."
  say "Installing $* from Debian packages..."
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
  fi
}

# java_major JAVA_BIN -> prints the feature version (17, 21, 25...)
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# Exports JAVA_HOME for a JDK of release 21 or later: $JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
find_jdk() {
  local best="" best_major=0 home major
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$home" ] && [ -x "$home/bin/javac" ] || continue
    major=$(java_major "$home/bin/java")
    [ -n "$major" ] || continue
    if [ "$home" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best=$home; break; fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$home; best_major=$major; fi
  done
  [ -n "$best" ] || die "Labdeck needs a JDK of release 21 or later (none in JAVA_HOME or /usr/lib/jvm). Install one, e.g. Temurin 25, and set JAVA_HOME."
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

ensure_maven() {
  command -v mvn >/dev/null 2>&1 || apt_install maven
}

package io.labdeck.sandbox.docker;

/**
 * The shell scripts behind {@link DockerSandboxFiles}, for POSIX sh with busybox or coreutils (both image families).
 * Each starts by resolving {@code $LABDECK_FILE} inside the sandbox: the longest prefix of the path that exists is
 * resolved with {@code readlink -f}, symlinks included, and must stay in the working directory; the rest does not
 * exist yet, so it holds no symlink. Failures exit with a code of {@link Exit} and say why on stderr.
 */
final class FileScripts {

    /** Exit codes the scripts use. */
    static final class Exit {
        static final int OUTSIDE = 3;
        static final int MISSING = 4;
        static final int WRONG_KIND = 5;
        static final int SHORT = 6;

        private Exit() {
        }
    }

    /** Sets {@code root} (the working directory, resolved) and {@code t} (the path's resolved target). */
    private static final String RESOLVE = """
            set -u
            fail() { c=$1; shift; printf '%s\\n' "$*" >&2; exit "$c"; }
            cd "$LABDECK_ROOT" 2>/dev/null || fail 4 "the working directory $LABDECK_ROOT does not exist"
            root=$(pwd -P)
            p=$root${LABDECK_FILE:+/$LABDECK_FILE}
            e=$p
            while [ "$e" != "$root" ] && [ ! -e "$e" ] && [ ! -L "$e" ]; do e=${e%/*}; done
            r=$(readlink -f "$e" 2>/dev/null) || r=
            [ -n "$r" ] || fail 3 "it is a link to something that does not exist"
            case $r in "$root"|"$root"/*) ;; *) fail 3 "it leads out of the working directory (to $r)";; esac
            t=$r${p#"$e"}
            """;

    /** Prints {@code file SIZE} or {@code dir KIB}. */
    static final String STAT = RESOLVE + """
            [ -e "$t" ] || fail 4 "it does not exist"
            if [ -d "$t" ]; then echo "dir $(du -sk "$t" | cut -f1)"; exit 0; fi
            [ -f "$t" ] || fail 5 "it is not a regular file"
            echo "file $(wc -c < "$t")"
            """;

    /**
     * Takes exactly {@code $LABDECK_LENGTH} bytes from stdin into a temporary file beside the target, then puts it in
     * place: renamed when the target is new, copied over it when it exists (which keeps its mode and owner).
     */
    static final String WRITE = RESOLVE + """
            [ -d "$t" ] && fail 5 "it is a folder"
            d=${t%/*}
            mkdir -p "$d" 2>/dev/null || fail 5 "its folder cannot be made (a file is in the way?)"
            tmp=$d/.labdeck-upload.$$
            head -c "$LABDECK_LENGTH" > "$tmp" || { rm -f "$tmp"; fail 5 "it cannot be written"; }
            n=$(wc -c < "$tmp")
            [ "$n" -eq "$LABDECK_LENGTH" ] || { rm -f "$tmp"; fail 6 "the upload ended after $n of $LABDECK_LENGTH bytes"; }
            if [ -e "$t" ]; then
              cat "$tmp" > "$t" 2>/dev/null || { rm -f "$tmp"; fail 5 "it cannot be written"; }
              rm -f "$tmp"
            else
              mv "$tmp" "$t" || { rm -f "$tmp"; fail 5 "it cannot be written"; }
            fi
            """;

    /** The file's bytes, or a tar of the folder (under its own name; the working directory's as {@code .}). */
    static final String READ = RESOLVE + """
            [ -e "$t" ] || fail 4 "it does not exist"
            if [ -d "$t" ]; then
              [ "$t" = "$root" ] && exec tar -C "$t" -cf - .
              d=${t%/*}
              exec tar -C "${d:-/}" -cf - "${t##*/}"
            fi
            [ -f "$t" ] || fail 5 "it is not a regular file"
            exec cat "$t"
            """;

    /**
     * One line {@code TYPE|SIZE|./PATH} per entry (stat's %F), at most {@code $LABDECK_ENTRIES}, down to
     * {@code $LABDECK_DEPTH} levels; big generated folders are listed but not entered.
     */
    static final String LIST = RESOLVE + """
            [ -d "$t" ] || fail 5 "it is not a folder"
            cd "$t" || fail 5 "it cannot be opened"
            find . -mindepth 1 -maxdepth "$LABDECK_DEPTH" \\( -type d \\( -name .git -o -name node_modules \\
              -o -name __pycache__ -o -name .cache -o -name .venv -o -name venv \\) -print -prune \\) -o -print \\
              2>/dev/null | grep -v '/\\.labdeck-' | head -n "$LABDECK_ENTRIES" | tr '\\n' '\\0' \\
              | xargs -0 -r stat -c '%F|%s|%n' 2>/dev/null
            exit 0
            """;

    private FileScripts() {
    }
}

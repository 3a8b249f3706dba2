# Labdeck's exec agent: one long-lived shell per sandbox that runs checks (probes). A docker exec costs 100-150 ms
# here, and a sandbox limited to half a CPU is throttled for most of a 100 ms period by a burst of forks, so a
# request forks as few processes as it can. POSIX sh, busybox included.
# Request, one line on stdin:  <id> <deadline seconds> <output cap bytes> <script, base64>
# Answer on stdout:            LABDECK-AGENT <id> <exit> <stdout bytes> <stderr bytes>\n<stdout><stderr>,
#                              each stream sent up to the cap (the sizes say how much it printed)
# The script runs in a session of its own under timeout; afterwards its whole group is killed: a probe leaves
# nothing running. Its output goes to files limited by ulimit -f, so a flood neither blocks it nor fills the disk.
d=$(mktemp -d /tmp/.labdeck-agent.XXXXXX) || exit 1
trap 'rm -rf "$d"' EXIT
while IFS=' ' read -r id secs cap script; do
  base64 -d >"$d/s" 2>/dev/null <<LABDECK_SCRIPT
$script
LABDECK_SCRIPT
  (ulimit -f 1024; exec setsid timeout -s KILL "$secs" sh "$d/s") <&- </dev/null >"$d/o" 2>"$d/e" & p=$!
  wait $p 2>/dev/null
  r=$?
  kill -9 -$p 2>/dev/null
  set -- $(wc -c "$d/o" "$d/e")
  printf 'LABDECK-AGENT %s %s %s %s\n' "$id" "$r" "$1" "$3"
  head -c "$cap" "$d/o"
  head -c "$cap" "$d/e"
done

# Labdeck's exec agent: one long-lived shell per sandbox that runs check, setup and solve scripts, because a
# docker exec costs 100-150 ms on these machines and a fork here costs a few. POSIX sh, busybox included.
# Request, one line on stdin:  <id> <deadline seconds> <output cap bytes> <script, base64>
# Answer on stdout:            LABDECK-AGENT <id> <exit> <stdout bytes> <stderr bytes>\n<stdout><stderr>
# Each script runs in a session of its own; at the deadline a watchdog kills its whole process group, but not the
# readers of its output, which then flush what it printed. Output past
# the cap is read and dropped, so a flood neither blocks the script nor fills the disk. The script's redirections
# are made inside its own process: a shell reports a killed child ("Killed") on that child's stderr.
d=$(mktemp -d /tmp/.labdeck-agent.XXXXXX) || exit 1
trap 'rm -rf "$d"' EXIT
run='d=$1; cap=$2
{ { setsid sh -c "echo \$\$ >\"\$1.pid\"; exec </dev/null 2>&1 >&3 3>&-; exec sh \"\$1\"" labdeck-check "$d/s"
    echo $? >"$d/rc"; } 2>/dev/null | { head -c "$cap" >"$d/e"; cat >/dev/null; }; } 3>&1 |
  { head -c "$cap" >"$d/o"; cat >/dev/null; }'
while IFS=' ' read -r id secs cap script; do
  rm -f "$d/o" "$d/e" "$d/rc" "$d/s.pid"
  : >"$d/o"; : >"$d/e"
  printf '%s' "$script" | base64 -d >"$d/s" 2>/dev/null
  setsid sh -c "$run" labdeck-check "$d" "$cap" </dev/null >/dev/null 2>&1 & p=$!
  setsid sh -c "sleep $secs; kill -9 -\$(cat '$d/s.pid')" </dev/null >/dev/null 2>&1 & w=$!
  wait $p 2>/dev/null
  kill -9 -$w 2>/dev/null || kill -9 $w 2>/dev/null
  r=137
  [ -s "$d/rc" ] && r=$(cat "$d/rc")
  printf 'LABDECK-AGENT %s %s %s %s\n' "$id" "$r" "$(wc -c <"$d/o")" "$(wc -c <"$d/e")"
  cat "$d/o" "$d/e"
done

# Labdeck's firewall on the engine's host, run by NetworkGuard in a short-lived container (host network,
# NET_ADMIN). Sandbox bridges are named ld<egress><session> (ldn: none, ldr: registry, ldi: internet), so these
# rules hold for every sandbox, present or future, from the moment its network exists.
# Environment: DOOR (this installation's chain name, LD-DOOR-<tag>), PORTS (its registry door's ports), NOW (epoch s).
#   INPUT -i ld+ -> LABDECK-INPUT     replies to the host's own connections; the door chain of each installation
#                                     (its ports, from ldr*/ldi*); everything else is dropped: Labdeck's HTTP
#                                     port, /q/*, the engine's API, 2375/2376, whatever else listens on the host.
#   DOCKER-USER -> LABDECK-FORWARD    drops sandbox to sandbox, anything forwarded from ldn*/ldr*, new connections
#                                     into a sandbox from elsewhere; from ldi*: DNS to the host's resolvers only,
#                                     then no private, link-local, reserved or metadata address, then the internet.
# Every chain is rebuilt whole in one iptables-restore (atomic: never a moment open, never a stale or half-made
# chain). Door chains of installations that have not refreshed theirs for an hour are dropped. IPv6: sandbox
# networks have none; ld* bridges get a plain drop both ways.
set -eu
export XTABLES_LOCKFILE=/host-run/xtables.lock   # the lock dockerd's own iptables calls take
IPT=
for candidate in iptables-nft iptables-legacy; do
  if "$candidate" -w -n -L DOCKER-USER >/dev/null 2>&1; then IPT=$candidate; break; fi
done
[ -n "$IPT" ] || { echo "labdeck-firewall: no DOCKER-USER chain in iptables-nft or iptables-legacy: is this the engine's host, with Docker's iptables on?"; exit 3; }
ipt() { "$IPT" -w "$@"; }

# The door chains that stay: this installation's, and others refreshed within the hour.
doors=$DOOR
for chain in $(ipt -S | sed -n 's/^-N \(LD-DOOR-[0-9a-f]*\)$/\1/p'); do
  [ "$chain" = "$DOOR" ] && continue
  at=$(ipt -S "$chain" | sed -n 's/.*labdeck-refreshed-\([0-9]*\).*/\1/p' | head -n 1)
  if [ -n "$at" ] && [ $((NOW - at)) -lt 3600 ]; then doors="$doors $chain"; else stale="${stale:-} $chain"; fi
done
# DNS only to the resolvers dockerd forwards to (the host's), or Docker's fallback when the host's is local.
resolvers=$(sed -n 's/^nameserver[[:space:]]*\([0-9.]*\)$/\1/p' /etc/resolv.conf | grep -v '^127\.' || true)
[ -n "$resolvers" ] || resolvers="8.8.8.8 8.8.4.4"

{
  echo '*filter'
  echo ":$DOOR - [0:0]"
  for port in $PORTS; do
    for bridge in 'ldr+' 'ldi+'; do
      echo "-A $DOOR -i $bridge -p tcp --dport $port -m comment --comment labdeck-refreshed-$NOW -j ACCEPT"
    done
  done
  echo ':LABDECK-INPUT - [0:0]'
  echo '-A LABDECK-INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j RETURN'
  for chain in $doors; do echo "-A LABDECK-INPUT -j $chain"; done
  echo '-A LABDECK-INPUT -j DROP'
  echo ':LABDECK-FORWARD - [0:0]'
  echo '-A LABDECK-FORWARD -i ld+ -o ld+ -j DROP'
  echo '-A LABDECK-FORWARD -i ldn+ -j DROP'
  echo '-A LABDECK-FORWARD -i ldr+ -j DROP'
  for r in $resolvers; do
    echo "-A LABDECK-FORWARD -i ldi+ -d $r/32 -p udp --dport 53 -j RETURN"
    echo "-A LABDECK-FORWARD -i ldi+ -d $r/32 -p tcp --dport 53 -j RETURN"
  done
  for net in 0.0.0.0/8 10.0.0.0/8 100.64.0.0/10 127.0.0.0/8 169.254.0.0/16 172.16.0.0/12 192.0.0.0/24 \
      192.168.0.0/16 198.18.0.0/15 224.0.0.0/4 240.0.0.0/4 168.63.129.16/32; do
    echo "-A LABDECK-FORWARD -i ldi+ -d $net -j DROP"
  done
  echo '-A LABDECK-FORWARD -o ld+ -m conntrack --ctstate NEW -j DROP'
  echo 'COMMIT'
} | "$IPT-restore" -w --noflush

ipt -C INPUT -i 'ld+' -j LABDECK-INPUT 2>/dev/null || ipt -I INPUT 1 -i 'ld+' -j LABDECK-INPUT
ipt -C DOCKER-USER -j LABDECK-FORWARD 2>/dev/null || ipt -I DOCKER-USER 1 -j LABDECK-FORWARD
for chain in ${stale:-}; do ipt -F "$chain" && ipt -X "$chain" || true; done

IP6=${IPT%tables-*}6tables-${IPT#iptables-}
if command -v "$IP6" >/dev/null 2>&1 && "$IP6" -w -n -L INPUT >/dev/null 2>&1; then
  "$IP6" -w -C INPUT -i 'ld+' -j DROP 2>/dev/null || "$IP6" -w -I INPUT 1 -i 'ld+' -j DROP
  "$IP6" -w -C FORWARD -i 'ld+' -j DROP 2>/dev/null || "$IP6" -w -I FORWARD 1 -i 'ld+' -j DROP
  "$IP6" -w -C FORWARD -o 'ld+' -j DROP 2>/dev/null || "$IP6" -w -I FORWARD 1 -o 'ld+' -j DROP
fi
echo "labdeck-firewall: ok ($IPT; doors:$doors)"
ipt -S LABDECK-INPUT
ipt -S "$DOOR"

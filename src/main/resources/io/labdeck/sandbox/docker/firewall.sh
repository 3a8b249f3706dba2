# Labdeck's firewall on the engine's host, run by NetworkGuard in a short-lived container (host network,
# NET_ADMIN). Idempotent: it adds what is missing and never opens anything. Sandbox bridges are named
# ld<egress><session> (ldn: none, ldr: registry, ldi: internet), so these rules hold for every sandbox, present or
# future, from the moment its network exists. PORTS: the registry door's ports.
#   INPUT (the host itself)  from ld*: replies to the host's own connections, and the door ports from ldr*/ldi*;
#                            everything else (Labdeck's HTTP port, /q/*, the engine's API, 2375/2376...) is dropped.
#   FORWARD (DOCKER-USER)    ld* to ld*: dropped (no sandbox reaches another); ldn*/ldr*: dropped (their networks
#                            are internal anyway); ldi*: DNS, then no private or link-local address (the host's LAN,
#                            cloud metadata), then the internet; new connections into ld* from elsewhere: dropped.
set -eu
export XTABLES_LOCKFILE=/host-run/xtables.lock   # the lock dockerd's own iptables calls take
IPT=
for candidate in iptables-nft iptables-legacy; do
  if "$candidate" -w -n -L DOCKER-USER >/dev/null 2>&1; then IPT=$candidate; break; fi
done
[ -n "$IPT" ] || { echo "labdeck-firewall: no DOCKER-USER chain in iptables-nft or iptables-legacy: is this the engine's host, with Docker's iptables on?"; exit 3; }
ipt() { "$IPT" -w "$@"; }
has() { ipt -C "$@" 2>/dev/null; }

ipt -N LABDECK-INPUT 2>/dev/null || true
has LABDECK-INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j RETURN \
  || ipt -I LABDECK-INPUT 1 -m conntrack --ctstate ESTABLISHED,RELATED -j RETURN
has LABDECK-INPUT -j DROP || ipt -A LABDECK-INPUT -j DROP
for port in $PORTS; do
  for bridge in 'ldr+' 'ldi+'; do
    has LABDECK-INPUT -i "$bridge" -p tcp --dport "$port" -j RETURN \
      || ipt -I LABDECK-INPUT 2 -i "$bridge" -p tcp --dport "$port" -j RETURN
  done
done
has INPUT -i 'ld+' -j LABDECK-INPUT || ipt -I INPUT 1 -i 'ld+' -j LABDECK-INPUT

if ! ipt -n -L LABDECK-FORWARD >/dev/null 2>&1; then
  ipt -N LABDECK-FORWARD
  ipt -A LABDECK-FORWARD -i 'ld+' -o 'ld+' -j DROP
  ipt -A LABDECK-FORWARD -i 'ldn+' -j DROP
  ipt -A LABDECK-FORWARD -i 'ldr+' -j DROP
  ipt -A LABDECK-FORWARD -i 'ldi+' -p udp --dport 53 -j RETURN
  ipt -A LABDECK-FORWARD -i 'ldi+' -p tcp --dport 53 -j RETURN
  for net in 10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 169.254.0.0/16 100.64.0.0/10 127.0.0.0/8; do
    ipt -A LABDECK-FORWARD -i 'ldi+' -d "$net" -j DROP
  done
  ipt -A LABDECK-FORWARD -o 'ld+' -m conntrack --ctstate NEW -j DROP
fi
has DOCKER-USER -j LABDECK-FORWARD || ipt -I DOCKER-USER 1 -j LABDECK-FORWARD
echo "labdeck-firewall: ok ($IPT)"
ipt -S LABDECK-INPUT
ipt -S LABDECK-FORWARD

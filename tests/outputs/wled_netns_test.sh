#!/usr/bin/env bash
# Multicast across a link: two network namespaces joined by a veth pair stand in for the PC and a
# WLED device. spectray_outputs_demo sends a 1 kHz tone's analysis to 239.0.0.1:11988 with TTL 1
# from the first; wled_receiver.py (written from WLED's receive rules) listens in the second and
# checks size/header/counter, 50 +- 5 packets/s, channel 7 loudest and that packets arrived with
# TTL 1 (one hop: they go no further than the local link). Nothing touches the host's interfaces.
#   wled_netns_test.sh DEMO_BINARY        exit 0 pass, 1 fail, 77 skipped (no root / netns here)
set -u
demo=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v ip >/dev/null && command -v python3 >/dev/null && [ "$(id -u)" = 0 ] ||
  { echo "needs root, iproute2 and python3: skipped"; exit 77; }
a=spx-wled-a-$$; b=spx-wled-b-$$
ifa=swa$$; ifb=swb$$
net=10.214.$(( $$ % 200 + 20 ))
work=$(mktemp -d)
rx_pid=
cleanup() {
  [ -n "$rx_pid" ] && kill "$rx_pid" 2>/dev/null
  ip netns del "$a" 2>/dev/null
  ip netns del "$b" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
if ! ip netns add "$a" 2>/dev/null; then echo "cannot create a network namespace here: skipped"; exit 77; fi
ip netns add "$b" &&
ip link add "$ifa" netns "$a" type veth peer name "$ifb" netns "$b" &&
ip -n "$a" addr add "$net.1/24" dev "$ifa" && ip -n "$a" link set "$ifa" up && ip -n "$a" link set lo up &&
ip -n "$b" addr add "$net.2/24" dev "$ifb" && ip -n "$b" link set "$ifb" up && ip -n "$b" link set lo up ||
  { echo "FAIL: could not set up the namespaces"; exit 1; }

ip netns exec "$b" python3 "$here/wled_receiver.py" --group 239.0.0.1 --port 11988 --iface-addr "$net.2" \
  --seconds 4 --expect-channel 7 --expect-ttl 1 --ready-file "$work/ready" >"$work/rx.log" 2>&1 &
rx_pid=$!
for _ in $(seq 1 50); do [ -e "$work/ready" ] && break; sleep 0.1; done
[ -e "$work/ready" ] || { echo "FAIL: receiver did not start"; cat "$work/rx.log"; exit 1; }

# No multicast route in namespace A: the sender must pick the interface itself (IP_MULTICAST_IF).
ip netns exec "$a" "$demo" --wled multicast --wled-ttl 1 --signal tone --freq 1000 --seconds 5 >"$work/tx.log" 2>&1
tx=$?
wait "$rx_pid"; rx=$?; rx_pid=
echo "sender (exit $tx):"; cat "$work/tx.log"
echo "receiver (exit $rx):"; cat "$work/rx.log"
[ "$tx" = 0 ] && [ "$rx" = 0 ] && echo "pass" && exit 0
exit 1

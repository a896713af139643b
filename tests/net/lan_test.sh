#!/usr/bin/env bash
# A browser on another machine of the LAN: a network namespace with its own address (a veth pair)
# stands in for the other machine. `spectray --headless` runs on this host; Chromium runs inside
# the namespace and opens the LAN URL spectray printed (with the token): bars must arrive. The same
# page without the token must load, be refused (HTTP 401 before the upgrade) and receive zero frames.
#   lan_test.sh SPECTRAY_BINARY OUT_DIR          exit 0 pass, 1 fail, 77 skipped (no netns here)
set -u
bin=$1; out=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v ip >/dev/null && [ "$(id -u)" = 0 ] || { echo "needs root and iproute2: skipped"; exit 77; }
(cd "$here" && node --input-type=module -e "await import('playwright-core')" 2>/dev/null) ||
  { echo "playwright-core is not installed (npm ci at the repo root): skipped"; exit 77; }
ns=spectray-lan-$$
host_if=sl$$h; client_if=sl$$c
net=10.213.$(( $$ % 200 + 20 ))
work=$(mktemp -d)
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  ip link del "$host_if" 2>/dev/null
  ip netns del "$ns" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
if ! ip netns add "$ns" 2>/dev/null; then echo "cannot create a network namespace here: skipped"; exit 77; fi
ip link add "$host_if" type veth peer name "$client_if" &&
ip link set "$client_if" netns "$ns" &&
ip addr add "$net.1/24" dev "$host_if" && ip link set "$host_if" up &&
ip netns exec "$ns" ip addr add "$net.2/24" dev "$client_if" &&
ip netns exec "$ns" ip link set "$client_if" up &&
ip netns exec "$ns" ip link set lo up || { echo "FAIL: could not set up the veth pair"; exit 1; }

# Listen only on the veth address made above (not on every interface of this host), on a port
# that is free there: the kernel picks it, and the same port is then handed to spectray.
port=$(python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1], 0)); print(s.getsockname()[1])' "$net.1") ||
  { echo "FAIL: no free port on $net.1"; exit 1; }
"$bin" --headless --source demo --port "$port" --bind "$net.1" --config "$work/spectray.ini" >"$work/app.log" 2>&1 &
app_pid=$!
url=
for _ in $(seq 1 300); do # a hang guard (30 s): the URL is typically printed within a second
  url=$(grep -o "http://$net\.1:$port/#t=[0-9a-f]*" "$work/app.log" | head -n1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "FAIL: spectray printed no URL for the LAN address $net.1"; cat "$work/app.log"; exit 1; }
echo "LAN URL printed: $url"

ip netns exec "$ns" node "$here/lan_page.mjs" "$url" "$out/browser-lan.png" frames || exit 1
ip netns exec "$ns" node "$here/lan_page.mjs" "${url%%#*}" "$out/browser-lan-refused.png" refused || exit 1
echo "pass"

#!/usr/bin/env python3
"""A WLED Audio Sync v2 receiver written from the protocol (WLED usermods/audioreactive:
receiveAudioData() accepts a datagram only when it is exactly sizeof(audioSyncPacket) == 44 bytes
and its first 6 bytes are "00002\\0"; the struct is read in place, little-endian, natural
alignment). It joins the multicast group on one interface, records the IP TTL each packet
arrived with, and checks the frame counter (byte 17) goes up by one per packet.

  wled_receiver.py --group 239.0.0.1 --port 11988 --iface-addr 10.0.0.2 --seconds 4 \
                   [--expect-channel 7] [--expect-ttl 1]
Exit 0 when every check passes, 1 otherwise."""
import argparse
import socket
import struct
import sys
import time

FORMAT = '<6s2xffBB16s2xff'  # header, pad, sampleRaw, sampleSmth, samplePeak, counter, fftResult, pad, mag, peak
assert struct.calcsize(FORMAT) == 44
IP_RECVTTL = getattr(socket, 'IP_RECVTTL', 12)  # <linux/in.h>; Python does not export it


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--group', default='239.0.0.1')
    ap.add_argument('--port', type=int, default=11988)
    ap.add_argument('--iface-addr', required=True)
    ap.add_argument('--seconds', type=float, default=4.0)
    ap.add_argument('--expect-channel', type=int)
    ap.add_argument('--expect-ttl', type=int)
    ap.add_argument('--ready-file')
    a = ap.parse_args()

    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('', a.port))
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
                 socket.inet_aton(a.group) + socket.inet_aton(a.iface_addr))
    s.setsockopt(socket.IPPROTO_IP, IP_RECVTTL, 1)
    s.settimeout(0.2)
    if a.ready_file:
        open(a.ready_file, 'w').close()

    accepted, rejected, breaks, ttls = [], 0, 0, set()
    end = time.monotonic() + a.seconds
    while time.monotonic() < end:
        try:
            data, anc, _, _ = s.recvmsg(1500, socket.CMSG_SPACE(4))
        except socket.timeout:
            continue
        for level, kind, value in anc:
            if level == socket.IPPROTO_IP and kind == socket.IP_TTL:
                ttls.add(struct.unpack('i', value[:4])[0])
        if len(data) != 44 or data[:6] != b'00002\0':
            rejected += 1
            continue
        header, raw, smth, peak, counter, fft, mag, major = struct.unpack(FORMAT, data)
        if accepted and (accepted[-1][1] + 1) % 256 != counter:
            breaks += 1
        accepted.append((time.monotonic(), counter, list(fft), raw, major))

    ok = True
    if len(accepted) < 20:
        print(f'FAIL: only {len(accepted)} packets accepted ({rejected} rejected)')
        return 1
    steady = [p for p in accepted if p[0] >= accepted[0][0] + 0.5]
    rate = (len(steady) - 1) / (steady[-1][0] - steady[0][0])
    fft = accepted[-1][2]
    loudest = max(range(16), key=lambda i: fft[i])
    print(f'{len(accepted)} packets accepted, {rejected} rejected, {breaks} counter breaks, '
          f'{rate:.1f} packets/s, TTL seen {sorted(ttls)}, loudest channel {loudest} ({fft}), '
          f'FFT_MajorPeak {accepted[-1][4]:.1f} Hz')
    if rejected or breaks:
        ok = False
        print('FAIL: rejected packets or counter breaks')
    if not 45.0 <= rate <= 55.0:
        ok = False
        print('FAIL: rate outside 50 +- 5 packets/s')
    if a.expect_channel is not None and loudest != a.expect_channel:
        ok = False
        print(f'FAIL: expected channel {a.expect_channel} loudest')
    if a.expect_ttl is not None and ttls != {a.expect_ttl}:
        ok = False
        print(f'FAIL: expected every packet to arrive with TTL {a.expect_ttl}')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())

#pragma once

#include "core/spectrumframe.h"

#include <QByteArray>

namespace spectray::wire {

// The compact binary frame (docs/protocol.md, "Binary frames"), shared by the WebSocket server and
// the MQTT "frame" topic. All fields little-endian:
//   0  char[4] magic "SPTR"      4  u8 version (1)     5  u8 flags (0)     6  u16 band count N
//   8  u64 sequence             16  f64 stream time s 24  i64 wall clock ms (0 = none)
//  32  u16 scale                34  i16 bass          36  i16 level        38  i16 play_delay
//  40  i16 bands[N]
// flags bit 0: play time present, play_ts = wall clock + play_delay (ms, clamped to i16); the
// former reserved u16 at 38 was always 0, so readers that ignore it keep working.
inline constexpr char kBinaryMagic[4] = { 'S', 'P', 'T', 'R' };
inline constexpr quint8 kBinaryVersion = 1;
inline constexpr quint8 kBinaryFlagPlayTime = 0x01;
inline constexpr int kBinaryHeaderBytes = 40;

// Writes the frame into `out`, reusing its capacity (no allocation once it is large enough).
void encodeBinaryFrame(const SpectrumFrame &frame, QByteArray &out);

// Parses a binary frame; false if it is not one (wrong magic/version/size, more than kMaxBands
// bands). For tests and tools.
bool decodeBinaryFrame(const QByteArray &data, SpectrumFrame *frame);

} // namespace spectray::wire

#pragma once

#include "analysisconfig.h"
#include "settingsschema.h"
#include "sourceidformat.h"
#include "wirescale.h"

#include <array>

// Every settings key, once: name, type, default, range or validator, and what it means. Each layer
// reads and edits the keys it needs through Settings; none declares keys of its own. Descriptions are
// for docs and --help-like listings; they are not shown in the UI, so they are not translated.
namespace spectray::keys {

bool isValidBindAddress(const QString &value); // "" (all interfaces) or a literal IPv4/IPv6 address
bool isValidToken(const QString &value);       // "" (not created yet) or 32 lowercase hex digits
bool isValidOriginList(const QString &value);  // space/comma separated http(s)://host[:port]
bool isValidHostList(const QString &value);    // space/comma separated host names or addresses
bool isValidColor(const QString &value);       // #rgb, #rrggbb, #aarrggbb, #rrrgggbbb or #rrrrggggbbbb
// The shape only ("" or mqtt[s]://...); outputs::parseMqttUrl() decides whether it is usable.
bool isValidMqttUrlShape(const QString &value);
bool isValidMqttPrefixShape(const QString &value); // "" (from the URL or spectray/HOSTNAME) or no + # and no / at the ends
bool isValidRect(const QString &value);        // "" or "x,y,width,height" (integers, size > 0)

// Splits a space/comma separated list value (origins, hosts) into its items.
QStringList splitList(const QString &value);

inline constexpr std::array<const char *, 2> profileNames{"default", "seed"};
inline constexpr std::array<const char *, 2> amplitudeNames{"linear", "db"};                  // AmplitudeScale
inline constexpr std::array<const char *, 4> weightingNames{"flat", "a", "tilt3", "tilt4.5"}; // Weighting
inline constexpr std::array<const char *, 2> layoutNames{"log", "octave"};                    // BandLayoutKind
inline constexpr std::array<int, 6> bandsPerOctaveValues{1, 2, 3, 6, 12, 24};
inline constexpr std::array<const char *, 5> styleNames{"bars", "mirrored", "curve", "led", "spectrogram"};
inline constexpr std::array<const char *, 3> meterNames{"none", "bar", "needle"};
inline constexpr std::array<const char *, 5> dockEdgeNames{"off", "top", "bottom", "left", "right"}; // DockEdge
inline constexpr std::array<const char *, 4> languageNames{"", "en", "ru", "de"}; // "" = system locale

// The analysis defaults are AnalysisConfig's own (defined once there).
inline const AnalysisConfig analysisDefaults{};

// Audio: read by the engine (analysisConfigFrom), edited by the Audio page.
inline const StringKey source{SettingId::Source, "audio/source", sourceid::kDefaultOutput, nullptr,
                              "Capture source id: default-output, a device id, demo or file:PATH"};
inline const EnumKey<AudioProfile> profile{
    SettingId::Profile, "audio/profile",
    analysisDefaults.profile == QLatin1String(profileNames[1]) ? AudioProfile::Seed : AudioProfile::Default,
    profileNames, "Analysis profile: default (better bass resolution) or seed (the original service)"};
inline const IntKey fps{SettingId::Fps, "audio/fps", analysisDefaults.fps, 1, 240, "Frames per second"};
inline const IntKey bands{SettingId::Bands, "audio/bands", analysisDefaults.bands, 8, wire::kMaxBands,
                          "Number of bands (log layout)"};
inline const DoubleKey minHz{SettingId::MinHz, "audio/minHz", analysisDefaults.minHz, 10.0, 1000.0,
                             "Lowest frequency shown, Hz"};
inline const DoubleKey maxHz{SettingId::MaxHz, "audio/maxHz", analysisDefaults.maxHz, 1000.0, 24000.0,
                             "Highest frequency shown, Hz"};
inline constexpr BoolKey captureOnStart{SettingId::CaptureOnStart, "audio/captureOnStart", true,
                                        "Start capturing when Spectray starts"};
inline const EnumKey<AmplitudeScale> amplitude{SettingId::Amplitude, "audio/amplitude", analysisDefaults.amplitude,
                                               amplitudeNames, "Band amplitude scale: db or linear"};
inline const DoubleKey rangeDb{SettingId::RangeDb, "audio/rangeDb", analysisDefaults.rangeDb, 40.0, 90.0,
                               "dB below the reference that reads as zero (db scale)"};
inline const EnumKey<Weighting> weighting{SettingId::Weighting, "audio/weighting", analysisDefaults.weighting,
                                          weightingNames, "Weighting: flat, a (A-weighting), tilt3 or tilt4.5 dB/oct"};
inline const EnumKey<BandLayoutKind> layout{SettingId::Layout, "audio/layout", analysisDefaults.layout, layoutNames,
                                            "Band layout: log (N geometric bands) or octave (IEC 61260-1 grid)"};
inline const IntKey bandsPerOctave{SettingId::BandsPerOctave, "audio/bandsPerOctave", analysisDefaults.bandsPerOctave,
                                   1, 24, "Bands per octave (octave layout): 1, 2, 3, 6, 12 or 24",
                                   bandsPerOctaveValues};

// LAN server: read by the net layer (serverOptionsFrom), edited by the Network page and the tray.
inline constexpr BoolKey serverEnabled{SettingId::ServerEnabled, "server/enabled", true, "Run the LAN server"};
inline constexpr IntKey serverPort{SettingId::ServerPort, "server/port", 8737, 1, 65535, "TCP port of the server"};
inline constexpr StringKey serverBind{SettingId::ServerBind, "server/bind", "", &isValidBindAddress,
                                      "Address to listen on; empty = all interfaces"};
inline constexpr BoolKey serverLanAccess{SettingId::ServerLanAccess, "server/lanAccess", true,
                                         "Accept other devices; off = loopback only"};
inline constexpr StringKey serverToken{SettingId::ServerToken, "server/token", "", &isValidToken,
                                       "Access token (32 hex digits), created on first use"};
inline constexpr BoolKey serverTokenOnLoopback{SettingId::ServerTokenOnLoopback, "server/requireTokenOnLoopback",
                                               false, "Require the token from this machine too"};
inline constexpr StringKey serverAllowedOrigins{SettingId::ServerAllowedOrigins, "server/allowedOrigins", "",
                                                &isValidOriginList,
                                                "Extra web origins allowed to connect (http(s)://host[:port] list)"};
inline constexpr StringKey serverAllowedHosts{SettingId::ServerAllowedHosts, "server/allowedHosts", "",
                                              &isValidHostList,
                                              "Extra host names the server answers to (space/comma separated)"};
inline constexpr IntKey serverMaxClients{SettingId::ServerMaxClients, "server/maxClients", 32, 1, 1000,
                                         "Most browsers streaming at once"};

// Display: read by the window, edited by the Display page and the tray.
inline constexpr EnumKey<DisplayStyle> style{SettingId::Style, "display/style", DisplayStyle::Bars, styleNames,
                                             "Window style: bars, mirrored, curve or led"};
inline constexpr EnumKey<MeterStyle> meter{SettingId::Meter, "display/meter", MeterStyle::Bar, meterNames,
                                           "Level meter: none, bar or needle"};
inline constexpr BoolKey bassPulse{SettingId::BassPulse, "display/bassPulse", true, "Pulse the window with the bass"};
inline constexpr StringKey accent{SettingId::Accent, "display/accent", "#29b6f6", &isValidColor, "Accent colour"};
inline constexpr BoolKey peaks{SettingId::Peaks, "display/peaks", true, "Show falling peak markers"};
inline constexpr IntKey peakHoldMs{SettingId::PeakHoldMs, "display/peakHoldMs", 500, 0, 5000,
                                   "Peak hold time, ms"};
inline constexpr IntKey peakFallMs{SettingId::PeakFallMs, "display/peakFallMs", 750, 50, 10000,
                                   "Time for a peak to fall full scale, ms"};
inline constexpr IntKey attackMs{SettingId::AttackMs, "display/attackMs", 25, 0, 2000, "Bar rise smoothing, ms"};
inline constexpr IntKey releaseMs{SettingId::ReleaseMs, "display/releaseMs", 250, 0, 5000, "Bar fall smoothing, ms"};
inline constexpr IntKey opacity{SettingId::Opacity, "display/opacity", 85, 10, 100, "Window background opacity, %"};
inline constexpr BoolKey alwaysOnTop{SettingId::AlwaysOnTop, "display/alwaysOnTop", true, "Keep the window on top"};
inline constexpr BoolKey clickThrough{SettingId::ClickThrough, "display/clickThrough", false,
                                      "Let mouse clicks pass through the window"};
inline constexpr BoolKey frequencyAxis{SettingId::FrequencyAxis, "display/frequencyAxis", false,
                                       "Show frequency labels under the window's bands"};
inline constexpr BoolKey dbGrid{SettingId::DbGrid, "display/dbGrid", false,
                                "Show a line every 10 dB in the window (db amplitude)"};
inline constexpr BoolKey windowVisible{SettingId::WindowVisible, "display/windowVisible", true,
                                       "Window shown when Spectray last ran"};
// The floating window's frame in virtual-desktop coordinates and the monitor it was on (by name, as
// QScreen::name()); a monitor that is gone puts it back on the primary one (gui/dock/placement.h).
inline constexpr StringKey windowGeometry{SettingId::WindowGeometry, "display/geometry", "", &isValidRect,
                                          "Floating window geometry: x,y,width,height"};
inline constexpr StringKey windowScreen{SettingId::WindowScreen, "display/screen", "", nullptr,
                                        "Monitor the floating window was on (empty: primary)"};
// Docked strip: the window as a bar along one edge of a monitor that reserves its space.
inline constexpr EnumKey<DockEdge> dockEdge{SettingId::DockEdge, "display/dockEdge", DockEdge::Off, dockEdgeNames,
                                            "Dock the window as a strip: off, top, bottom, left or right"};
inline constexpr StringKey dockScreen{SettingId::DockScreen, "display/dockScreen", "", nullptr,
                                      "Monitor of the docked strip (empty: primary)"};
inline constexpr IntKey dockLength{SettingId::DockLength, "display/dockLength", 0, 0, 16384,
                                   "Length of the docked strip in pixels; 0 = the whole edge"};
inline constexpr IntKey dockThickness{SettingId::DockThickness, "display/dockThickness", 64, 16, 1024,
                                      "Thickness of the docked strip in pixels"};

// General. The group is spelled "General" on purpose: QSettings writes a group named "general" (any
// case) as [%General] and reads that back as "General", so "general/..." keys never survived a
// restart. Files written before keep working: their [%General] section is read as these keys.
inline constexpr BoolKey firstRunDone{SettingId::FirstRunDone, "General/firstRunDone", false,
                                      "The first-run window was shown"};
inline constexpr BoolKey startAtLogin{SettingId::StartAtLogin, "General/startAtLogin", false,
                                      "Start Spectray at login"};
inline constexpr EnumKey<UiLanguage> language{SettingId::Language, "General/language", UiLanguage::System,
                                              languageNames, "UI language: empty (system), en, ru or de"};

// LED sync (WLED Audio Sync): read by the outputs layer (wledOptionsFrom), edited by the LED sync page
// and the tray. Off by default: it sends to the whole LAN. The target syntax is outputs::parseWledTarget's
// (docs/wled.md); a stored list it refuses is reported as the sender's error, not replaced silently.
inline constexpr BoolKey ledSyncEnabled{SettingId::LedSyncEnabled, "ledSync/enabled", false,
                                        "Send WLED Audio Sync packets (UDP, 50/s) to the targets"};
inline constexpr StringKey ledSyncTargets{SettingId::LedSyncTargets, "ledSync/targets", "multicast", nullptr,
                                          "WLED targets, space/comma separated: multicast[:PORT], broadcast[:PORT], "
                                          "GROUP, HOST[:PORT] or [IPV6]:PORT"};
inline constexpr IntKey ledSyncTtl{SettingId::LedSyncTtl, "ledSync/ttl", 1, 1, 255,
                                   "Multicast TTL (1 keeps packets on the local network)"};
inline constexpr StringKey ledSyncInterface{SettingId::LedSyncInterface, "ledSync/interface", "", nullptr,
                                            "Multicast interface name; empty = every multicast-capable one"};

// MQTT: read by the outputs layer (mqttOptionsFrom), edited by the MQTT page. Off by default.
inline constexpr BoolKey mqttEnabled{SettingId::MqttEnabled, "mqtt/enabled", false, "Publish to an MQTT broker"};
inline constexpr StringKey mqttUrl{SettingId::MqttUrl, "mqtt/url", "", &isValidMqttUrlShape,
                                   "Broker: mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT][/PREFIX]"};
inline constexpr StringKey mqttPassword{SettingId::MqttPassword, "mqtt/password", "", nullptr,
                                        "Broker password when not in the URL (stored in plain text)"};
inline constexpr StringKey mqttCaFile{SettingId::MqttCaFile, "mqtt/caFile", "", nullptr,
                                      "mqtts://: CA certificate file; empty = the system's CAs"};
inline constexpr StringKey mqttPrefix{SettingId::MqttPrefix, "mqtt/prefix", "", &isValidMqttPrefixShape,
                                      "Topic prefix; empty = the URL's path, else spectray/HOSTNAME"};
inline constexpr IntKey mqttFrameRate{SettingId::MqttFrameRate, "mqtt/frameRate", 30, 1, 60,
                                      "Frames per second published on PREFIX/frame"};
inline constexpr IntKey mqttLevelRate{SettingId::MqttLevelRate, "mqtt/levelRate", 10, 1, 30,
                                      "Messages per second on PREFIX/level"};

// A/V offsets (issue 11): ms added to when a frame's audio is heard (play_ts = capture time + the
// output latency the audio server reports), per output, so each can be trimmed against what the
// user hears there (a Bluetooth speaker's real latency, a TV's picture delay). Positive = later.
inline constexpr int kAvOffsetLimitMs = 500;
inline constexpr IntKey windowAvOffsetMs{SettingId::WindowAvOffset, "display/avOffsetMs", 0, -kAvOffsetLimitMs,
                                         kAvOffsetLimitMs, "A/V offset of the floating window, ms"};
inline constexpr IntKey webAvOffsetMs{SettingId::WebAvOffset, "server/avOffsetMs", 0, -kAvOffsetLimitMs,
                                      kAvOffsetLimitMs, "A/V offset web pages start from (hello's av_offset_ms), ms"};
inline constexpr IntKey ledSyncAvOffsetMs{SettingId::LedSyncAvOffset, "ledSync/avOffsetMs", 0, -kAvOffsetLimitMs,
                                          kAvOffsetLimitMs, "A/V offset of the WLED sender, ms"};
inline constexpr IntKey mqttAvOffsetMs{SettingId::MqttAvOffset, "mqtt/avOffsetMs", 0, -kAvOffsetLimitMs,
                                       kAvOffsetLimitMs, "A/V offset of the MQTT frames, ms"};

} // namespace spectray::keys

#pragma once

#include <QMetaType>
#include <QString>

#include <span>

namespace spectray {

// One id per settings key, so a listener of Settings::changed() switches on a value the compiler
// checks instead of matching key names by prefix. The keys themselves are in settingskeys.h.
enum class SettingId {
    // audio/
    Source,
    Profile,
    Fps,
    Bands,
    MinHz,
    MaxHz,
    CaptureOnStart,
    Amplitude,
    RangeDb,
    Weighting,
    Layout,
    BandsPerOctave,
    // server/
    ServerEnabled,
    ServerPort,
    ServerBind,
    ServerLanAccess,
    ServerToken,
    ServerTokenOnLoopback,
    ServerAllowedOrigins,
    ServerAllowedHosts,
    ServerMaxClients,
    // display/
    Style,
    Meter,
    BassPulse,
    Accent,
    Peaks,
    PeakHoldMs,
    PeakFallMs,
    AttackMs,
    ReleaseMs,
    Opacity,
    AlwaysOnTop,
    ClickThrough,
    FrequencyAxis,
    DbGrid,
    WindowVisible,
    WindowGeometry,
    WindowScreen,
    DockEdge,
    DockScreen,
    DockLength,
    DockThickness,
    // General/
    FirstRunDone,
    StartAtLogin,
    Language,
    // ledSync/ (WLED Audio Sync sender, docs/wled.md)
    LedSyncEnabled,
    LedSyncTargets,
    LedSyncTtl,
    LedSyncInterface,
    // mqtt/ (MQTT publisher, docs/mqtt.md)
    MqttEnabled,
    MqttUrl,
    MqttPassword,
    MqttCaFile,
    MqttPrefix,
    MqttFrameRate,
    MqttLevelRate,
    // A/V offsets, one per output (issue 11): each adds its own to play_ts. Listed last so the
    // ids above keep their values; each key lives in its output's group (display/, server/, ...).
    WindowAvOffset,
    WebAvOffset,
    LedSyncAvOffset,
    MqttAvOffset,
};

// Who applies a change: the analysis (engine), the LAN server, the window's look, the window's own
// state (geometry, visibility: saved by the window, nothing to apply), nobody live (general), or the
// LAN devices other than browsers (WLED sender, MQTT publisher: the outputs layer).
enum class SettingGroup { Audio, Server, Display, Window, General, Outputs };
SettingGroup settingGroup(SettingId id);

// Values stored by name; the name tables are in settingskeys.h next to their keys.
enum class AudioProfile { Default, Seed };
enum class DisplayStyle { Bars, Mirrored, Curve, Led, Spectrogram }; // resources/styles.json
enum class MeterStyle { None, Bar, Needle };
enum class UiLanguage { System, English, Russian, German };
enum class DockEdge { Off, Top, Bottom, Left, Right }; // the window as a strip along a screen edge

// Key descriptions. Reading a stored value that cannot be used (not a number, out of range, unknown
// name, refused by the validator) gives the default with one warning; the file is repaired only
// when something else is written (see Settings).
struct IntKey
{
    SettingId id;
    const char *name;
    int defaultValue;
    int min;
    int max;
    const char *description;
    std::span<const int> allowed = {}; // empty: every value in min..max; else only these
};

struct DoubleKey
{
    SettingId id;
    const char *name;
    double defaultValue;
    double min;
    double max;
    const char *description;
};

struct BoolKey
{
    SettingId id;
    const char *name;
    bool defaultValue;
    const char *description;
};

struct StringKey
{
    SettingId id;
    const char *name;
    const char *defaultValue;
    bool (*isValid)(const QString &); // nullptr: any string is valid
    const char *description;
};

// An enum stored by name: names[int(value)] is the stored name of `value`, so the enum's values must
// be 0..n-1 in the table's order.
template<typename E>
struct EnumKey
{
    SettingId id;
    const char *name;
    E defaultValue;
    std::span<const char *const> names;
    const char *description;

    QString nameOf(E value) const { return QString::fromLatin1(names[std::size_t(value)]); }
    // -1 when `stored` is none of the names.
    int indexOf(const QString &stored) const
    {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (stored == QLatin1String(names[i]))
                return int(i);
        }
        return -1;
    }
};

} // namespace spectray

Q_DECLARE_METATYPE(spectray::SettingId)

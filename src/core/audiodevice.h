#pragma once

#include "sourceidformat.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace spectray {

// A source the user can pick. Ids are stable across runs ("pulse:alsa_output.pci-0000.monitor",
// "default-output", "demo", "file:/path.flac"), names are for people.
struct AudioDevice
{
    enum class Kind { Loopback, Input, Virtual, Application };

    QString id;
    QString name;
    Kind kind = Kind::Loopback;
    bool isDefault = false;
    QString iconName = {}; // an icon theme name (applications: the stream's application.icon_name)

    friend bool operator==(const AudioDevice &, const AudioDevice &) = default;
};

using AudioDeviceList = QList<AudioDevice>;

// The id of the choice that follows the system's default output wherever it moves.
inline QString defaultOutputDeviceId() { return QLatin1StringView(sourceid::kDefaultOutput); }

} // namespace spectray

Q_DECLARE_METATYPE(spectray::AudioDevice)
Q_DECLARE_METATYPE(spectray::AudioDeviceList)

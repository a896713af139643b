#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace spectray::gui {

// Starting Spectray when the user logs in. One implementation per platform; the factory picks.
class AutoStart
{
public:
    virtual ~AutoStart() = default;
    // Whether an entry for this application exists.
    virtual bool isEnabled() const = 0;
    // Creates or removes the entry; on failure returns false and says why in `error`.
    virtual bool setEnabled(bool enabled, QString *error = nullptr) = 0;
    // Where the entry lives (a file path or a registry key), for messages and tests.
    virtual QString location() const = 0;
};

inline QString applicationId() { return QStringLiteral("io.github.spectray.Spectray"); }

// Linux/BSD: $XDG_CONFIG_HOME/autostart/io.github.spectray.Spectray.desktop.
// Windows: HKCU\Software\Microsoft\Windows\CurrentVersion\Run\Spectray.
std::unique_ptr<AutoStart> createAutoStart(const QString &executable, const QStringList &arguments = {});

} // namespace spectray::gui

#include "autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace spectray::gui {

namespace {

QString quoted(const QString &s)
{
    if (!s.contains(u' ') && !s.contains(u'"'))
        return s;
    QString e = s;
    e.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + e + u'"';
}

QString commandLine(const QString &exe, const QStringList &args)
{
    QStringList parts{quoted(exe)};
    for (const QString &a : args)
        parts << quoted(a);
    return parts.join(u' ');
}

class XdgAutoStart final : public AutoStart
{
public:
    XdgAutoStart(QString exe, QStringList args)
        : m_exe(std::move(exe)), m_args(std::move(args))
    {
    }

    QString location() const override
    {
        QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
        if (config.isEmpty())
            config = QDir::homePath() + QStringLiteral("/.config");
        return config + QStringLiteral("/autostart/") + applicationId() + QStringLiteral(".desktop");
    }

    bool isEnabled() const override { return QFileInfo::exists(location()); }

    bool setEnabled(bool enabled, QString *error) override
    {
        const QString path = location();
        if (!enabled) {
            if (QFileInfo::exists(path) && !QFile::remove(path)) {
                if (error)
                    *error = QStringLiteral("cannot remove %1").arg(path);
                return false;
            }
            return true;
        }
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            if (error)
                *error = file.errorString();
            return false;
        }
        const QString text = QStringLiteral("[Desktop Entry]\nType=Application\nName=Spectray\n"
                                            "Comment=System audio spectrum in the tray\n"
                                            "Exec=%1\nIcon=%2\nTerminal=false\nX-GNOME-Autostart-enabled=true\n")
                                 .arg(commandLine(m_exe, m_args), applicationId());
        file.write(text.toUtf8());
        if (!file.commit()) {
            if (error)
                *error = file.errorString();
            return false;
        }
        return true;
    }

private:
    QString m_exe;
    QStringList m_args;
};

#ifdef Q_OS_WIN
class RunKeyAutoStart final : public AutoStart
{
public:
    RunKeyAutoStart(QString exe, QStringList args)
        : m_command(commandLine(QDir::toNativeSeparators(exe), args))
        , m_run(QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"),
                QSettings::NativeFormat)
    {
    }

    QString location() const override { return m_run.fileName() + QStringLiteral("\\Spectray"); }
    bool isEnabled() const override { return m_run.contains(QStringLiteral("Spectray")); }

    bool setEnabled(bool enabled, QString *error) override
    {
        if (enabled)
            m_run.setValue(QStringLiteral("Spectray"), m_command);
        else
            m_run.remove(QStringLiteral("Spectray"));
        m_run.sync();
        if (m_run.status() != QSettings::NoError) {
            if (error)
                *error = QStringLiteral("cannot write %1").arg(m_run.fileName());
            return false;
        }
        return true;
    }

private:
    QString m_command;
    QSettings m_run;
};
#endif

} // namespace

std::unique_ptr<AutoStart> createAutoStart(const QString &executable, const QStringList &arguments)
{
#ifdef Q_OS_WIN
    return std::make_unique<RunKeyAutoStart>(executable, arguments);
#else
    return std::make_unique<XdgAutoStart>(executable, arguments);
#endif
}

} // namespace spectray::gui

#pragma once

// Reading a StatusNotifierItem and its menu from outside Qt, over the session bus (gdbus), for the
// tray tests that run under run-under-xvfb.sh --sni.
#include "toolprocess.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

namespace spectray::test {

// gdbus is part of GLib (libglib2.0-bin), not of Qt: an independent view of the session bus.
// It may ask this very process (our item's properties), so the event loop keeps running meanwhile.
inline QString gdbus(const QStringList &args)
{
    QProcess p;
    test::withoutPreload(p);
    p.start(QStringLiteral("gdbus"), QStringList { u"call"_qs, u"--session"_qs } + args);
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 10000)) {
        p.kill();
        p.waitForFinished(1000);
        return {};
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

inline QString getProperty(const QString &service, const QString &path, const QString &iface, const QString &name)
{
    return gdbus(
        { u"-d"_qs, service, u"-o"_qs, path, u"-m"_qs, u"org.freedesktop.DBus.Properties.Get"_qs, iface, name });
}

// "service/path" entries of the watcher's RegisteredStatusNotifierItems.
inline QStringList registeredItems()
{
    const QString reply = getProperty(u"org.kde.StatusNotifierWatcher"_qs, u"/StatusNotifierWatcher"_qs,
        u"org.kde.StatusNotifierWatcher"_qs, u"RegisteredStatusNotifierItems"_qs);
    QStringList items;
    static const QRegularExpression quoted(u"'([^']+)'"_qs);
    for (auto it = quoted.globalMatch(reply); it.hasNext();)
        items << it.next().captured(1);
    return items;
}

} // namespace spectray::test

#pragma once
// Runs the real `spectray` binary (SPECTRAY_BINARY, set by tests/app/CMakeLists.txt) to completion,
// as a user runs it, and reads its JSON-lines output.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>

namespace spectray::test {

struct CliRun
{
    int exitCode = -1; // -1: crashed, -100: hung (killed after the timeout)
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(QStringLiteral(SPECTRAY_BINARY), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return { -100, p.readAllStandardOutput(), "timed out" };
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

// One object per line; empty if any line is not a JSON object.
inline QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError e;
        objects.append(QJsonDocument::fromJson(line, &e).object());
        if (e.error != QJsonParseError::NoError)
            return {};
    }
    return objects;
}

} // namespace spectray::test

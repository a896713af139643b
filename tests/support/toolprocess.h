#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <csignal>

namespace spectray::test {

// The environment for a tool that is not ours (pulseaudio, pactl, xdotool, ...): the test's own, less
// what sanitizer builds preload into the test program (tests/gui/CMakeLists.txt: LD_PRELOAD of the
// ASan runtime and Mesa's driver), or LeakSanitizer would fail the tool for its own leaks.
inline QProcessEnvironment toolEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LD_PRELOAD"));
    return env;
}

// Runs an external tool (xdotool, gdbus, import) to completion and returns its exit code (-1 if
// it could not run or crashed), without what sanitizer builds preload into the test program
// (tests/gui/CMakeLists.txt: LD_PRELOAD of the ASan runtime and Mesa's driver): the tool is not
// ours, and LeakSanitizer would fail it for its own leaks.
inline int runTool(const QString &program, const QStringList &args, int hangGuardMs = 30000)
{
    QProcess p;
    p.setProcessEnvironment(toolEnvironment());
    p.start(program, args);
    if (!p.waitForFinished(hangGuardMs) || p.exitStatus() != QProcess::NormalExit)
        return -1;
    return p.exitCode();
}

// The same environment for a QProcess the caller drives itself.
inline void withoutPreload(QProcess &p)
{
    p.setProcessEnvironment(toolEnvironment());
}

// Ends a running program as a service manager would (SIGTERM) and returns its exit code (-1:
// crashed, or hung for 20 s and was killed).
inline int terminateAndWait(QProcess &p)
{
    ::kill(pid_t(p.processId()), SIGTERM);
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace spectray::test

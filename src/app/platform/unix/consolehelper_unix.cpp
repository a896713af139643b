// POSIX side of platform.h's execConsoleHelper/nameProcess: execv() into the console helper.
#include "app/platform/platform.h"

#include <QtGlobal>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <unistd.h>
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace spectray::platform {

namespace {

// The directory of the running executable ("" where /proc/self/exe does not exist).
std::string executableDir()
{
    char path[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        return {};
    const std::string exe(path, std::size_t(n));
    return exe.substr(0, exe.rfind('/'));
}

} // namespace

QString execConsoleHelper(char **argv)
{
#if defined(SPECTRAY_CONSOLE_HELPER_NAME) && defined(SPECTRAY_CONSOLE_HELPER_LIBEXEC)
    if (!qEnvironmentVariableIsEmpty("SPECTRAY_NO_REEXEC"))
        return QStringLiteral("SPECTRAY_NO_REEXEC is set");
    const std::string dir = executableDir();
    if (dir.empty())
        return QStringLiteral("the executable's directory is unknown");
    // Beside us in a build tree; bin/../libexec/spectray/ when installed (the relative path comes
    // from CMake's install directories, so a relocated prefix still finds it).
    const std::string candidates[] = { dir + "/" SPECTRAY_CONSOLE_HELPER_NAME,
        dir + "/" SPECTRAY_CONSOLE_HELPER_LIBEXEC "/" SPECTRAY_CONSOLE_HELPER_NAME };
    for (const std::string &helper : candidates) {
        if (::access(helper.c_str(), X_OK) != 0)
            continue;
        ::execv(helper.c_str(), argv);
        return QStringLiteral("exec %1 failed: %2")
            .arg(QString::fromStdString(helper), QString::fromLocal8Bit(std::strerror(errno)));
    }
    return QStringLiteral("%1 not found in %2 or %2/%3")
        .arg(QStringLiteral(SPECTRAY_CONSOLE_HELPER_NAME), QString::fromStdString(dir),
            QStringLiteral(SPECTRAY_CONSOLE_HELPER_LIBEXEC));
#else
    Q_UNUSED(argv)
    return QStringLiteral("this build has no console helper");
#endif
}

void nameProcess(const char *argv0)
{
#if defined(Q_OS_LINUX)
    if (!argv0 || !*argv0)
        return;
    const char *base = std::strrchr(argv0, '/');
    ::prctl(PR_SET_NAME, base ? base + 1 : argv0, 0, 0, 0); // the kernel keeps the first 15 bytes
#else
    Q_UNUSED(argv0)
#endif
}

} // namespace spectray::platform

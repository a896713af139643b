#include "console.h"

#include "core/enginestatus.h"
#include "core/qrmatrix.h"
#include "engine/retrybackoff.h"

#include <QCoreApplication>

namespace spectray {

void printLine(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

void printError(const QString &message)
{
    printLine(stderr, QStringLiteral("spectray: ") + message);
}

QString statusLine(const EngineStatus &status)
{
    return status.reason.isEmpty()
        ? QStringLiteral("%1: %2").arg(stateName(status.state), status.deviceName)
        : QStringLiteral("%1: %2 (%3)").arg(stateName(status.state), status.reason, status.deviceName);
}

void StatusPrinter::print(const EngineStatus &status)
{
    // A new output latency figure is its own line, not a repeat of the state line.
    EngineStatus withoutSync = status;
    withoutSync.outputLatencyMs = m_last.outputLatencyMs;
    withoutSync.syncNote = m_last.syncNote;
    const bool onlySync = withoutSync == m_last && status != m_last;
    const bool newNote = status.syncNote != m_last.syncNote && !status.syncNote.isEmpty();
    m_last = status;
    if (!onlySync)
        printError(statusLine(status));
    if (newNote)
        printError(status.syncNote);
    if (onlySync)
        return;
    if (status.state != EngineStatus::State::Error || m_hinted)
        return;
    m_hinted = true;
    const auto cap = std::chrono::duration_cast<std::chrono::seconds>(RetryBackoff::kCap).count();
    const char *hint = QT_TRANSLATE_NOOP("spectray::Console",
                                         "retrying in the background (the wait grows to %1 s) and will say when "
                                         "it is back; to run without an audio server use --source demo");
    printError(QCoreApplication::translate("spectray::Console", hint).arg(cap));
}

QString qrCodeText(const QrMatrix &matrix)
{
    // Two quiet modules instead of the standard four: the black terminal background around the
    // inverse-video block already separates the code, and phones read it well this way.
    const int quiet = 2;
    const int size = matrix.size();
    QString out;
    for (int y = -quiet; y < size + quiet; y += 2) {
        out += QStringLiteral("\x1b[97;40m");
        for (int x = -quiet; x < size + quiet; ++x) {
            const bool top = !matrix.isDark(x, y);
            const bool bottom = !matrix.isDark(x, y + 1);
            out += top && bottom ? u'\u2588' : top ? u'\u2580' : bottom ? u'\u2584' : u' ';
        }
        out += QStringLiteral("\x1b[0m\n");
    }
    return out;
}

} // namespace spectray

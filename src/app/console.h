#pragma once

#include "core/enginestatus.h"

#include <QString>

#include <cstdio>

namespace spectray {

class QrMatrix;

// Console output of the command-line modes (headless, --print-frames, --list-devices).

// One line, flushed at once so a reader on a pipe sees it immediately.
void printLine(std::FILE *stream, const QString &line);
// "spectray: MESSAGE" on stderr.
void printError(const QString &message);
// "running: Device name" or "error: reason (Device name)".
QString statusLine(const EngineStatus &status);
// The engine's status lines on stderr. The first error also says that capture is retried in the
// background (quietly: the engine reports only changes) and how to run without an audio server.
class StatusPrinter final
{
public:
    void print(const EngineStatus &status);

private:
    bool m_hinted = false;
    EngineStatus m_last;
};
// The QR code in text: two module rows per line with half blocks; light modules (and the quiet
// zone) are drawn, dark ones left as the background, in inverse video (white on black) so it reads
// on dark and light terminals alike.
QString qrCodeText(const QrMatrix &matrix);

} // namespace spectray

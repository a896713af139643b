#include "headless.h"

#include "console.h"
#include "platform/platform.h"
#include "session.h"

#include "core/logging.h"
#include "core/qrmatrix.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "net/lanservice.h"
#include "outputs/outputservice.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

namespace spectray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::Headless", text);
}

// The URL lines keep their format ("  http://HOST:PORT/#t=TOKEN", loopback first): scripts and
// tests read them.
void printUrls(const net::LanService &lan, bool qrCode)
{
    printLine(stdout, tr("Spectray is streaming on port %1. Open one of these in a browser:").arg(lan.port()));
    const QUrl loopback = lan.loopbackUrl();
    if (!loopback.isEmpty())
        printLine(stdout, QStringLiteral("  ") + loopback.toString());
    const QList<QUrl> lanUrls = lan.lanUrls();
    for (const QUrl &url : lanUrls)
        printLine(stdout, QStringLiteral("  ") + url.toString());
    if (qrCode && !lanUrls.isEmpty() && platform::isStdoutTerminal()) {
        const QrMatrix matrix = QrMatrix::encode(lanUrls.constFirst().toString());
        if (!matrix.isEmpty()) {
            printLine(stdout, tr("Scan to open on a phone on the same network:"));
            std::fputs(qrCodeText(matrix).toUtf8().constData(), stdout);
        }
    }
    printLine(stdout, tr("Press Ctrl+C to stop."));
}

// One line per output that runs, and each problem once (OutputService reports each message once);
// the LED rate is printed once it has been measured over a second.
void watchOutputs(outputs::OutputService &outputs, QObject *context)
{
    QObject::connect(
        &outputs, &outputs::OutputService::problem, context, [](const QString &message) { printError(message); });
    QObject::connect(&outputs.mqtt(), &outputs::MqttPublisher::stateChanged, context,
        [](outputs::MqttPublisher::State state, const QString &message) {
            if (state == outputs::MqttPublisher::State::Connected)
                printError(message);
        });
    QTimer::singleShot(2000, context, [&outputs] {
        if (outputs.wled().isRunning())
            printError(outputs.wledStatusLine());
    });
}

} // namespace

int runHeadless(Session &session, const HeadlessOptions &options)
{
    platform::TerminationWatcher termination;
    StatusPrinter status;
    QObject::connect(
        &session.engine(), &Engine::statusChanged, &termination, [&status](const EngineStatus &s) { status.print(s); });

    net::LanService &lan = session.lan();
    QString error;
    if (!lan.apply(&error)) {
        printError(error);
        return 1;
    }
    if (!lan.isListening()) {
        printError(tr("the LAN server is turned off in the settings (server/enabled in %1); "
                      "use --print-frames for output without a server")
                       .arg(session.settings().fileName()));
        return 1;
    }

    QEventLoop loop;
    QObject::connect(&termination, &platform::TerminationWatcher::terminationRequested, &loop, [&] {
        session.shutdown();
        // Let the event loop flush the close frames before returning.
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
    });
    watchOutputs(session.outputs(), &termination);
    session.sendFramesFromAudioThread(); // no window here: nothing else needs them on this thread
    session.startEngine(options.source, options.analysis, true);
    printUrls(lan, options.printQrCode);

    loop.exec();
    qCInfo(lcApp) << "Headless mode stopped";
    return 0;
}

} // namespace spectray

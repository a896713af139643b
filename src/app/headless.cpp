#include "headless.h"

#include "unixsignals.h"

#include "core/logging.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "net/netsettings.h"
#include "net/streamserver.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <qrcodegen/qrcodegen.hpp>

#include <cstdio>
#include <string>
#include <unistd.h>

namespace spectray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::Headless", text);
}

void say(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Two module rows per text line with half blocks. Light modules (and the quiet zone) are drawn,
// dark ones left as the terminal background, which reads correctly on dark terminals; the
// inverse video escape makes it read on light ones too.
void printQrCode(const QString &text)
{
    const qrcodegen::QrCode qr = qrcodegen::QrCode::encodeText(text.toUtf8().constData(), qrcodegen::QrCode::Ecc::LOW);
    const int quiet = 2;
    const int size = qr.getSize();
    const auto light = [&](int x, int y) {
        return x < 0 || y < 0 || x >= size || y >= size || !qr.getModule(x, y);
    };
    std::string out;
    for (int y = -quiet; y < size + quiet; y += 2) {
        out += "\x1b[97;40m";
        for (int x = -quiet; x < size + quiet; ++x) {
            const bool top = light(x, y);
            const bool bottom = light(x, y + 1);
            out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
        }
        out += "\x1b[0m\n";
    }
    std::fputs(out.c_str(), stdout);
    std::fflush(stdout);
}

} // namespace

int runHeadless(Engine &engine, Settings &settings, const HeadlessOptions &options)
{
    net::ServerOptions serverOptions = net::serverOptionsFrom(settings);
    if (options.port)
        serverOptions.port = *options.port;
    if (options.bind) {
        const QHostAddress address(*options.bind);
        if (address.isNull()) {
            std::fprintf(stderr, "spectray: %s\n",
                         qPrintable(tr("--bind: \"%1\" is not an IP address").arg(*options.bind)));
            return 2;
        }
        serverOptions.bindAddress = address;
    }

    net::StreamServer server;
    QObject::connect(&engine, &Engine::frameReady, &server, &net::StreamServer::publishFrame);
    QObject::connect(&engine, &Engine::layoutChanged, &server, &net::StreamServer::publishLayout);
    QObject::connect(&engine, &Engine::statusChanged, &server, &net::StreamServer::setEngineStatus);
    QObject::connect(&server, &net::StreamServer::tokenChanged, &settings, [&settings](const QString &token) {
        settings.setValue(keys::serverToken, token);
        settings.sync();
    });
    QObject::connect(&engine, &Engine::statusChanged, &server, [](const EngineStatus &status) {
        const QString line = status.reason.isEmpty()
                                 ? QStringLiteral("%1: %2").arg(stateName(status.state), status.deviceName)
                                 : QStringLiteral("%1: %2 (%3)").arg(stateName(status.state), status.reason, status.deviceName);
        std::fprintf(stderr, "spectray: %s\n", line.toLocal8Bit().constData());
    });
    if (engine.layout().isValid())
        server.publishLayout(engine.layout());
    server.setEngineStatus(engine.status());

    QString error;
    if (!server.listen(serverOptions, &error)) {
        std::fprintf(stderr, "spectray: %s\n", error.toLocal8Bit().constData());
        return 1;
    }

    TerminationSignals termination;
    QEventLoop loop;
    QObject::connect(&termination, &TerminationSignals::terminationRequested, &loop, [&] {
        server.close(true); // 1001 going away to every client
        engine.stop();      // releases the capture stream
        // Let the event loop flush the close frames before returning.
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
    });

    engine.applyConfig(options.analysis);
    engine.selectDevice(options.source);
    engine.start();

    const QList<QUrl> urls = server.clientUrls();
    say(tr("Spectray is streaming on port %1. Open one of these in a browser:").arg(server.port()));
    QUrl lanUrl;
    for (const QUrl &url : urls) {
        say(QStringLiteral("  ") + url.toString());
        if (lanUrl.isEmpty() && url.host() != QLatin1String("127.0.0.1"))
            lanUrl = url;
    }
    if (options.printQrCode && !lanUrl.isEmpty() && ::isatty(STDOUT_FILENO)) {
        say(tr("Scan to open on a phone on the same network:"));
        printQrCode(lanUrl.toString());
    }
    say(tr("Press Ctrl+C to stop."));

    loop.exec();
    qCInfo(lcApp) << "Headless mode stopped";
    return 0;
}

} // namespace spectray

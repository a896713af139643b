#include "livecommands.h"

#include "console.h"
#include "engine/engine.h"
#include "frameprinter.h"
#include "memorytrimmer.h"
#include "platform/platform.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <climits>
#include <cstdio>

namespace spectray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::LiveCommands", text);
}

QString kindName(AudioDevice::Kind kind)
{
    switch (kind) {
    case AudioDevice::Kind::Loopback: return QStringLiteral("loopback");
    case AudioDevice::Kind::Input: return QStringLiteral("input");
    case AudioDevice::Kind::Virtual: return QStringLiteral("virtual");
    case AudioDevice::Kind::Application: return QStringLiteral("application");
    }
    return {};
}

bool writeLine(const QByteArray &line)
{
    return std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout) == std::size_t(line.size())
           && std::fputc('\n', stdout) != EOF && std::fflush(stdout) == 0;
}

} // namespace

int runListDevices(Engine &engine, bool json)
{
    // The worker publishes its list once it has asked the audio server; wait for that (bounded).
    QEventLoop loop;
    QObject::connect(&engine, &Engine::devicesChanged, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    if (engine.devices().isEmpty())
        loop.exec();
    const AudioDeviceList devices = engine.devices();
    if (devices.isEmpty()) {
        std::fprintf(stderr, "spectray: %s\n", qPrintable(tr("the capture engine did not answer")));
        return 1;
    }
    if (json) {
        QJsonArray array;
        for (const AudioDevice &d : devices) {
            QJsonObject entry{{QStringLiteral("id"), d.id},
                              {QStringLiteral("name"), d.name},
                              {QStringLiteral("kind"), kindName(d.kind)},
                              {QStringLiteral("default"), d.isDefault}};
            if (!d.iconName.isEmpty())
                entry.insert(QStringLiteral("icon"), d.iconName); // applications: a theme icon name
            array.append(entry);
        }
        writeLine(QJsonDocument(array).toJson(QJsonDocument::Indented).trimmed());
        return 0;
    }
    for (const AudioDevice &d : devices) {
        const QString line = QStringLiteral("%1 %2  %3\n    %4")
                                 .arg(d.isDefault ? QStringLiteral("*") : QStringLiteral(" "), kindName(d.kind), d.name, d.id);
        writeLine(line.toUtf8());
    }
    return 0;
}

int runPrintFrames(Engine &engine, const QString &source, const AnalysisConfig &config, qint64 frames)
{
    platform::ignoreBrokenPipe(); // a closed pipe shows up as a failed write, handled by the printer
    platform::TerminationWatcher termination;
    QEventLoop loop;
    QObject::connect(&termination, &platform::TerminationWatcher::terminationRequested, &loop, &QEventLoop::quit);
    // Lines are written on the audio thread as frames are made; this thread wakes only for status
    // lines and for the end (N frames printed, stdout closed, a signal).
    FramePrinter printer(platform::NoWaitWriter(platform::stdoutDescriptor()), frames,
        [&loop] { QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection); });
    engine.setFrameTap(&printer);
    StatusPrinter statusPrinter;
    QObject::connect(
        &engine, &Engine::statusChanged, &loop, [&](const EngineStatus &status) { statusPrinter.print(status); });
    // Started, the run no longer needs the pages start-up touched (memorytrimmer.h; issue 11: RSS).
    MemoryTrimmer trimmer;
    QObject::connect(&engine, &Engine::statusChanged, &trimmer, &MemoryTrimmer::request);
    engine.applyConfig(config);
    engine.selectDevice(source);
    engine.start();
    loop.exec();
    engine.setFrameTap(nullptr); // from here on the printer is this thread's alone
    engine.stop();
    printer.drain(std::chrono::seconds(1));
    // Computed apart from the translate() call: lupdate's parser loops on a template argument list there.
    const int dropped = int(std::min<qint64>(printer.dropped(), INT_MAX));
    if (dropped > 0) {
        printError(QCoreApplication::translate(
            "spectray::LiveCommands", "%n frame(s) not printed: stdout was not read fast enough", nullptr, dropped));
    }
    return 0;
}

} // namespace spectray

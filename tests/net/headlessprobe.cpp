// Runs src/app/headless.cpp's runHeadless() the way main.cpp does for `spectray --headless`, so the
// runner is exercised even in a tree where the app does not wire it yet.
//   spectray_headless_probe --config INI [--source demo] [--port N] [--bind ADDR] [--fps F]
#include "app/headless.h"

#include "core/metatypes.h"
#include "core/settings.h"
#include "engine/engine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace spectray;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    registerMetaTypes();
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("config"), QStringLiteral("ini"), QStringLiteral("FILE")},
                  {QStringLiteral("source"), QStringLiteral("source"), QStringLiteral("S"), QStringLiteral("demo")},
                  {QStringLiteral("port"), QStringLiteral("port"), QStringLiteral("N")},
                  {QStringLiteral("bind"), QStringLiteral("bind"), QStringLiteral("ADDR")},
                  {QStringLiteral("fps"), QStringLiteral("fps"), QStringLiteral("F"), QStringLiteral("30")}});
    p.process(app);
    Settings settings(p.value(QStringLiteral("config")));
    HeadlessOptions o;
    o.source = p.value(QStringLiteral("source"));
    o.analysis.fps = p.value(QStringLiteral("fps")).toInt();
    if (p.isSet(QStringLiteral("port")))
        o.port = quint16(p.value(QStringLiteral("port")).toUInt());
    if (p.isSet(QStringLiteral("bind")))
        o.bind = p.value(QStringLiteral("bind"));
    Engine engine;
    return runHeadless(engine, settings, o);
}

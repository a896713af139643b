// The desktop mode exactly as main.cpp wires it, without the lead's command-line parser: used by
// the tray/single-instance tests and scripts/screenshots.sh until the real app calls runDesktop().
//   spectray_gui_demo [--config FILE] [--lang ru] [--source demo] [--show] [--no-capture]
#include "app/desktopapp.h"
#include "app/desktopserver.h"
#include "net/streamserver.h"
#include "core/metatypes.h"
#include "core/settings.h"
#include "engine/engine.h"
#include "gui/guisettings.h"
#include "gui/singleinstance.h"
#include "gui/translations.h"

#include <QApplication>

#include <memory>

int main(int argc, char **argv)
{
    using namespace spectray;
    QApplication::setOrganizationName(QStringLiteral("Spectray"));
    QApplication::setApplicationName(QStringLiteral("spectray"));
    QApplication app(argc, argv);
    registerMetaTypes();

    const QStringList args = QApplication::arguments();
    auto option = [&args](const QString &name) {
        const int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : QString();
    };
    const QString config = option(QStringLiteral("--config"));
    auto settings = config.isEmpty() ? std::make_unique<Settings>() : std::make_unique<Settings>(config);

    // 1. Language: --lang, else the stored choice, else the system locale. Before any widget.
    const QString lang = option(QStringLiteral("--lang"));
    gui::installTranslators(app, lang.isEmpty() ? settings->value(keys::language) : lang);

    // 2. Single instance, before the engine exists: a second launch forwards and exits.
    DesktopOptions opts;
    opts.arguments = args;
    opts.source = option(QStringLiteral("--source"));
    opts.showWindow = args.contains(QStringLiteral("--show"));
    opts.noCapture = args.contains(QStringLiteral("--no-capture"));
    opts.instanceKey = config;
    std::unique_ptr<gui::SingleInstance> instance = acquireSingleInstance(opts);
    if (!instance)
        return 0;

    // 3. Engine and LAN server, then the desktop with the server joined to it.
    Engine engine;
    net::StreamServer server;
    return runDesktop(app, engine, *settings, *instance, opts, [&](DesktopApp &desktop) {
        auto *joined = new DesktopServer(desktop, server, *settings, &desktop);
        joined->apply(); // listens if the settings enable the server; a busy port becomes a notification
    });
}

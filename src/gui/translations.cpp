#include "translations.h"

#include "core/logging.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace spectray::gui {

QStringList availableLanguages()
{
    return {QStringLiteral("ru"), QStringLiteral("de")};
}

QString installTranslators(QApplication &app, const QString &language)
{
    // Old translators go first so a second call (tests) switches cleanly.
    for (QTranslator *old : app.findChildren<QTranslator *>(QStringLiteral("spectrayTranslator"))) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *own = new QTranslator(&app);
    own->setObjectName(QStringLiteral("spectrayTranslator"));
    // qt_add_translations embeds the .qm files under :/i18n.
    if (!own->load(locale, QStringLiteral("spectray"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        qCDebug(lcGui).noquote() << "No translation for" << locale.name() << "- using English";
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    // Qt's own strings (the standard dialog buttons "Close", "OK", "Cancel", the colour dialog)
    // come from qtbase_<lang>.qm in Qt's translations directory (Debian: qt6-translations-l10n).
    auto *qt = new QTranslator(&app);
    qt->setObjectName(QStringLiteral("spectrayTranslator"));
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtDir)) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
        qCInfo(lcGui).noquote() << "Qt's own translation for" << locale.name() << "is not in" << qtDir
                                << "- standard buttons stay English (install qt6-translations-l10n)";
    }
    return own->language().section(u'_', 0, 0);
}

} // namespace spectray::gui

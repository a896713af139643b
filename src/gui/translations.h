#pragma once

#include <QString>
#include <QStringList>

class QApplication;

namespace spectray::gui {

// Installs Spectray's and Qt's own translators for `language` ("ru", "de", "en"); an empty string
// follows the system locale. Call before any widget is created (texts are set at construction).
// Returns the language actually used ("en" when nothing matched).
QString installTranslators(QApplication &app, const QString &language);

// Languages shipped in the binary besides English, as codes.
QStringList availableLanguages();

} // namespace spectray::gui

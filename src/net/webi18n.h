#pragma once

#include <QByteArray>
#include <QString>

namespace spectray::net {

// The web client's strings. They live in C++ (webi18n.cpp, context "spectray::web", plus the window's
// own style and colour names) so lupdate collects them into the app's translations/*.ts with
// everything else: one catalogue, one workflow, one check for untranslated strings.
// Returns {"lang":"ru","strings":{"key":"text",...}} for /i18n.json?lang=xx. Languages the app does
// not ship fall back to English; the answer is built once per language through a QTranslator that
// reads the app's embedded .qm files (:/i18n), so it never depends on the app's own UI language.
QByteArray webI18nJson(const QString &language);

// The language code actually served for a request ("en", "ru" or "de").
QString webLanguage(const QString &requested);

} // namespace spectray::net

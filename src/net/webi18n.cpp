#include "webi18n.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTranslator>

namespace spectray::net {

namespace {
struct WebString
{
    const char *key;
    const char *context;
    const char *source;
};

// Style and colour names reuse the window's contexts, so each name is translated once for both.
// Every row spells QT_TRANSLATE_NOOP out with literals: lupdate reads the text, not the preprocessor.
constexpr const char *kWeb = "spectray::web";
constexpr const char *kStyle = "spectray::gui::Style";
constexpr const char *kTheme = "spectray::gui::AccentPreset";
constexpr const char *kAxis = "spectray::gui::AxisOverlay";
constexpr WebString kStrings[] = {
    { "state.connecting", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Connecting…") },
    { "state.live", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Live") },
    { "state.silent", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Silent") },
    { "state.stopped", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Capture stopped") },
    { "state.starting", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Starting…") },
    { "state.error", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Capture error") },
    { "state.server_stopped", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Server stopped") },
    { "state.reconnecting", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Reconnecting in %1 s") },
    { "state.no_token", kWeb, QT_TRANSLATE_NOOP("spectray::web", "This link has no access token.") },
    { "state.bad_token", kWeb,
        QT_TRANSLATE_NOOP("spectray::web", "Access refused: the link's token is wrong or out of date.") },
    { "state.token_help", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Ask for a new link or scan the QR code again.") },
    { "settings.open", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Settings") },
    { "settings.close", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Close") },
    { "settings.style", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Style") },
    { "settings.theme", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Colour theme") },
    { "settings.peaks", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Peak caps") },
    { "settings.smoothing", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Smoothing") },
    { "settings.fps", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Frame rate") },
    { "settings.axis", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Frequency labels") },
    { "settings.grid", kWeb, QT_TRANSLATE_NOOP("spectray::web", "dB grid") },
    { "settings.mirror", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Follow the desktop style") },
    { "settings.offset", kWeb, QT_TRANSLATE_NOOP("spectray::web", "A/V offset (ms)") },
    { "settings.flash", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Limit flashes (photosensitivity)") },
    { "settings.fullscreen", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Full screen") },
    { "smoothing.low", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Low") },
    { "smoothing.normal", kWeb, QT_TRANSLATE_NOOP("spectray::web", "Normal") },
    { "smoothing.high", kWeb, QT_TRANSLATE_NOOP("spectray::web", "High") },
    { "fps.max", kWeb, QT_TRANSLATE_NOOP("spectray::web", "As sent") },
    { "style.bars", kStyle, QT_TRANSLATE_NOOP("spectray::gui::Style", "Bars") },
    { "style.mirrored", kStyle, QT_TRANSLATE_NOOP("spectray::gui::Style", "Mirrored bars") },
    { "style.curve", kStyle, QT_TRANSLATE_NOOP("spectray::gui::Style", "Filled curve") },
    { "style.led", kStyle, QT_TRANSLATE_NOOP("spectray::gui::Style", "LED segments") },
    { "style.spectrogram", kStyle, QT_TRANSLATE_NOOP("spectray::gui::Style", "Spectrogram") },
    { "style.radial", kStyle, QT_TRANSLATE_NOOP("spectray::gui::Style", "Radial") },
    { "theme.sky", kTheme, QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", "Sky") },
    { "theme.mint", kTheme, QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", "Mint") },
    { "theme.amber", kTheme, QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", "Amber") },
    { "theme.magenta", kTheme, QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", "Magenta") },
    { "theme.contrast", kTheme, QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", "High contrast") },
    { "grid.db0", kAxis, QT_TRANSLATE_NOOP("spectray::gui::AxisOverlay", "%1 dB") },
};
} // namespace

QString webLanguage(const QString &requested)
{
    const QString lang = requested.left(2).toLower();
    return lang == u"ru" || lang == u"de" ? lang : QStringLiteral("en");
}

QByteArray webI18nJson(const QString &language)
{
    static QHash<QString, QByteArray> cache; // GUI thread only, a handful of entries at most
    const QString lang = webLanguage(language);
    const auto cached = cache.constFind(lang);
    if (cached != cache.constEnd())
        return *cached;
    QTranslator translator;
    const bool loaded = lang != u"en"
        && translator.load(QLocale(lang), QStringLiteral("spectray"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    QJsonObject strings;
    for (const WebString &s : kStrings) {
        QString text = loaded ? translator.translate(s.context, s.source) : QString();
        if (text.isEmpty()) // untranslated: English, never a blank label
            text = QString::fromUtf8(s.source);
        strings.insert(QLatin1String(s.key), text);
    }
    const QByteArray json = QJsonDocument(
        QJsonObject { { QStringLiteral("lang"), loaded ? lang : QStringLiteral("en") },
            { QStringLiteral("strings"),
                strings } }).toJson(QJsonDocument::Compact);
    cache.insert(lang, json);
    return json;
}

} // namespace spectray::net

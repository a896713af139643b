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
#define WEB(key, text) {key, "spectray::web", QT_TRANSLATE_NOOP("spectray::web", text)}
#define STYLE(key, text) {key, "spectray::gui::Style", QT_TRANSLATE_NOOP("spectray::gui::Style", text)}
#define THEME(key, text) {key, "spectray::gui::AccentPreset", QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", text)}
constexpr WebString kStrings[] = {
    WEB("state.connecting", "Connecting…"),
    WEB("state.live", "Live"),
    WEB("state.silent", "Silent"),
    WEB("state.stopped", "Capture stopped"),
    WEB("state.starting", "Starting…"),
    WEB("state.error", "Capture error"),
    WEB("state.server_stopped", "Server stopped"),
    WEB("state.reconnecting", "Reconnecting in %1 s"),
    WEB("state.no_token", "This link has no access token."),
    WEB("state.bad_token", "Access refused: the link's token is wrong or out of date."),
    WEB("state.token_help", "Ask for a new link or scan the QR code again."),
    WEB("settings.open", "Settings"),
    WEB("settings.close", "Close"),
    WEB("settings.style", "Style"),
    WEB("settings.theme", "Colour theme"),
    WEB("settings.peaks", "Peak caps"),
    WEB("settings.smoothing", "Smoothing"),
    WEB("settings.fps", "Frame rate"),
    WEB("settings.axis", "Frequency labels"),
    WEB("settings.mirror", "Follow the desktop style"),
    WEB("settings.offset", "A/V offset (ms)"),
    WEB("settings.flash", "Limit flashes (photosensitivity)"),
    WEB("settings.fullscreen", "Full screen"),
    WEB("smoothing.low", "Low"),
    WEB("smoothing.normal", "Normal"),
    WEB("smoothing.high", "High"),
    WEB("fps.max", "As sent"),
    STYLE("style.bars", "Bars"),
    STYLE("style.mirrored", "Mirrored bars"),
    STYLE("style.curve", "Filled curve"),
    STYLE("style.led", "LED segments"),
    STYLE("style.spectrogram", "Spectrogram"),
    STYLE("style.radial", "Radial"),
    THEME("theme.sky", "Sky"),
    THEME("theme.mint", "Mint"),
    THEME("theme.amber", "Amber"),
    THEME("theme.magenta", "Magenta"),
    THEME("theme.contrast", "High contrast"),
};
#undef WEB
#undef STYLE
#undef THEME
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
                        && translator.load(QLocale(lang), QStringLiteral("spectray"), QStringLiteral("_"),
                                           QStringLiteral(":/i18n"));
    QJsonObject strings;
    for (const WebString &s : kStrings) {
        QString text = loaded ? translator.translate(s.context, s.source) : QString();
        if (text.isEmpty()) // untranslated: English, never a blank label
            text = QString::fromUtf8(s.source);
        strings.insert(QLatin1String(s.key), text);
    }
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("lang"), loaded ? lang : QStringLiteral("en")},
                                                      {QStringLiteral("strings"), strings}})
                                .toJson(QJsonDocument::Compact);
    cache.insert(lang, json);
    return json;
}

} // namespace spectray::net

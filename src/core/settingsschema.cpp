#include "settingsschema.h"
#include "settingskeys.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace spectray {

SettingGroup settingGroup(SettingId id)
{
    switch (id) {
    case SettingId::Source:
    case SettingId::Profile:
    case SettingId::Fps:
    case SettingId::Bands:
    case SettingId::MinHz:
    case SettingId::MaxHz:
    case SettingId::CaptureOnStart:
    case SettingId::Amplitude:
    case SettingId::RangeDb:
    case SettingId::Weighting:
    case SettingId::Layout:
    case SettingId::BandsPerOctave:
        return SettingGroup::Audio;
    case SettingId::ServerEnabled:
    case SettingId::ServerPort:
    case SettingId::ServerBind:
    case SettingId::ServerLanAccess:
    case SettingId::ServerToken:
    case SettingId::ServerTokenOnLoopback:
    case SettingId::ServerAllowedOrigins:
    case SettingId::ServerAllowedHosts:
    case SettingId::ServerMaxClients:
    case SettingId::WebAvOffset:
        return SettingGroup::Server;
    case SettingId::WindowVisible:
    case SettingId::WindowGeometry:
    case SettingId::WindowScreen:
        return SettingGroup::Window;
    case SettingId::FirstRunDone:
    case SettingId::StartAtLogin:
    case SettingId::Language:
        return SettingGroup::General;
    case SettingId::LedSyncEnabled:
    case SettingId::LedSyncTargets:
    case SettingId::LedSyncTtl:
    case SettingId::LedSyncInterface:
    case SettingId::MqttEnabled:
    case SettingId::MqttUrl:
    case SettingId::MqttPassword:
    case SettingId::MqttCaFile:
    case SettingId::MqttPrefix:
    case SettingId::MqttFrameRate:
    case SettingId::MqttLevelRate:
    case SettingId::LedSyncAvOffset:
    case SettingId::MqttAvOffset:
        return SettingGroup::Outputs;
    default:
        return SettingGroup::Display;
    }
}

} // namespace spectray

namespace spectray::keys {

namespace {

// Written here rather than with QHostAddress so core needs QtCore only.
bool isIpv4(QStringView text)
{
    const QList<QStringView> parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (QStringView p : parts) {
        bool ok = false;
        if (p.isEmpty() || p.size() > 3 || p.toUInt(&ok) > 255 || !ok)
            return false;
        for (QChar c : p) {
            if (!c.isDigit())
                return false;
        }
    }
    return true;
}

bool isHexGroup(QStringView g)
{
    if (g.isEmpty() || g.size() > 4)
        return false;
    for (QChar c : g) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return false;
    }
    return true;
}

// Counts the 16-bit groups of one side of "::" (an IPv4 tail counts two); -1 when malformed.
int ipv6Groups(QStringView side, bool ipv4TailAllowed)
{
    if (side.isEmpty())
        return 0;
    const QList<QStringView> groups = side.split(u':');
    int count = 0;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const bool last = i == groups.size() - 1;
        if (last && ipv4TailAllowed && isIpv4(groups[i]))
            count += 2;
        else if (isHexGroup(groups[i]))
            count += 1;
        else
            return -1;
    }
    return count;
}

bool isIpv6(QStringView text)
{
    static const QRegularExpression scope(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (const qsizetype percent = text.indexOf(u'%'); percent >= 0) {
        if (!scope.match(text.mid(percent + 1)).hasMatch())
            return false;
        text = text.left(percent);
    }
    const qsizetype gap = text.indexOf(u"::");
    if (gap < 0)
        return ipv6Groups(text, true) == 8;
    if (text.indexOf(u"::", gap + 1) >= 0)
        return false;
    const int left = ipv6Groups(text.left(gap), false);
    const int right = ipv6Groups(text.mid(gap + 2), true);
    return left >= 0 && right >= 0 && left + right < 8;
}

} // namespace

// Written out rather than as regular expressions: these two run at every start (the server's token
// and lists), and the first pattern matched maps PCRE2's compiler, 0.3 MB resident for the rest of
// the run (issue 11, RSS).
QStringList splitList(const QString &value)
{
    // The separators are commas and the ASCII white space PCRE2's \s matches (HT, LF, VT, FF, CR,
    // space), which the list values have always been split at.
    const auto separator = [](QChar c) { return c == u',' || c == u' ' || (c >= u'\t' && c <= u'\r'); };
    QStringList parts;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        const bool end = i == value.size() || separator(value.at(i));
        if (end && start >= 0) {
            parts.append(value.mid(start, i - start));
            start = -1;
        } else if (!end && start < 0) {
            start = i;
        }
    }
    return parts;
}

bool isValidBindAddress(const QString &value)
{
    return value.isEmpty() || isIpv4(value) || isIpv6(value);
}

bool isValidToken(const QString &value)
{
    const auto lowerHex = [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); };
    return value.isEmpty() || (value.size() == 32 && std::all_of(value.begin(), value.end(), lowerHex));
}

bool isValidOriginList(const QString &value)
{
    static const QRegularExpression origin(QStringLiteral("^https?://[^/\\s,]+$"));
    const QStringList parts = splitList(value);
    return std::all_of(parts.begin(), parts.end(), [](const QString &p) { return origin.match(p).hasMatch(); });
}

bool isValidHostList(const QString &value)
{
    // DNS labels (underscores tolerated: some local names have them), IPv4, or IPv6 with or without
    // brackets. No port: the server compares the Host header's name part.
    static const QRegularExpression name(
        QStringLiteral("^[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?$"));
    const QStringList parts = splitList(value);
    return std::all_of(parts.begin(), parts.end(), [](const QString &p) {
        if (p.size() > 253)
            return false;
        if (p.startsWith(u'[') && p.endsWith(u']'))
            return isIpv6(QStringView(p).mid(1, p.size() - 2));
        return isIpv6(p) || name.match(p).hasMatch();
    });
}

bool isValidMqttUrlShape(const QString &value)
{
    return value.isEmpty() || value.startsWith(QLatin1String("mqtt://"), Qt::CaseInsensitive)
        || value.startsWith(QLatin1String("mqtts://"), Qt::CaseInsensitive);
}

bool isValidMqttPrefixShape(const QString &value)
{
    return value.isEmpty()
        || (!value.contains(u'+') && !value.contains(u'#') && !value.startsWith(u'/') && !value.endsWith(u'/'));
}

bool isValidColor(const QString &value)
{
    // The forms QColor accepts after '#' (QColor is QtGui; core stays QtCore only).
    static const QRegularExpression hex(QStringLiteral("^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8}|"
                                                       "[0-9A-Fa-f]{9}|[0-9A-Fa-f]{12})$"));
    return hex.match(value).hasMatch();
}

bool isValidRect(const QString &value)
{
    // Written out rather than QWidget::saveGeometry's opaque blob so the placement logic (and a
    // person) can read it; a value from before (base64) is refused and the window is placed afresh.
    static const QRegularExpression rect(QStringLiteral("^(-?\\d{1,6}),(-?\\d{1,6}),(\\d{1,6}),(\\d{1,6})$"));
    const QRegularExpressionMatch m = rect.match(value);
    return value.isEmpty() || (m.hasMatch() && m.captured(3).toInt() > 0 && m.captured(4).toInt() > 0);
}

} // namespace spectray::keys

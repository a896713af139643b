#include "sourceid.h"

#include "sourceidformat.h"

#include <QCoreApplication>

#include <string_view>

namespace spectray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::SourceId", text);
}

// lupdate reads the literal; the assert keeps it equal to the name the Qt-free layers log.
constexpr const char *kDemoLabel = QT_TRANSLATE_NOOP("spectray::SourceId", "Demo signal (synthetic)");
static_assert(std::string_view(kDemoLabel) == std::string_view(sourceid::kDemoName));

bool takePrefix(const QString &text, const char *prefix, QString *rest)
{
    const QLatin1StringView p(prefix);
    if (!text.startsWith(p))
        return false;
    *rest = text.mid(p.size());
    return true;
}

} // namespace

SourceId SourceId::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t == QLatin1StringView(sourceid::kDefaultOutput))
        return defaultOutput();
    if (t == QLatin1StringView(sourceid::kDemo))
        return demo();
    QString rest;
    // A prefix with nothing after it names nothing: treat it as text to match, not as an id.
    if (takePrefix(t, sourceid::kFilePrefix, &rest))
        return rest.isEmpty() ? SourceId{Kind::Name, t} : file(rest);
    if (takePrefix(t, sourceid::kQtPrefix, &rest))
        return rest.isEmpty() ? SourceId{Kind::Name, t} : qtInput(rest);
    if (takePrefix(t, sourceid::kAppPrefix, &rest))
        return rest.isEmpty() ? SourceId{Kind::Name, t} : application(rest);
    if (takePrefix(t, sourceid::kAppExceptPrefix, &rest))
        return rest.isEmpty() ? SourceId{Kind::Name, t} : allExceptApplication(rest);
    for (const char *system : {sourceid::kPulsePrefix, sourceid::kWasapiPrefix}) {
        if (takePrefix(t, system, &rest) && !rest.isEmpty())
            return {Kind::SystemDevice, t}; // the backend parses its own part; keep the whole id
    }
    return {Kind::Name, t};
}

SourceId SourceId::demo()
{
    return {Kind::Demo, {}};
}

SourceId SourceId::file(const QString &path)
{
    return {Kind::File, path};
}

SourceId SourceId::qtInput(const QString &qtDeviceId)
{
    return {Kind::QtInput, qtDeviceId};
}

SourceId SourceId::application(const QString &binary)
{
    return {Kind::Application, binary};
}

SourceId SourceId::allExceptApplication(const QString &binary)
{
    return {Kind::AllExceptApplication, binary};
}

QString SourceId::toString() const
{
    switch (m_kind) {
    case Kind::DefaultOutput: return QLatin1StringView(sourceid::kDefaultOutput);
    case Kind::Demo: return QLatin1StringView(sourceid::kDemo);
    case Kind::File: return QLatin1StringView(sourceid::kFilePrefix) + m_argument;
    case Kind::QtInput: return QLatin1StringView(sourceid::kQtPrefix) + m_argument;
    case Kind::Application: return QLatin1StringView(sourceid::kAppPrefix) + m_argument;
    case Kind::AllExceptApplication: return QLatin1StringView(sourceid::kAppExceptPrefix) + m_argument;
    case Kind::SystemDevice:
    case Kind::Name: return m_argument;
    }
    return m_argument;
}

QString SourceId::displayName() const
{
    switch (m_kind) {
    case Kind::DefaultOutput: return tr("Default output (follows system)");
    case Kind::Demo: return tr(kDemoLabel);
    case Kind::File: return tr("File %1").arg(m_argument);
    case Kind::Application: return tr("Application %1").arg(m_argument);
    case Kind::AllExceptApplication: return allExceptLabel(m_argument);
    case Kind::SystemDevice:
    case Kind::QtInput:
    case Kind::Name: return {};
    }
    return {};
}

QString SourceId::allExceptLabel(const QString &applicationName)
{
    return tr("Everything except %1").arg(applicationName);
}

} // namespace spectray

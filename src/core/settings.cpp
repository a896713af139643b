#include "settings.h"

#include "logging.h"
#include "settingsfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace spectray {

namespace {
// The file gives strings ("true", "16000"), callers give typed values: compare by meaning.
bool sameValue(const QVariant &stored, const QVariant &value)
{
    const QString text = stored.toString().trimmed();
    switch (value.typeId()) {
    case QMetaType::Bool:
        return text == QLatin1String(value.toBool() ? "true" : "false");
    case QMetaType::Int:
    case QMetaType::Double: {
        bool ok = false;
        const double v = text.toDouble(&ok);
        return ok && v == value.toDouble();
    }
    default:
        return stored.typeId() == QMetaType::QString && text == value.toString();
    }
}
} // namespace

Settings::Settings(QObject *parent)
    : QObject(parent)
{
    open(userFileName());
}

Settings::Settings(const QString &iniPath, QObject *parent)
    : QObject(parent)
{
    open(iniPath);
}

Settings::~Settings() = default;

QString Settings::userFileName()
{
    // The folder QSettings(IniFormat, UserScope, "Spectray", ...) uses, found through a name that does
    // not exist, because constructing a QSettings on the real file reads it (a FIFO there would block
    // before it could be refused).
    const QSettings probe(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Spectray"),
        QStringLiteral("spectray-location-probe"));
    return QFileInfo(probe.fileName()).dir().filePath(QStringLiteral("spectray.ini"));
}

void Settings::open(const QString &path)
{
    m_path = path;
    const QString reason = settingsfile::refusalReason(path);
    if (!reason.isEmpty()) {
        m_openError = tr("Settings file %1 %2: not opened; using defaults for this run, nothing is saved.")
                          .arg(QDir::toNativeSeparators(path), reason);
        // Not logged here: the console modes print it as their one error line, the desktop shows it.
        m_problems.append(m_openError);
        return;
    }
    const settingsfile::Inspection found = settingsfile::inspect(path);
    m_needsBackup = found.unreadable || found.dropsLines;
    m_store = std::make_unique<QSettings>(path, QSettings::IniFormat);
    if (m_store->status() != QSettings::NoError)
        m_needsBackup = true;
}

bool Settings::contains(const QString &name) const
{
    return m_store ? m_store->contains(name) : m_memory.contains(name);
}

QVariant Settings::raw(const QString &name) const
{
    return m_store ? m_store->value(name) : m_memory.value(name);
}

// const because reading is logically const. The replacement is remembered, not written: the file is
// only rewritten when something is set (and then with a backup first).
void Settings::repair(const char *name, const QVariant &replacement, const QString &why) const
{
    qCWarning(lcCore).noquote() << "Setting" << QString::fromLatin1(name) << why << "- using" << replacement.toString();
    m_repairs.insert(QString::fromLatin1(name), replacement);
}

bool Settings::refuse(const char *name, const QString &value) const
{
    qCWarning(lcCore).noquote() << "Refusing invalid value for" << QString::fromLatin1(name) << ':' << value;
    return false;
}

int Settings::value(const IntKey &key) const
{
    const QString name = QString::fromLatin1(key.name);
    if (const auto r = m_repairs.constFind(name); r != m_repairs.cend())
        return r->toInt();
    if (!contains(name))
        return key.defaultValue;
    const QString text = raw(name).toString().trimmed();
    bool ok = false;
    const qlonglong v = text.toLongLong(&ok);
    if (!ok) {
        repair(key.name, key.defaultValue, QStringLiteral("is not a whole number (\"%1\")").arg(text));
        return key.defaultValue;
    }
    // Out of range means the file was edited or damaged: the default is a known-good value, the
    // nearest end of the range often is not (port 0 is not "port 1").
    if (v < key.min || v > key.max) {
        repair(
            key.name, key.defaultValue, QStringLiteral("is out of range %1..%2 (%3)").arg(key.min).arg(key.max).arg(v));
        return key.defaultValue;
    }
    if (!key.allowed.empty() && std::find(key.allowed.begin(), key.allowed.end(), int(v)) == key.allowed.end()) {
        repair(key.name, key.defaultValue, QStringLiteral("is not one of the allowed values (%1)").arg(v));
        return key.defaultValue;
    }
    return int(v);
}

double Settings::value(const DoubleKey &key) const
{
    const QString name = QString::fromLatin1(key.name);
    if (const auto r = m_repairs.constFind(name); r != m_repairs.cend())
        return r->toDouble();
    if (!contains(name))
        return key.defaultValue;
    const QString text = raw(name).toString().trimmed();
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        repair(key.name, key.defaultValue, QStringLiteral("is not a number (\"%1\")").arg(text));
        return key.defaultValue;
    }
    if (v < key.min || v > key.max) {
        repair(
            key.name, key.defaultValue, QStringLiteral("is out of range %1..%2 (%3)").arg(key.min).arg(key.max).arg(v));
        return key.defaultValue;
    }
    return v;
}

bool Settings::value(const BoolKey &key) const
{
    const QString name = QString::fromLatin1(key.name);
    if (const auto r = m_repairs.constFind(name); r != m_repairs.cend())
        return r->toBool();
    if (!contains(name))
        return key.defaultValue;
    const QString text = raw(name).toString().trimmed().toLower();
    if (text == u"true" || text == u"1")
        return true;
    if (text == u"false" || text == u"0")
        return false;
    repair(key.name, key.defaultValue, QStringLiteral("is not true/false (\"%1\")").arg(text));
    return key.defaultValue;
}

QString Settings::value(const StringKey &key) const
{
    const QString name = QString::fromLatin1(key.name);
    if (const auto r = m_repairs.constFind(name); r != m_repairs.cend())
        return r->toString();
    const QString def = QString::fromUtf8(key.defaultValue);
    if (!contains(name))
        return def;
    const QVariant stored = raw(name);
    const QString v = stored.toString();
    // A list (a=x,y in the file) is not a string: QSettings reads it as QStringList.
    if (stored.typeId() != QMetaType::QString || (key.isValid && !key.isValid(v))) {
        repair(key.name, def, QStringLiteral("has an invalid value (\"%1\")").arg(v));
        return def;
    }
    return v;
}

int Settings::readEnum(const char *name, std::span<const char *const> names, int defaultIndex) const
{
    const QString key = QString::fromLatin1(name);
    const auto byName = [names](const QString &text) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (text == QLatin1String(names[i]))
                return int(i);
        }
        return -1;
    };
    if (const auto r = m_repairs.constFind(key); r != m_repairs.cend())
        return byName(r->toString());
    if (!contains(key))
        return defaultIndex;
    const QString text = raw(key).toString().trimmed();
    const int index = byName(text);
    if (index < 0) {
        const QString def = QString::fromLatin1(names[std::size_t(defaultIndex)]);
        repair(name, def, QStringLiteral("is not a known name (\"%1\")").arg(text));
        return defaultIndex;
    }
    return index;
}

void Settings::setValue(const IntKey &key, int value)
{
    value = std::clamp(value, key.min, key.max);
    if (!key.allowed.empty()) {
        // The nearest allowed value (the first of two equally near).
        value = *std::min_element(key.allowed.begin(), key.allowed.end(),
            [value](int a, int b) { return std::abs(a - value) < std::abs(b - value); });
    }
    store(key.id, key.name, value);
}

void Settings::setValue(const DoubleKey &key, double value)
{
    if (!std::isfinite(value))
        value = key.defaultValue;
    store(key.id, key.name, std::clamp(value, key.min, key.max));
}

void Settings::setValue(const BoolKey &key, bool value)
{
    store(key.id, key.name, value);
}

bool Settings::setValue(const StringKey &key, const QString &value)
{
    if (key.isValid && !key.isValid(value))
        return refuse(key.name, value);
    store(key.id, key.name, value);
    return true;
}

void Settings::store(SettingId id, const char *name, const QVariant &value)
{
    const QString key = QString::fromLatin1(name);
    // Setting what is already there must not write (e.g. firstRunDone=true on every start).
    const bool wasRepaired = m_repairs.contains(key);
    if (!wasRepaired && contains(key) && sameValue(raw(key), value))
        return;
    if (!m_wrote && !prepareFirstWrite())
        dropToMemory();
    m_repairs.remove(key);
    if (m_store) {
        m_store->setValue(key, value);
        checkSaved();
    } else {
        m_memory.insert(key, value);
    }
    emit changed(id);
}

// The first write of the run: keep a copy of a file QSettings would not write back faithfully, then
// write the values repaired so far along with the new one. False: the file must not be written.
bool Settings::prepareFirstWrite()
{
    m_wrote = true;
    if (!m_store)
        return true;
    const bool exists = QFileInfo::exists(m_path);
    if (exists && (m_needsBackup || !m_repairs.isEmpty())) {
        QString error;
        const QString copy = settingsfile::backup(m_path, &error);
        if (copy.isEmpty()) {
            report(tr("Settings file %1 needs repair but no copy of it could be made (%2): it is left as it is; "
                      "changes are kept for this run only.")
                       .arg(QDir::toNativeSeparators(m_path), error));
            m_saveFailed = true;
            return false;
        }
        report(tr("Settings file %1 had values or lines Spectray could not use; it is rewritten now and "
                  "the original is kept at %2.")
                   .arg(QDir::toNativeSeparators(m_path), QDir::toNativeSeparators(copy)));
    }
    for (auto it = m_repairs.cbegin(); it != m_repairs.cend(); ++it)
        m_store->setValue(it.key(), it.value());
    return true;
}

// Moves every value into memory and lets go of the file, so nothing is ever written to it.
void Settings::dropToMemory()
{
    if (!m_store)
        return;
    for (const QString &key : m_store->allKeys())
        m_memory.insert(key, m_store->value(key));
    for (auto it = m_repairs.cbegin(); it != m_repairs.cend(); ++it)
        m_memory.insert(it.key(), it.value());
    m_repairs.clear();
    // QSettings writes pending changes when destroyed; there are none (nothing was set on it).
    m_store.reset();
}

void Settings::checkSaved()
{
    // Written now rather than at some later event-loop turn, so a failure is known while the user
    // is still looking; the file is small.
    m_store->sync();
    if (m_store->status() != QSettings::AccessError || m_saveFailed)
        return;
    m_saveFailed = true;
    report(tr("Settings cannot be saved to %1 (read-only file or folder?): changes are kept for this run only.")
               .arg(QDir::toNativeSeparators(m_path)));
}

void Settings::report(const QString &message)
{
    qCWarning(lcCore).noquote() << message;
    m_problems.append(message);
    emit problem(message);
}

void Settings::sync()
{
    if (m_store)
        checkSaved();
}

QString Settings::fileName() const
{
    return m_path;
}

} // namespace spectray

#include "settings.h"

#include "logging.h"

#include <QSettings>

#include <algorithm>
#include <cmath>

namespace spectray {

Settings::Settings(QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                          QStringLiteral("Spectray"), QStringLiteral("spectray")))
{
}

Settings::Settings(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

// const because reading is logically const; the store is repaired so the warning is given once.
void Settings::repair(const char *name, const QVariant &replacement, const QString &why) const
{
    qCWarning(lcCore).noquote() << "Setting" << QString::fromLatin1(name) << why << "- using"
                                << replacement.toString();
    m_store->setValue(QString::fromLatin1(name), replacement);
}

void Settings::store(const char *name, const QVariant &value)
{
    const QString key = QString::fromLatin1(name);
    if (m_store->contains(key) && m_store->value(key) == value)
        return;
    m_store->setValue(key, value);
    emit changed(key);
}

int Settings::value(const IntKey &key) const
{
    const QString name = QString::fromLatin1(key.name);
    if (!m_store->contains(name))
        return key.defaultValue;
    const QVariant raw = m_store->value(name);
    bool ok = false;
    const qlonglong v = raw.toString().trimmed().toLongLong(&ok);
    if (!ok) {
        repair(key.name, key.defaultValue, QStringLiteral("is not a whole number (\"%1\")").arg(raw.toString()));
        return key.defaultValue;
    }
    if (v < key.min || v > key.max) {
        const int clamped = int(std::clamp<qlonglong>(v, key.min, key.max));
        repair(key.name, clamped, QStringLiteral("is out of range %1..%2 (%3)").arg(key.min).arg(key.max).arg(v));
        return clamped;
    }
    return int(v);
}

double Settings::value(const DoubleKey &key) const
{
    const QString name = QString::fromLatin1(key.name);
    if (!m_store->contains(name))
        return key.defaultValue;
    const QVariant raw = m_store->value(name);
    bool ok = false;
    const double v = raw.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        repair(key.name, key.defaultValue, QStringLiteral("is not a number (\"%1\")").arg(raw.toString()));
        return key.defaultValue;
    }
    if (v < key.min || v > key.max) {
        const double clamped = std::clamp(v, key.min, key.max);
        repair(key.name, clamped, QStringLiteral("is out of range %1..%2 (%3)").arg(key.min).arg(key.max).arg(v));
        return clamped;
    }
    return v;
}

bool Settings::value(const BoolKey &key) const
{
    const QString name = QString::fromLatin1(key.name);
    if (!m_store->contains(name))
        return key.defaultValue;
    const QString raw = m_store->value(name).toString().trimmed().toLower();
    if (raw == u"true" || raw == u"1")
        return true;
    if (raw == u"false" || raw == u"0")
        return false;
    repair(key.name, key.defaultValue, QStringLiteral("is not true/false (\"%1\")").arg(raw));
    return key.defaultValue;
}

QString Settings::value(const StringKey &key) const
{
    const QString name = QString::fromLatin1(key.name);
    const QString def = QString::fromUtf8(key.defaultValue);
    if (!m_store->contains(name))
        return def;
    const QVariant raw = m_store->value(name);
    const QString v = raw.toString();
    if (!raw.canConvert<QString>() || (key.isValid && !key.isValid(v))) {
        repair(key.name, def, QStringLiteral("has an invalid value (\"%1\")").arg(v));
        return def;
    }
    return v;
}

void Settings::setValue(const IntKey &key, int value)
{
    store(key.name, std::clamp(value, key.min, key.max));
}

void Settings::setValue(const DoubleKey &key, double value)
{
    if (!std::isfinite(value))
        value = key.defaultValue;
    store(key.name, std::clamp(value, key.min, key.max));
}

void Settings::setValue(const BoolKey &key, bool value)
{
    store(key.name, value);
}

bool Settings::setValue(const StringKey &key, const QString &value)
{
    if (key.isValid && !key.isValid(value)) {
        qCWarning(lcCore).noquote() << "Refusing invalid value for" << QString::fromLatin1(key.name) << ':' << value;
        return false;
    }
    store(key.name, value);
    return true;
}

void Settings::remove(const char *name)
{
    const QString key = QString::fromLatin1(name);
    if (!m_store->contains(key))
        return;
    m_store->remove(key);
    emit changed(key);
}

void Settings::sync()
{
    m_store->sync();
}

QString Settings::fileName() const
{
    return m_store->fileName();
}

} // namespace spectray

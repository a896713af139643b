#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QSettings;

namespace spectray {

// Every key has one name, one default and one valid range, declared once next to the layer that
// owns it (e.g. net/netsettings.h). Reading a stored value that is corrupt or out of range gives
// the default (or the clamped value for numbers) with a warning, and repairs the store.
struct IntKey
{
    const char *name;
    int defaultValue;
    int min;
    int max;
};

struct DoubleKey
{
    const char *name;
    double defaultValue;
    double min;
    double max;
};

struct BoolKey
{
    const char *name;
    bool defaultValue;
};

struct StringKey
{
    const char *name;
    const char *defaultValue;
    bool (*isValid)(const QString &) = nullptr; // nullptr: any string is valid
};

// Typed wrapper over QSettings. Lives in the GUI thread; other threads get values through the
// objects that read them (the engine receives an AnalysisConfig value, not this object).
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    // The user's settings in the platform's usual place (organization "Spectray", app "spectray").
    explicit Settings(QObject *parent = nullptr);
    // An INI file at `iniPath`: for tests and for `--config`.
    explicit Settings(const QString &iniPath, QObject *parent = nullptr);
    ~Settings() override;

    int value(const IntKey &key) const;
    double value(const DoubleKey &key) const;
    bool value(const BoolKey &key) const;
    QString value(const StringKey &key) const;

    // Out-of-range numbers are clamped; an invalid string is refused (returns false, nothing stored).
    void setValue(const IntKey &key, int value);
    void setValue(const DoubleKey &key, double value);
    void setValue(const BoolKey &key, bool value);
    bool setValue(const StringKey &key, const QString &value);

    void remove(const char *name);
    void sync();
    QString fileName() const;

signals:
    void changed(const QString &key);

private:
    void repair(const char *name, const QVariant &replacement, const QString &why) const;
    void store(const char *name, const QVariant &value);

    std::unique_ptr<QSettings> m_store;
};

} // namespace spectray

#pragma once

#include "settingskeys.h"
#include "settingsschema.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>

class QSettings;

namespace spectray {

// Typed wrapper over an INI file. Lives in the GUI thread; other threads get values through the
// objects that read them (the engine receives an AnalysisConfig value, not this object).
//
// The user's file is never destroyed:
// - only a regular file (or a new one) is opened; a directory, device, FIFO or socket is refused
//   (openError()) and the settings live in memory for the run, nothing read, nothing written;
// - reading never writes: a value that cannot be used gives the default with one warning, and the
//   file is repaired only when something is set;
// - before the first write to a file that needed repair or holds lines QSettings would drop
//   (comments, lines it cannot parse), a copy is kept beside it (NAME.bak, or NAME.<time>.bak when
//   that exists) and problem() says where; if the copy cannot be made, nothing is written;
// - when the file cannot be saved (read-only file or folder) problem() says so once and the values
//   set stay in memory for the run (so e.g. a new token is the same for the whole run).
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    // The user's settings: spectray.ini in the platform's usual place (see userFileName()).
    explicit Settings(QObject *parent = nullptr);
    // An INI file at `iniPath`: for tests and for `--config`.
    explicit Settings(const QString &iniPath, QObject *parent = nullptr);
    ~Settings() override;

    // Where Settings() keeps the user's settings (organization "Spectray", file spectray.ini).
    static QString userFileName();

    int value(const IntKey &key) const;
    double value(const DoubleKey &key) const;
    bool value(const BoolKey &key) const;
    QString value(const StringKey &key) const;
    template<typename E>
    E value(const EnumKey<E> &key) const
    {
        return E(readEnum(key.name, key.names, int(key.defaultValue)));
    }
    // The stored name of an enum key's value (e.g. "bars").
    template<typename E>
    QString valueName(const EnumKey<E> &key) const
    {
        return key.nameOf(value(key));
    }

    // Out-of-range numbers are clamped (to the nearest allowed value); an invalid string or an unknown
    // enum name is refused (returns false, nothing stored).
    void setValue(const IntKey &key, int value);
    void setValue(const DoubleKey &key, double value);
    void setValue(const BoolKey &key, bool value);
    bool setValue(const StringKey &key, const QString &value);
    template<typename E>
    void setValue(const EnumKey<E> &key, E value)
    {
        store(key.id, key.name, key.nameOf(value));
    }
    template<typename E>
    bool setValue(const EnumKey<E> &key, const QString &name)
    {
        if (key.indexOf(name) < 0)
            return refuse(key.name, name);
        store(key.id, key.name, name);
        return true;
    }

    void sync();
    QString fileName() const;

    // Why the file was refused (settings then live in memory only), or empty.
    QString openError() const { return m_openError; }
    // False once the settings could not be saved (or the file was refused).
    bool canSave() const { return m_openError.isEmpty() && !m_saveFailed; }
    // Every problem reported so far (refused file, backup made, cannot save), oldest first.
    QStringList problems() const { return m_problems; }

signals:
    void changed(spectray::SettingId key);
    // A problem the user should see (tray notification, or one stderr line when headless).
    void problem(const QString &message);

private:
    void open(const QString &path);
    bool contains(const QString &name) const;
    QVariant raw(const QString &name) const;
    void repair(const char *name, const QVariant &replacement, const QString &why) const;
    int readEnum(const char *name, std::span<const char *const> names, int defaultIndex) const;
    bool refuse(const char *name, const QString &value) const;
    void store(SettingId id, const char *name, const QVariant &value);
    bool prepareFirstWrite();
    void dropToMemory();
    void checkSaved();
    void report(const QString &message);

    QString m_path;
    std::unique_ptr<QSettings> m_store; // null: values live in m_memory only
    QVariantMap m_memory;
    mutable QHash<QString, QVariant> m_repairs; // replacements for unusable stored values, not yet written
    QString m_openError;
    QStringList m_problems;
    bool m_needsBackup = false; // the file holds lines QSettings would drop, or could not be read
    bool m_wrote = false;       // the first write (and its backup) happened
    bool m_saveFailed = false;
};

} // namespace spectray

#include "settingsfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace spectray::settingsfile {

// Written out at each call so lupdate files the strings under the context they are looked up in.
QString refusalReason(const QString &path)
{
    const QFileInfo info(path);
    // A dangling link: QSettings would create a file wherever it points.
    if (info.isSymLink() && !info.exists())
        return QCoreApplication::translate("spectray::Settings", "is a link to nothing");
    if (!info.exists() || info.isFile())
        return {};
    if (info.isDir())
        return QCoreApplication::translate("spectray::Settings", "is a directory");
    return QCoreApplication::translate("spectray::Settings", "is not a regular file (a device, FIFO or socket)");
}

Inspection inspect(const QString &path)
{
    Inspection result;
    QFile file(path);
    if (!file.exists())
        return result;
    if (!file.open(QIODevice::ReadOnly)) {
        result.unreadable = true;
        return result;
    }
    // A settings file is small; a huge one is not ours to parse line by line, but still worth a copy.
    constexpr qint64 maxScan = 1 << 20;
    if (file.size() > maxScan) {
        result.dropsLines = true;
        return result;
    }
    const QByteArray text = file.readAll();
    for (const QByteArray &rawLine : text.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        const bool section = line.startsWith('[') && line.endsWith(']');
        const bool comment = line.startsWith(';') || line.startsWith('#');
        if (comment || (!section && !line.contains('='))) {
            result.dropsLines = true;
            break;
        }
    }
    return result;
}

QString backup(const QString &path, QString *error)
{
    QString target = path + QStringLiteral(".bak");
    if (QFileInfo::exists(target) || QFileInfo(target).isSymLink()) {
        const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        target = QStringLiteral("%1.%2.bak").arg(path, stamp);
    }
    QFile source(path);
    // QFile::copy never overwrites, so an existing file of that name is never destroyed either.
    if (!source.copy(target)) {
        if (error)
            *error = source.errorString();
        return {};
    }
    return target;
}

} // namespace spectray::settingsfile

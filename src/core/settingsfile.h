#pragma once

#include <QString>

// File-system checks behind Settings, kept apart so each can be tested on its own.
namespace spectray::settingsfile {

// Empty when `path` may be opened as a settings file: a regular file (through symlinks) or nothing
// yet. Otherwise a translated reason ("is a directory", "is a FIFO", ...) to put after the path.
QString refusalReason(const QString &path);

// What a read of the existing file found.
struct Inspection
{
    bool unreadable = false; // exists but cannot be read
    bool dropsLines = false; // has lines QSettings does not keep when it rewrites the file
};

// Looks for comments and lines that are neither "[section]" nor "key=value": QSettings reads around
// them and leaves them out when it writes the file back.
Inspection inspect(const QString &path);

// Copies `path` to NAME.bak beside it, or NAME.<yyyyMMdd-HHmmss>.bak when NAME.bak already exists
// (an older backup is never overwritten). Returns the copy's path, or empty with `error` set.
QString backup(const QString &path, QString *error);

} // namespace spectray::settingsfile

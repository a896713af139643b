// libFuzzer: the settings loader (core/settings) on an arbitrary INI file, through its public API.
// Every typed read must come back inside the key's documented range, whatever the file holds.
#include "core/settings.h"
#include "net/netsettings.h"

#include <QTemporaryDir>

#include <QFile>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace spectray;

namespace {
void checkInt(Settings &s, const IntKey &k)
{
    const int v = s.value(k);
    if (v < k.min || v > k.max)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    if (!dir.isValid())
        return 0;
    const QString path = dir.filePath(QStringLiteral("fuzz.ini"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    {
        Settings s(path);
        checkInt(s, keys::fps);
        checkInt(s, keys::bandsPerOctave);
        checkInt(s, keys::serverPort);
        checkInt(s, keys::serverMaxClients);
        for (const DoubleKey *k : {&keys::rangeDb, &keys::maxHz, &keys::minHz}) {
            const double d = s.value(*k);
            if (!std::isfinite(d) || d < k->min || d > k->max)
                std::abort();
        }
        (void)s.value(keys::captureOnStart);
        (void)s.value(keys::source);
        (void)s.value(keys::weighting); // an enum key: an unknown stored name reads as the default
        (void)s.value(keys::style);
        if (!keys::isValidToken(s.value(keys::serverToken)) || !keys::isValidBindAddress(s.value(keys::serverBind))
            || !keys::isValidOriginList(s.value(keys::serverAllowedOrigins)))
            std::abort(); // a validated string key never hands out an invalid value
        (void)s.value(keys::serverLanAccess);
        s.setValue(keys::fps, 1 + int(size % 240));
        s.sync();
    }
    QFile::remove(path);
    return 0;
}

#include "bandvalues.h"

#include <QDebug>

namespace spectray {

QDebug operator<<(QDebug debug, const BandValues &values)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "BandValues(";
    for (qsizetype i = 0; i < values.size(); ++i)
        debug << (i == 0 ? "" : ", ") << values[i];
    debug << ')';
    return debug;
}

} // namespace spectray

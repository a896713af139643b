#include "qrmatrix.h"

#include <qrcodegen/qrcodegen.hpp>

#include <stdexcept>

namespace spectray {

QrMatrix QrMatrix::encode(const QString &text)
{
    QrMatrix m;
    const QByteArray utf8 = text.toUtf8();
    try {
        // LOW as the floor plus boostEcl (qrcodegen's default): the version is the smallest that
        // fits, and the error correction is raised as far as that version allows. A small version
        // keeps the console code readable on an 80-column terminal.
        const auto qr = qrcodegen::QrCode::encodeText(utf8.constData(), qrcodegen::QrCode::Ecc::LOW);
        m.m_size = qr.getSize();
        m.m_modules.resize(m.m_size * m.m_size);
        for (int y = 0; y < m.m_size; ++y)
            for (int x = 0; x < m.m_size; ++x)
                m.m_modules.setBit(y * m.m_size + x, qr.getModule(x, y));
    } catch (const qrcodegen::data_too_long &) {
        m = QrMatrix();
    }
    return m;
}

} // namespace spectray

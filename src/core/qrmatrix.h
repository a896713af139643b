#pragma once

#include <QBitArray>
#include <QString>

namespace spectray {

// The QR code of a text (the LAN URL), computed once here for every place that shows one: the
// desktop's QR dialog paints it, the headless console prints it with block characters.
class QrMatrix final
{
public:
    // Smallest QR version that fits `text` (byte mode), with the strongest error correction that
    // still fits that version. An empty matrix when the text does not fit any version.
    static QrMatrix encode(const QString &text);

    bool isEmpty() const { return m_size == 0; }
    int size() const { return m_size; } // modules per side, without the quiet zone
    // True for a dark module. Outside [0, size) — the quiet zone — always false.
    bool isDark(int x, int y) const
    {
        return x >= 0 && y >= 0 && x < m_size && y < m_size && m_modules.testBit(y * m_size + x);
    }

    // Light modules a reader needs around the code (the standard asks for 4).
    static constexpr int kQuietZone = 4;

private:
    int m_size = 0;
    QBitArray m_modules;
};

} // namespace spectray

#pragma once

#include "wirescale.h"

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>

class QDebug;

namespace spectray {

// The band values of one frame, stored in place up to the largest band count any layout has.
// A frame is copied on every hop (worker -> GUI thread -> server, window, outputs); with the values
// inside the object a copy is a plain memcpy of about half a kilobyte and never touches the heap,
// where a QList detached (and allocated) whenever a consumer still held the previous frame.
// The interface is the small part of QList the consumers use, so they read the same.
class BandValues final
{
public:
    using value_type = qint16;
    using iterator = qint16 *;
    using const_iterator = const qint16 *;
    static constexpr qsizetype kCapacity = wire::kMaxBands;

    BandValues() = default;
    BandValues(std::initializer_list<qint16> values) { assign(values.begin(), values.end()); }
    explicit BandValues(qsizetype count, qint16 value = 0) { fill(value, count); }
    explicit BandValues(std::span<const qint16> values) { assign(values.begin(), values.end()); }

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    bool empty() const { return m_size == 0; }
    static constexpr qsizetype capacity() { return kCapacity; }

    // Counts beyond kCapacity are clamped: no layout has more bands (validated at configuration).
    void resize(qsizetype count)
    {
        const qsizetype n = std::clamp<qsizetype>(count, 0, kCapacity);
        if (n > m_size)
            std::fill(m_values.begin() + m_size, m_values.begin() + n, qint16(0));
        m_size = n;
    }
    void clear() { m_size = 0; }
    void fill(qint16 value, qsizetype count = -1)
    {
        if (count >= 0)
            resize(count);
        std::fill(begin(), end(), value);
    }
    void append(qint16 value)
    {
        Q_ASSERT(m_size < kCapacity);
        if (m_size < kCapacity)
            m_values[std::size_t(m_size++)] = value;
    }
    BandValues &operator<<(qint16 value)
    {
        append(value);
        return *this;
    }
    template<typename It> void assign(It first, It last)
    {
        clear();
        for (; first != last && m_size < kCapacity; ++first)
            m_values[std::size_t(m_size++)] = qint16(*first);
    }

    qint16 &operator[](qsizetype i)
    {
        Q_ASSERT(i >= 0 && i < m_size);
        return m_values[std::size_t(i)];
    }
    qint16 operator[](qsizetype i) const
    {
        Q_ASSERT(i >= 0 && i < m_size);
        return m_values[std::size_t(i)];
    }
    qint16 at(qsizetype i) const { return (*this)[i]; }
    qint16 value(qsizetype i, qint16 fallback = 0) const
    {
        return i >= 0 && i < m_size ? m_values[std::size_t(i)] : fallback;
    }
    qint16 first() const { return (*this)[0]; }
    qint16 last() const { return (*this)[m_size - 1]; }

    qint16 *data() { return m_values.data(); }
    const qint16 *data() const { return m_values.data(); }
    const qint16 *constData() const { return m_values.data(); }
    iterator begin() { return m_values.data(); }
    iterator end() { return m_values.data() + m_size; }
    const_iterator begin() const { return m_values.data(); }
    const_iterator end() const { return m_values.data() + m_size; }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }
    std::span<const qint16> span() const { return { m_values.data(), std::size_t(m_size) }; }

    // Only the values in use count; what lies beyond size() is not part of the value.
    friend bool operator==(const BandValues &a, const BandValues &b)
    {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    std::array<qint16, std::size_t(kCapacity)> m_values {};
    qsizetype m_size = 0;
};

QDebug operator<<(QDebug debug, const BandValues &values);

} // namespace spectray

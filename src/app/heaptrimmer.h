#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace spectray {

// Returns free heap to the system (platform::releaseFreeHeap) a little while after a burst of churn:
// clients leaving, the audio server coming back. Requests within `delay` of the first one are
// coalesced into a single trim, so a busy server trims at most once per `delay` and a quiet one never;
// nothing runs on the frame path.
class HeapTrimmer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeapTrimmer)

public:
    explicit HeapTrimmer(std::chrono::milliseconds delay, QObject *parent = nullptr);

    void request();
    int trims() const { return m_trims; }

private:
    QTimer m_timer;
    int m_trims = 0;
};

} // namespace spectray

#pragma once

#include <QObject>

class QSocketNotifier;

namespace spectray {

// Turns SIGINT/SIGTERM into a Qt signal on the main thread (self-pipe: the handler only writes a
// byte), so shutdown runs as ordinary code: clients get a going-away close, capture is released.
class TerminationSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminationSignals)

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace spectray

#include "engine.h"

#include "captureworker.h"
#include "core/metatypes.h"

#include <QThread>

namespace spectray {

Engine::Engine(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
{
    registerMetaTypes();
    m_thread->setObjectName(QStringLiteral("spectray-capture"));
    auto *worker = new CaptureWorker; // no parent: it lives on m_thread and is deleted there
    worker->moveToThread(m_thread);
    m_worker = worker;
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);

    // Queued by construction (different threads): every value arrives as a copy.
    connect(worker, &CaptureWorker::frameReady, this, &Engine::frameReady);
    connect(worker, &CaptureWorker::featuresReady, this, &Engine::featuresReady);
    connect(worker, &CaptureWorker::layoutChanged, this, [this](const BandLayout &layout) {
        m_layout = layout;
        emit layoutChanged(layout);
    });
    connect(worker, &CaptureWorker::devicesChanged, this, [this](const AudioDeviceList &devices) {
        m_devices = devices;
        emit devicesChanged(devices);
    });
    connect(worker, &CaptureWorker::statusChanged, this, [this](const EngineStatus &status) {
        m_status = status;
        emit statusChanged(status);
    });
    connect(worker, &CaptureWorker::sourceSelected, this, [this](const QString &id) { m_selectedDeviceId = id; });
    connect(m_thread, &QThread::started, worker, &CaptureWorker::initialize);
    m_thread->start();
}

Engine::~Engine()
{
    if (m_worker) {
        // Release the device on the worker's own thread before it stops.
        QMetaObject::invokeMethod(m_worker, &CaptureWorker::shutdown, Qt::BlockingQueuedConnection);
    }
    m_thread->quit();
    m_thread->wait();
}

void Engine::start()
{
    QMetaObject::invokeMethod(m_worker, &CaptureWorker::start, Qt::QueuedConnection);
}

void Engine::stop()
{
    QMetaObject::invokeMethod(m_worker, &CaptureWorker::stop, Qt::QueuedConnection);
}

void Engine::selectDevice(const QString &idOrName)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, idOrName] { if (w) w->selectDevice(idOrName); },
                              Qt::QueuedConnection);
}

void Engine::applyConfig(const AnalysisConfig &config)
{
    m_config = config;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, config] { if (w) w->applyConfig(config); },
                              Qt::QueuedConnection);
}

void Engine::setFeaturesEnabled(bool enabled)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, enabled] { if (w) w->setFeaturesEnabled(enabled); },
                              Qt::QueuedConnection);
}

void Engine::setFrameTap(FrameTap *tap)
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, tap] {
            if (w)
                w->setFrameTap(tap);
        },
        Qt::BlockingQueuedConnection);
}

void Engine::refreshDevices()
{
    QMetaObject::invokeMethod(m_worker, &CaptureWorker::refreshDevices, Qt::QueuedConnection);
}

} // namespace spectray

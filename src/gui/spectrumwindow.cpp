#include "spectrumwindow.h"

#include "dock/windowdocker.h"
#include "spectrumview.h"

#include "core/logging.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QMenu>
#include <QMouseEvent>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace spectray::gui {

namespace {
constexpr int kEdgePx = 8;
constexpr QSize kMinimumSize{120, 48};
} // namespace

SpectrumWindow::SpectrumWindow(QWidget *parent)
    : QWidget(parent, Qt::Tool | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint)
{
    setWindowTitle(tr("Spectray spectrum"));
    setAttribute(Qt::WA_TranslucentBackground);
    setMouseTracking(true);
    setMinimumSize(kMinimumSize);
    resize(480, 140);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    createView(openGlUsable());

    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &SpectrumWindow::onTick);
    m_presentTimer.setSingleShot(true);
    m_presentTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_presentTimer, &QTimer::timeout, this, &SpectrumWindow::presentDue);
    m_clock.start();
    m_docker = std::make_unique<dock::WindowDocker>(*this);
}

SpectrumWindow::~SpectrumWindow() = default;

void SpectrumWindow::createView(bool gl)
{
    if (m_view) {
        QWidget *old = m_view->widget();
        layout()->removeWidget(old);
        old->deleteLater();
        m_view = nullptr;
    }
    m_gl = gl;
    if (gl) {
        auto *view = new GlSpectrumView(m_scene, m_overlay, this);
        connect(view, &GlSpectrumView::glFailed, this, [this] {
            QMetaObject::invokeMethod(this, [this] { createView(false); }, Qt::QueuedConnection);
        });
        m_view = view;
    } else {
        m_view = new PainterSpectrumView(m_scene, m_overlay, this);
    }
    m_view->widget()->setMouseTracking(true);
    layout()->addWidget(m_view->widget());
    m_scene.build(m_anim, m_view->widget()->size());
    refreshOverlay();
}

void SpectrumWindow::setSceneStyle(const SceneStyle &style)
{
    m_scene.setStyle(style);
    m_scene.build(m_anim, m_view->widget()->size());
    refreshOverlay();
    m_view->widget()->update();
}

QRectF SpectrumWindow::plotArea() const
{
    return m_scene.areas(m_view->widget()->size()).plot;
}

void SpectrumWindow::refreshOverlay()
{
    QWidget *view = m_view->widget();
    const quint64 before = m_overlay.generation();
    m_overlay.refresh(view->size(), view->devicePixelRatioF(), m_scene.areas(view->size()).plot, m_scene.style());
    if (m_overlay.generation() != before)
        view->update();
}

void SpectrumWindow::setAnimationParams(const SpectrumAnimator::Params &params)
{
    m_anim.setParams(params);
    wake();
}

bool SpectrumWindow::alwaysOnTop() const
{
    return windowFlags().testFlag(Qt::WindowStaysOnTopHint);
}

bool SpectrumWindow::clickThrough() const
{
    return windowFlags().testFlag(Qt::WindowTransparentForInput);
}

void SpectrumWindow::reapplyFlags(Qt::WindowType flag, bool on)
{
    if (windowFlags().testFlag(flag) == on)
        return;
    const bool wasVisible = isVisible();
    const QRect geometry = this->geometry();
    setWindowFlag(flag, on); // hides the window: the platform window is recreated
    setGeometry(geometry);
    if (wasVisible)
        show();
}

void SpectrumWindow::setAlwaysOnTop(bool on)
{
    reapplyFlags(Qt::WindowStaysOnTopHint, on);
}

void SpectrumWindow::setClickThrough(bool on)
{
    reapplyFlags(Qt::WindowTransparentForInput, on);
}

int SpectrumWindow::paintCount() const
{
    return m_view ? m_view->paintCount() : 0;
}

QImage SpectrumWindow::grabImage()
{
    return m_view->grabImage();
}

void SpectrumWindow::onFrame(const SpectrumFrame &frame)
{
    if (!m_active)
        return;
    // Held until its audio is heard (play time + this window's offset, at most 500 ms), then shown.
    m_schedule.push(frame, QDateTime::currentMSecsSinceEpoch());
    presentDue();
}

void SpectrumWindow::presentDue()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (const FrameScheduler::Slot *f = m_schedule.take(now)) {
        m_anim.pushValues(f->bands.data(), f->bandCount, f->bass, f->level, f->scale, double(m_clock.elapsed()));
        m_scene.pushHistory(f->bands.data(), f->bandCount, f->scale);
        m_historyChanged = true;
        m_lastShownSequence = f->sequence;
        m_lastShownAtMs = now;
        wake();
    }
    const qint64 next = m_schedule.nextDueMs();
    if (next < 0)
        m_presentTimer.stop();
    else
        m_presentTimer.start(int(std::clamp<qint64>(next - now, 0, FrameScheduler::kMaxHoldMs)));
}

void SpectrumWindow::setBandLayout(const BandLayout &layout)
{
    if (layout.fps > 0)
        m_anim.setFrameIntervalMs(1000.0 / layout.fps);
    m_overlay.setLayout(layout);
    refreshOverlay();
}

void SpectrumWindow::setStatus(const EngineStatus &status)
{
    const bool active = status.state == EngineStatus::State::Running;
    if (active == m_active)
        return;
    m_active = active;
    if (!active) {
        m_schedule.clear(); // what was held belongs to audio that is no longer captured
        m_presentTimer.stop();
        m_anim.fadeOut(double(m_clock.elapsed()));
        wake();
    }
}

void SpectrumWindow::wake()
{
    if (m_tick.isActive() || !isVisible() || (m_anim.isSettled() && !m_historyChanged))
        return;
    const qreal hz = screen() ? screen()->refreshRate() : 60.0;
    m_tick.setInterval(std::max(1, qRound(1000.0 / std::clamp(hz, 24.0, 500.0))));
    m_tick.start();
}

void SpectrumWindow::onTick()
{
    const bool moved = m_anim.advance(double(m_clock.elapsed()));
    if (moved || std::exchange(m_historyChanged, false)) {
        m_scene.build(m_anim, m_view->widget()->size());
        m_view->setBass(m_anim.bass());
        m_view->widget()->update();
    }
    if (m_anim.isSettled() && !m_historyChanged)
        m_tick.stop();
    if (!m_reportedDrawn && paintCount() > 0 && m_scene.vertexCount() > 0) {
        // Once per window: proof in the log that the picture reaches the screen (the Wayland test
        // reads it; a user can turn it on with QT_LOGGING_RULES=spectray.gui.debug=true).
        m_reportedDrawn = true;
        qCDebug(lcGui).noquote() << QStringLiteral("Spectrum window drawn: %1x%2, %3, Qt platform %4")
                                        .arg(width())
                                        .arg(height())
                                        .arg(m_gl ? QStringLiteral("OpenGL") : QStringLiteral("QPainter"),
                                             QGuiApplication::platformName());
    }
}

void SpectrumWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshOverlay(); // the screen, and with it the pixel ratio, may have changed
    emit visibilityChanged(true);
    wake();
}

void SpectrumWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_tick.stop();
    emit visibilityChanged(false);
}

void SpectrumWindow::closeEvent(QCloseEvent *event)
{
    if (m_quitOnClose)
        emit closeRequested();
    event->accept(); // hides; the tray can show it again
}

void SpectrumWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_scene.build(m_anim, m_view->widget()->size());
    refreshOverlay();
}

Qt::Edges SpectrumWindow::edgesAt(const QPoint &pos) const
{
    Qt::Edges edges;
    if (pos.x() < kEdgePx)
        edges |= Qt::LeftEdge;
    if (pos.x() >= width() - kEdgePx)
        edges |= Qt::RightEdge;
    if (pos.y() < kEdgePx)
        edges |= Qt::TopEdge;
    if (pos.y() >= height() - kEdgePx)
        edges |= Qt::BottomEdge;
    return edges;
}

void SpectrumWindow::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_docker->isDocked()) // a docked strip stays where it is
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragEdges = edgesAt(event->position().toPoint());
    m_pressGlobal = event->globalPosition().toPoint();
    m_pressGeometry = geometry();
    event->accept();
}

void SpectrumWindow::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging) {
        if (m_docker->isDocked()) {
            unsetCursor();
            return;
        }
        const Qt::Edges e = edgesAt(event->position().toPoint());
        const bool diagonalMain = (e.testFlag(Qt::LeftEdge) && e.testFlag(Qt::TopEdge))
            || (e.testFlag(Qt::RightEdge) && e.testFlag(Qt::BottomEdge));
        const bool diagonalOther = (e.testFlag(Qt::RightEdge) && e.testFlag(Qt::TopEdge))
            || (e.testFlag(Qt::LeftEdge) && e.testFlag(Qt::BottomEdge));
        if (diagonalMain)
            setCursor(Qt::SizeFDiagCursor);
        else if (diagonalOther)
            setCursor(Qt::SizeBDiagCursor);
        else if (e & (Qt::LeftEdge | Qt::RightEdge))
            setCursor(Qt::SizeHorCursor);
        else if (e & (Qt::TopEdge | Qt::BottomEdge))
            setCursor(Qt::SizeVerCursor);
        else
            setCursor(Qt::OpenHandCursor);
        return;
    }
    const QPoint d = event->globalPosition().toPoint() - m_pressGlobal;
    if (!m_dragEdges) {
        move(m_pressGeometry.topLeft() + d);
        return;
    }
    // Resizing by hand keeps working where the window manager offers no resize handles.
    QRect r = m_pressGeometry;
    const QSize min = minimumSize();
    if (m_dragEdges & Qt::LeftEdge)
        r.setLeft(std::min(r.left() + d.x(), r.right() - min.width()));
    if (m_dragEdges & Qt::RightEdge)
        r.setRight(std::max(r.right() + d.x(), r.left() + min.width()));
    if (m_dragEdges & Qt::TopEdge)
        r.setTop(std::min(r.top() + d.y(), r.bottom() - min.height()));
    if (m_dragEdges & Qt::BottomEdge)
        r.setBottom(std::max(r.bottom() + d.y(), r.top() + min.height()));
    setGeometry(r);
}

void SpectrumWindow::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        if (geometry() != m_pressGeometry)
            emit geometryEdited();
    }
    QWidget::mouseReleaseEvent(event);
}

void SpectrumWindow::contextMenuEvent(QContextMenuEvent *event)
{
    if (m_menu)
        m_menu->popup(event->globalPos());
}

} // namespace spectray::gui

#pragma once

#include "axisoverlay.h"
#include "core/bandlayout.h"
#include "core/enginestatus.h"
#include "core/spectrumframe.h"
#include "framescheduler.h"
#include "spectrumanimator.h"
#include "spectrumscene.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <QMenu>

#include <memory>

namespace spectray::gui {

class SpectrumView;
namespace dock {
class WindowDocker;
}

// The floating spectrum: frameless, optionally always on top and click-through, translucent,
// dragged from anywhere and resized from its edges. It animates only while something moves: the
// refresh timer stops once the animator settles, so a paused or silent engine costs no repaints.
class SpectrumWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpectrumWindow)

public:
    explicit SpectrumWindow(QWidget *parent = nullptr);
    ~SpectrumWindow() override;

    void setSceneStyle(const SceneStyle &style);
    const SceneStyle &sceneStyle() const { return m_scene.style(); }
    void setAnimationParams(const SpectrumAnimator::Params &params);
    // The window's A/V offset (display/avOffsetMs): a frame is shown at its play time plus this.
    void setAvOffsetMs(int offsetMs) { m_schedule.setOffsetMs(offsetMs); }
    void setAlwaysOnTop(bool on);
    bool alwaysOnTop() const;
    void setClickThrough(bool on);
    bool clickThrough() const;
    void setContextMenu(QMenu *menu) { m_menu = menu; }
    // Docked as a strip along a screen edge, or floating (dock/windowdocker.h).
    dock::WindowDocker &docker() const { return *m_docker; }
    // When there is no tray the window is the main surface: closing it asks to quit.
    void setQuitOnClose(bool on) { m_quitOnClose = on; }

    // For tests and diagnostics.
    bool usesOpenGl() const { return m_gl; }
    bool isAnimating() const { return m_tick.isActive(); }
    int paintCount() const;
    QImage grabImage();
    const SpectrumAnimator &animator() const { return m_anim; }
    // Where the bands are drawn in the view (the axis labels this rectangle).
    QRectF plotArea() const;
    // Changes only when the axis picture is redrawn (layout, size or style), never per frame.
    quint64 overlayGeneration() const { return m_overlay.generation(); }
    // A/V sync: the frames held for their play time, and the last one shown (its sequence and the
    // wall clock, ms since the epoch, when it was handed to the animator).
    const FrameScheduler &schedule() const { return m_schedule; }
    quint64 lastShownSequence() const { return m_lastShownSequence; }
    qint64 lastShownAtMs() const { return m_lastShownAtMs; }
    const SpectrumScene &scene() const { return m_scene; }

public slots:
    void onFrame(const spectray::SpectrumFrame &frame);
    void setBandLayout(const spectray::BandLayout &layout);
    void setStatus(const spectray::EngineStatus &status);

signals:
    void visibilityChanged(bool visible);
    void geometryEdited();     // moved or resized by the user: time to remember it
    void closeRequested();     // close button/Alt+F4 while quitOnClose

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void createView(bool gl);
    void onTick();
    void presentDue(); // shows the newest held frame that is due, then waits for the next one
    void wake();
    void refreshOverlay();
    Qt::Edges edgesAt(const QPoint &pos) const;
    void reapplyFlags(Qt::WindowType flag, bool on);

    SpectrumAnimator m_anim;
    SpectrumScene m_scene;
    AxisOverlay m_overlay;
    SpectrumView *m_view = nullptr;
    bool m_gl = false;
    QTimer m_tick;
    FrameScheduler m_schedule;
    QTimer m_presentTimer; // single shot at the next held frame's due time
    quint64 m_lastShownSequence = 0;
    qint64 m_lastShownAtMs = 0;
    bool m_historyChanged = false; // a spectrogram row came: draw even if the bars did not move
    QElapsedTimer m_clock;
    bool m_active = true;
    bool m_quitOnClose = false;
    bool m_reportedDrawn = false;
    QPointer<QMenu> m_menu;

    Qt::Edges m_dragEdges;
    bool m_dragging = false;
    QPoint m_pressGlobal;
    QRect m_pressGeometry;
    std::unique_ptr<dock::WindowDocker> m_docker;
};

} // namespace spectray::gui

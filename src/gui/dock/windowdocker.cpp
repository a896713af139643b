#include "windowdocker.h"

#include "core/logging.h"
#include "core/settingskeys.h"

#include <QEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace spectray::gui::dock {

QList<ScreenInfo> currentScreens()
{
    QList<ScreenInfo> list;
    const QScreen *primary = QGuiApplication::primaryScreen();
    for (QScreen *s : QGuiApplication::screens())
        list.append(ScreenInfo { s->name(), s->geometry(), s->availableGeometry(), s == primary });
    return list;
}

QString screenNameAt(const QRect &geometry)
{
    const QScreen *s = QGuiApplication::screenAt(geometry.center());
    return s ? s->name() : QString();
}

WindowDocker::WindowDocker(QWidget &window, std::unique_ptr<EdgeReservation> reservation)
    : m_window(window)
    , m_reservation(std::move(reservation))
{
    m_window.installEventFilter(this);
    m_reservation->setMovedHandler([this](const QRect &granted) {
        m_bar = granted;
        m_window.setGeometry(granted);
    });
    const auto follow = [this] {
        if (isDocked())
            place();
    };
    connect(qGuiApp, &QGuiApplication::screenAdded, this, [this, follow](QScreen *s) {
        watchScreen(s);
        follow();
    });
    connect(qGuiApp, &QGuiApplication::screenRemoved, this, follow);
    connect(qGuiApp, &QGuiApplication::primaryScreenChanged, this, follow);
    for (QScreen *s : QGuiApplication::screens())
        watchScreen(s);
}

WindowDocker::~WindowDocker() = default; // the reservation goes with it (an AppBar is removed)

void WindowDocker::watchScreen(QScreen *screen)
{
    connect(screen, &QScreen::geometryChanged, this, [this] {
        if (isDocked())
            place();
    });
}

QString WindowDocker::limitation() const
{
    return isDocked() ? m_reservation->limitation() : QString();
}

QRect WindowDocker::floatingGeometry() const
{
    return isDocked() ? m_floating : m_window.geometry();
}

void WindowDocker::setSpec(const DockSpec &spec)
{
    if (spec == m_spec)
        return;
    const bool wasDocked = isDocked();
    const bool visible = m_window.isVisible();
    m_spec = spec;
    if (wasDocked && isDocked()) {
        place(); // same kind of window, a new place: the reservation follows without a re-map
        return;
    }
    // Docking or undocking changes the window type, which window managers read when a window is
    // mapped: hide, change, show again.
    if (visible)
        m_window.hide();
    if (isDocked()) {
        m_floating = m_window.geometry();
        m_floatingMinimum = m_window.minimumSize();
        m_window.setMinimumSize(1, 1); // a thin strip may be thinner than the floating minimum
        place();
    } else {
        m_reservation->release(m_window);
        m_window.setMinimumSize(m_floatingMinimum);
        m_window.setGeometry(m_floating);
        m_bar = QRect();
        m_lastLimitation.clear();
        emit limitationChanged(QString());
        qCInfo(lcGui) << "Spectrum window undocked";
    }
    if (visible)
        m_window.show();
}

void WindowDocker::place()
{
    const QList<ScreenInfo> screens = currentScreens();
    const ScreenInfo *screen = findScreen(screens, m_spec.screen);
    if (!screen)
        return;
    m_bar = dockRect(m_spec.edge, screen->geometry, m_spec.length, m_spec.thickness);
    m_corrections = 0;
    m_window.setGeometry(m_bar);
    if (m_window.isVisible())
        reserve();
}

void WindowDocker::reserve()
{
    QList<QRect> screens;
    for (const ScreenInfo &s : currentScreens())
        screens.append(s.geometry);
    const QRect granted = m_reservation->reserve(m_window, m_spec.edge, m_bar, screens);
    if (granted.isValid() && granted != m_bar) {
        m_bar = granted;
        m_window.setGeometry(granted);
    }
    const QString why = m_reservation->limitation();
    if (why != m_lastLimitation) {
        m_lastLimitation = why;
        emit limitationChanged(why);
    }
    qCInfo(lcGui).noquote() << QStringLiteral("Spectrum window docked: %1 edge of %2, %3x%4 at %5,%6%7")
                                   .arg(QLatin1String(keys::dockEdgeNames[std::size_t(m_spec.edge)]),
                                       screenNameAt(m_bar))
                                   .arg(m_bar.width())
                                   .arg(m_bar.height())
                                   .arg(m_bar.x())
                                   .arg(m_bar.y())
                                   .arg(why.isEmpty() ? QStringLiteral(", space reserved") : QString());
}

bool WindowDocker::eventFilter(QObject *watched, QEvent *event)
{
    // Show arrives after the native window exists and before it is mapped: the moment to set the
    // window type and struts, also for a native window Qt has just recreated.
    if (watched != &m_window || !isDocked())
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::Show) {
        m_window.setGeometry(m_bar);
        m_corrections = 0;
        reserve();
    } else if ((event->type() == QEvent::Move || event->type() == QEvent::Resize) && m_window.isVisible()
        && m_window.geometry() != m_bar && m_corrections < kMaxCorrections) {
        // Some window managers first map a new window where their placement policy says (openbox
        // at times puts it at the origin) and only then honour its position: put the strip back,
        // a bounded number of times so a manager that insists does not make us fight it forever.
        ++m_corrections;
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (isDocked() && m_window.geometry() != m_bar)
                    m_window.setGeometry(m_bar);
            },
            Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace spectray::gui::dock

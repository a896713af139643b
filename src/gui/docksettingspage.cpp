#include "docksettingspage.h"

#include "core/settingskeys.h"
#include "guisettings.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QSpinBox>

namespace spectray::gui {

DockSettingsPage::DockSettingsPage(Settings &settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_edge(new QComboBox(this))
    , m_screen(new QComboBox(this))
    , m_length(new QSpinBox(this))
    , m_thickness(new QSpinBox(this))
    , m_limitation(new QLabel(this))
{
    setObjectName(QStringLiteral("dockPage"));
    m_edge->setObjectName(QStringLiteral("dockEdgeCombo"));
    m_screen->setObjectName(QStringLiteral("dockScreenCombo"));
    m_length->setObjectName(QStringLiteral("dockLengthSpin"));
    m_thickness->setObjectName(QStringLiteral("dockThicknessSpin"));
    for (const char *name : keys::dockEdgeNames)
        m_edge->addItem(dockEdgeLabel(QLatin1String(name)), QString::fromLatin1(name));
    m_length->setRange(keys::dockLength.min, keys::dockLength.max);
    m_length->setSpecialValueText(tr("Whole edge"));
    m_length->setSuffix(tr(" px"));
    m_length->setSingleStep(50);
    m_thickness->setRange(keys::dockThickness.min, keys::dockThickness.max);
    m_thickness->setSuffix(tr(" px"));
    m_limitation->setWordWrap(true);
    m_limitation->setVisible(false);

    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("Turns the spectrum window into a bar along one edge of a monitor. Maximised "
                                "windows stop at the bar."),
        this);
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(tr("Edge:"), m_edge);
    form->addRow(tr("Monitor:"), m_screen);
    form->addRow(tr("Length:"), m_length);
    form->addRow(tr("Thickness:"), m_thickness);
    form->addRow(m_limitation);

    const auto write = [this](const auto &key, const auto &value) {
        if (!m_loading)
            m_settings.setValue(key, value);
    };
    connect(m_edge, &QComboBox::currentIndexChanged, this,
        [this, write] { write(keys::dockEdge, m_edge->currentData().toString()); });
    connect(m_screen, &QComboBox::currentIndexChanged, this,
        [this, write] { write(keys::dockScreen, m_screen->currentData().toString()); });
    connect(m_length, &QSpinBox::valueChanged, this, [write](int v) { write(keys::dockLength, v); });
    connect(m_thickness, &QSpinBox::valueChanged, this, [write](int v) { write(keys::dockThickness, v); });
    connect(&m_settings, &Settings::changed, this, &DockSettingsPage::onSettingChanged);
    connect(qGuiApp, &QGuiApplication::screenAdded, this, &DockSettingsPage::reload);
    connect(qGuiApp, &QGuiApplication::screenRemoved, this, &DockSettingsPage::reload);
    reload();
}

DockSettingsPage::~DockSettingsPage() = default;

void DockSettingsPage::fillScreens()
{
    m_screen->clear();
    m_screen->addItem(tr("Primary monitor"), QString());
    for (const QScreen *s : QGuiApplication::screens()) {
        const QSize size = s->geometry().size();
        m_screen->addItem(tr("%1 (%2×%3)").arg(s->name()).arg(size.width()).arg(size.height()), s->name());
    }
    // A monitor that is not connected now stays selectable: the strip goes back to it when it returns.
    const QString stored = m_settings.value(keys::dockScreen);
    if (!stored.isEmpty() && m_screen->findData(stored) < 0)
        m_screen->addItem(tr("%1 (not connected)").arg(stored), stored);
}

void DockSettingsPage::reload()
{
    m_loading = true;
    m_edge->setCurrentIndex(std::max(0, m_edge->findData(m_settings.valueName(keys::dockEdge))));
    fillScreens();
    m_screen->setCurrentIndex(std::max(0, m_screen->findData(m_settings.value(keys::dockScreen))));
    m_length->setValue(m_settings.value(keys::dockLength));
    m_thickness->setValue(m_settings.value(keys::dockThickness));
    m_loading = false;
}

void DockSettingsPage::setLimitation(const QString &text)
{
    m_limitation->setText(text);
    m_limitation->setVisible(!text.isEmpty());
}

void DockSettingsPage::onSettingChanged(SettingId key)
{
    if (m_loading)
        return;
    switch (key) {
    case SettingId::DockEdge:
    case SettingId::DockScreen:
    case SettingId::DockLength:
    case SettingId::DockThickness:
        reload();
        break;
    default:
        break;
    }
}

} // namespace spectray::gui

#include "settingsdialog.h"

#include "autostart.h"
#include "core/settings.h"
#include "engine/enginesettings.h"
#include "guisettings.h"
#include "ui_settingsdialog.h"

#include <QColorDialog>
#include <QSignalBlocker>

namespace spectray::gui {

SettingsDialog::SettingsDialog(Settings &settings, AutoStart *autoStart, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
    , m_autoStart(autoStart)
{
    m_ui->setupUi(this);
    m_ui->profileCombo->addItem(tr("Balanced (better bass resolution)"), QStringLiteral("default"));
    m_ui->profileCombo->addItem(tr("Classic (like the original service)"), QStringLiteral("seed"));
    for (const QString &id : styleIds())
        m_ui->styleCombo->addItem(styleName(id), id);
    m_ui->meterCombo->addItem(tr("None"), QStringLiteral("none"));
    m_ui->meterCombo->addItem(tr("Bar"), QStringLiteral("bar"));
    m_ui->meterCombo->addItem(tr("Needle"), QStringLiteral("needle"));
    for (const AccentPreset &p : accentPresets())
        m_ui->accentCombo->addItem(QCoreApplication::translate("spectray::gui::AccentPreset", p.name),
                                   QString::fromLatin1(p.color));
    m_ui->languageCombo->addItem(tr("System default"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
    m_ui->languageCombo->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_ui->startAtLoginCheck->setEnabled(m_autoStart != nullptr);
    setNetworkAvailable(false);

    reload();
    connectAudio();
    connectDisplay();
    connectNetwork();
    connectGeneral();
}

SettingsDialog::~SettingsDialog() = default;

namespace {
void selectData(QComboBox *combo, const QString &value)
{
    const int i = combo->findData(value);
    if (i >= 0)
        combo->setCurrentIndex(i);
}
} // namespace

void SettingsDialog::setAccentCombo(const QString &colour)
{
    int i = m_ui->accentCombo->findData(colour, Qt::UserRole, Qt::MatchFixedString);
    if (i < 0) {
        m_ui->accentCombo->addItem(tr("Custom %1").arg(colour), colour);
        i = m_ui->accentCombo->count() - 1;
    }
    m_ui->accentCombo->setCurrentIndex(i);
}

void SettingsDialog::reload()
{
    m_loading = true;
    setDevices(m_devices);
    selectData(m_ui->profileCombo, m_settings.value(keys::profile));
    m_ui->fpsSpin->setValue(m_settings.value(keys::fps));
    m_ui->bandsSpin->setValue(m_settings.value(keys::bands));
    m_ui->minHzSpin->setValue(m_settings.value(keys::minHz));
    m_ui->maxHzSpin->setValue(m_settings.value(keys::maxHz));
    m_ui->captureOnStartCheck->setChecked(m_settings.value(keys::captureOnStart));

    selectData(m_ui->styleCombo, m_settings.value(keys::style));
    selectData(m_ui->meterCombo, m_settings.value(keys::meter));
    m_ui->bassPulseCheck->setChecked(m_settings.value(keys::bassPulse));
    setAccentCombo(m_settings.value(keys::accent));
    m_ui->peaksCheck->setChecked(m_settings.value(keys::peaks));
    m_ui->peakHoldSpin->setValue(m_settings.value(keys::peakHoldMs));
    m_ui->peakFallSpin->setValue(m_settings.value(keys::peakFallMs));
    m_ui->attackSpin->setValue(m_settings.value(keys::attackMs));
    m_ui->releaseSpin->setValue(m_settings.value(keys::releaseMs));
    m_ui->opacitySlider->setValue(m_settings.value(keys::opacity));
    m_ui->alwaysOnTopCheck->setChecked(m_settings.value(keys::alwaysOnTop));
    m_ui->clickThroughCheck->setChecked(m_settings.value(keys::clickThrough));

    m_ui->startAtLoginCheck->setChecked(m_autoStart ? m_autoStart->isEnabled() : m_settings.value(keys::startAtLogin));
    selectData(m_ui->languageCombo, m_settings.value(keys::language));
    m_loading = false;
}

void SettingsDialog::setDevices(const AudioDeviceList &devices)
{
    m_devices = devices;
    const bool wasLoading = m_loading;
    m_loading = true;
    m_ui->sourceCombo->clear();
    m_ui->sourceCombo->addItem(tr("Default output (follows system)"), defaultOutputDeviceId());
    for (const AudioDevice &d : devices) {
        if (d.id != defaultOutputDeviceId())
            m_ui->sourceCombo->addItem(d.kind == AudioDevice::Kind::Input ? tr("Input: %1").arg(d.name) : d.name, d.id);
    }
    const QString current = m_settings.value(keys::source);
    if (m_ui->sourceCombo->findData(current) < 0)
        m_ui->sourceCombo->addItem(current, current); // chosen earlier, not present now
    selectData(m_ui->sourceCombo, current);
    m_loading = wasLoading;
}

void SettingsDialog::connectAudio()
{
    connect(m_ui->sourceCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            m_settings.setValue(keys::source, m_ui->sourceCombo->currentData().toString());
    });
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            m_settings.setValue(keys::profile, m_ui->profileCombo->currentData().toString());
    });
    connect(m_ui->fpsSpin, &QSpinBox::valueChanged, this, [this](int v) { if (!m_loading) m_settings.setValue(keys::fps, v); });
    connect(m_ui->bandsSpin, &QSpinBox::valueChanged, this, [this](int v) { if (!m_loading) m_settings.setValue(keys::bands, v); });
    connect(m_ui->minHzSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) { if (!m_loading) m_settings.setValue(keys::minHz, v); });
    connect(m_ui->maxHzSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) { if (!m_loading) m_settings.setValue(keys::maxHz, v); });
    connect(m_ui->captureOnStartCheck, &QCheckBox::toggled, this, [this](bool v) { if (!m_loading) m_settings.setValue(keys::captureOnStart, v); });
}

void SettingsDialog::connectDisplay()
{
    connect(m_ui->styleCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            m_settings.setValue(keys::style, m_ui->styleCombo->currentData().toString());
    });
    connect(m_ui->meterCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            m_settings.setValue(keys::meter, m_ui->meterCombo->currentData().toString());
    });
    connect(m_ui->accentCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            m_settings.setValue(keys::accent, m_ui->accentCombo->currentData().toString());
    });
    connect(m_ui->accentButton, &QToolButton::clicked, this, [this] {
        const QColor c = QColorDialog::getColor(QColor(m_settings.value(keys::accent)), this, tr("Accent colour"));
        if (c.isValid()) {
            m_settings.setValue(keys::accent, c.name());
            m_loading = true;
            setAccentCombo(c.name());
            m_loading = false;
        }
    });
    auto boolKey = [this](QCheckBox *box, const BoolKey &key) {
        connect(box, &QCheckBox::toggled, this, [this, &key](bool v) { if (!m_loading) m_settings.setValue(key, v); });
    };
    boolKey(m_ui->bassPulseCheck, keys::bassPulse);
    boolKey(m_ui->peaksCheck, keys::peaks);
    boolKey(m_ui->alwaysOnTopCheck, keys::alwaysOnTop);
    boolKey(m_ui->clickThroughCheck, keys::clickThrough);
    auto intKey = [this](QAbstractSlider *slider, QSpinBox *spin, const IntKey &key) {
        auto write = [this, &key](int v) { if (!m_loading) m_settings.setValue(key, v); };
        if (spin)
            connect(spin, &QSpinBox::valueChanged, this, write);
        if (slider)
            connect(slider, &QAbstractSlider::valueChanged, this, write);
    };
    intKey(nullptr, m_ui->peakHoldSpin, keys::peakHoldMs);
    intKey(nullptr, m_ui->peakFallSpin, keys::peakFallMs);
    intKey(nullptr, m_ui->attackSpin, keys::attackMs);
    intKey(nullptr, m_ui->releaseSpin, keys::releaseMs);
    intKey(m_ui->opacitySlider, nullptr, keys::opacity);
}

void SettingsDialog::connectNetwork()
{
    connect(m_ui->serverEnabledCheck, &QCheckBox::toggled, this, &SettingsDialog::emitNetwork);
    connect(m_ui->lanAccessCheck, &QCheckBox::toggled, this, &SettingsDialog::emitNetwork);
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, &SettingsDialog::emitNetwork);
    connect(m_ui->maxClientsSpin, &QSpinBox::valueChanged, this, &SettingsDialog::emitNetwork);
    connect(m_ui->bindEdit, &QLineEdit::editingFinished, this, &SettingsDialog::emitNetwork);
    connect(m_ui->regenerateTokenButton, &QToolButton::clicked, this, &SettingsDialog::regenerateTokenRequested);
    connect(m_ui->showTokenButton, &QToolButton::toggled, this, [this](bool show) {
        m_ui->tokenEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_ui->showTokenButton->setText(show ? tr("Hide") : tr("Show"));
    });
}

void SettingsDialog::connectGeneral()
{
    connect(m_ui->startAtLoginCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading)
            return;
        m_settings.setValue(keys::startAtLogin, on);
        if (m_autoStart)
            m_autoStart->setEnabled(on);
    });
    connect(m_ui->languageCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            m_settings.setValue(keys::language, m_ui->languageCombo->currentData().toString());
    });
}

void SettingsDialog::setNetworkAvailable(bool available)
{
    m_ui->pages->setTabVisible(m_ui->pages->indexOf(m_ui->networkPage), available);
}

void SettingsDialog::setNetworkSettings(const NetworkSettingsView &n)
{
    setNetworkAvailable(true);
    m_loading = true;
    m_ui->serverEnabledCheck->setChecked(n.serverEnabled);
    m_ui->lanAccessCheck->setChecked(n.lanAllowed);
    m_ui->portSpin->setValue(n.port);
    m_ui->bindEdit->setText(n.bindAddress);
    m_ui->tokenEdit->setText(n.token);
    m_ui->maxClientsSpin->setValue(n.maxClients);
    m_loading = false;
}

void SettingsDialog::emitNetwork()
{
    if (m_loading)
        return;
    NetworkSettingsView n;
    n.serverEnabled = m_ui->serverEnabledCheck->isChecked();
    n.lanAllowed = m_ui->lanAccessCheck->isChecked();
    n.port = m_ui->portSpin->value();
    n.bindAddress = m_ui->bindEdit->text().trimmed();
    n.token = m_ui->tokenEdit->text();
    n.maxClients = m_ui->maxClientsSpin->value();
    emit networkSettingsEdited(n);
}

} // namespace spectray::gui

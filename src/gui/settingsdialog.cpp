#include "settingsdialog.h"

#include "autostart.h"
#include "avoffsetfield.h"
#include "core/sourceid.h"
#include "docksettingspage.h"
#include "guisettings.h"
#include "textroom.h"
#include "outputspages.h"
#include "ui_settingsdialog.h"

#include <QColorDialog>

namespace spectray::gui {

namespace {

void selectData(QComboBox *combo, const QVariant &value)
{
    const int i = combo->findData(value);
    if (i >= 0)
        combo->setCurrentIndex(i);
}

template<typename Spin, typename Key>
void setRange(Spin *spin, const Key &key)
{
    spin->setRange(key.min, key.max);
}

} // namespace

SettingsDialog::SettingsDialog(Settings &settings, AutoStart *autoStart, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
    , m_autoStart(autoStart)
{
    m_ui->setupUi(this);
    m_dockPage = new DockSettingsPage(m_settings, this); // its own file: the strip's fields and rules
    m_ui->pages->insertTab(m_ui->pages->indexOf(m_ui->displayPage) + 1, m_dockPage, tr("Docked strip"));
    // A/V offsets (issue 11): the window's on its page, the web pages' default on the server's.
    m_windowOffsetSpin = makeAvOffsetSpin(keys::windowAvOffsetMs, this);
    m_ui->displayForm->addRow(tr("A/V offset:"), m_windowOffsetSpin);
    m_webOffsetSpin = makeAvOffsetSpin(keys::webAvOffsetMs, this);
    m_ui->networkForm->addRow(tr("Web pages' A/V offset:"), m_webOffsetSpin);
    fillChoices();
    setRanges();
    m_ui->startAtLoginCheck->setEnabled(m_autoStart != nullptr);
    m_outputsPages = new OutputsPages(m_settings, m_ui->pages, m_ui->pages->indexOf(m_ui->generalPage), this);
    setNetworkAvailable(false);

    reload();
    connectAudio();
    connectDisplay();
    connectNetwork();
    connectGeneral();
    connect(&m_settings, &Settings::changed, this, &SettingsDialog::onSettingChanged);
    giveTextsRoom(this); // last: every page is filled
}

SettingsDialog::~SettingsDialog() = default;

// Combo box data are the stored names of the keys' values (keys::*Names), labels are translated.
void SettingsDialog::fillChoices()
{
    m_ui->profileCombo->addItem(tr("Balanced (better bass resolution)"), QStringLiteral("default"));
    m_ui->profileCombo->addItem(tr("Classic (like the original service)"), QStringLiteral("seed"));
    m_ui->amplitudeCombo->addItem(tr("Decibels (like the ear)"), QStringLiteral("db"));
    m_ui->amplitudeCombo->addItem(tr("Linear (power)"), QStringLiteral("linear"));
    m_ui->weightingCombo->addItem(tr("Flat"), QStringLiteral("flat"));
    m_ui->weightingCombo->addItem(tr("A-weighting"), QStringLiteral("a"));
    m_ui->weightingCombo->addItem(tr("Tilt +3 dB per octave"), QStringLiteral("tilt3"));
    m_ui->weightingCombo->addItem(tr("Tilt +4.5 dB per octave"), QStringLiteral("tilt4.5"));
    m_ui->layoutCombo->addItem(tr("Logarithmic (number of bands)"), QStringLiteral("log"));
    m_ui->layoutCombo->addItem(tr("Fractional octaves (IEC 61260-1)"), QStringLiteral("octave"));
    for (int n : keys::bandsPerOctaveValues)
        m_ui->bandsPerOctaveCombo->addItem(n == 1 ? tr("1 (octaves)") : tr("1/%1 octave").arg(n), n);
    for (const QString &id : styleIds())
        m_ui->styleCombo->addItem(styleName(id), id);
    m_ui->meterCombo->addItem(tr("None"), QStringLiteral("none"));
    m_ui->meterCombo->addItem(tr("Bar"), QStringLiteral("bar"));
    m_ui->meterCombo->addItem(tr("Needle"), QStringLiteral("needle"));
    for (const AccentPreset &p : accentPresets())
        m_ui->accentCombo->addItem(p.name, p.color);
    m_ui->languageCombo->addItem(tr("System default"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
    m_ui->languageCombo->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
}

// The ranges are the keys' own, so the dialog never offers a value the schema would clamp. The port
// keeps the .ui's floor of 1024: lower ports need privileges the app does not have.
void SettingsDialog::setRanges()
{
    setRange(m_ui->fpsSpin, keys::fps);
    setRange(m_ui->bandsSpin, keys::bands);
    setRange(m_ui->minHzSpin, keys::minHz);
    setRange(m_ui->maxHzSpin, keys::maxHz);
    setRange(m_ui->rangeDbSpin, keys::rangeDb);
    setRange(m_ui->peakHoldSpin, keys::peakHoldMs);
    setRange(m_ui->peakFallSpin, keys::peakFallMs);
    setRange(m_ui->attackSpin, keys::attackMs);
    setRange(m_ui->releaseSpin, keys::releaseMs);
    setRange(m_ui->opacitySlider, keys::opacity);
    setRange(m_ui->maxClientsSpin, keys::serverMaxClients);
    m_ui->portSpin->setMaximum(keys::serverPort.max);
}

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
    reloadAudio();
    reloadDisplay();
    reloadNetwork();
    m_dockPage->reload();
    m_loading = true;
    m_ui->startAtLoginCheck->setChecked(m_autoStart ? m_autoStart->isEnabled() : m_settings.value(keys::startAtLogin));
    selectData(m_ui->languageCombo, m_settings.valueName(keys::language));
    m_loading = false;
    if (m_outputsPages)
        m_outputsPages->reload();
}

void SettingsDialog::reloadAudio()
{
    m_loading = true;
    setDevices(m_devices);
    selectData(m_ui->profileCombo, m_settings.valueName(keys::profile));
    m_ui->fpsSpin->setValue(m_settings.value(keys::fps));
    m_ui->bandsSpin->setValue(m_settings.value(keys::bands));
    m_ui->minHzSpin->setValue(m_settings.value(keys::minHz));
    m_ui->maxHzSpin->setValue(m_settings.value(keys::maxHz));
    selectData(m_ui->amplitudeCombo, m_settings.valueName(keys::amplitude));
    m_ui->rangeDbSpin->setValue(m_settings.value(keys::rangeDb));
    selectData(m_ui->weightingCombo, m_settings.valueName(keys::weighting));
    selectData(m_ui->layoutCombo, m_settings.valueName(keys::layout));
    selectData(m_ui->bandsPerOctaveCombo, m_settings.value(keys::bandsPerOctave));
    m_ui->captureOnStartCheck->setChecked(m_settings.value(keys::captureOnStart));
    m_loading = false;
}

void SettingsDialog::reloadDisplay()
{
    m_loading = true;
    selectData(m_ui->styleCombo, m_settings.valueName(keys::style));
    selectData(m_ui->meterCombo, m_settings.valueName(keys::meter));
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
    m_ui->frequencyAxisCheck->setChecked(m_settings.value(keys::frequencyAxis));
    m_ui->dbGridCheck->setChecked(m_settings.value(keys::dbGrid));
    m_windowOffsetSpin->setValue(m_settings.value(keys::windowAvOffsetMs));
    m_loading = false;
}

void SettingsDialog::reloadNetwork()
{
    m_loading = true;
    m_ui->serverEnabledCheck->setChecked(m_settings.value(keys::serverEnabled));
    m_ui->lanAccessCheck->setChecked(m_settings.value(keys::serverLanAccess));
    m_ui->portSpin->setValue(m_settings.value(keys::serverPort));
    m_ui->bindEdit->setText(m_settings.value(keys::serverBind));
    m_ui->tokenEdit->setText(m_settings.value(keys::serverToken));
    m_ui->maxClientsSpin->setValue(m_settings.value(keys::serverMaxClients));
    m_ui->allowedHostsEdit->setText(m_settings.value(keys::serverAllowedHosts));
    m_webOffsetSpin->setValue(m_settings.value(keys::webAvOffsetMs));
    m_loading = false;
}

void SettingsDialog::onSettingChanged(SettingId key)
{
    if (m_writing)
        return;
    switch (settingGroup(key)) {
    case SettingGroup::Audio:
        reloadAudio();
        break;
    case SettingGroup::Display:
        reloadDisplay();
        break;
    case SettingGroup::Server:
        reloadNetwork();
        break;
    case SettingGroup::Window:
    case SettingGroup::General:
    case SettingGroup::Outputs: // OutputsPages listens itself
        break;
    }
}

void SettingsDialog::setDevices(const AudioDeviceList &devices)
{
    m_devices = devices;
    const bool wasLoading = m_loading;
    m_loading = true;
    m_ui->sourceCombo->clear();
    m_ui->sourceCombo->addItem(SourceId::defaultOutput().displayName(), defaultOutputDeviceId());
    for (const AudioDevice &d : devices) {
        if (d.id == defaultOutputDeviceId())
            continue;
        if (d.kind == AudioDevice::Kind::Application) {
            m_ui->sourceCombo->addItem(tr("Application: %1").arg(d.name), d.id);
            const SourceId app = SourceId::parse(d.id);
            m_ui->sourceCombo->addItem(SourceId::allExceptLabel(d.name),
                                       SourceId::allExceptApplication(app.argument()).toString());
            continue;
        }
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
    const auto combo = [this](QComboBox *box, const auto &key) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, box, &key] {
            write(key, box->currentData().toString());
        });
    };
    combo(m_ui->sourceCombo, keys::source);
    combo(m_ui->profileCombo, keys::profile);
    combo(m_ui->amplitudeCombo, keys::amplitude);
    combo(m_ui->weightingCombo, keys::weighting);
    combo(m_ui->layoutCombo, keys::layout);
    connect(m_ui->bandsPerOctaveCombo, &QComboBox::currentIndexChanged, this, [this] {
        write(keys::bandsPerOctave, m_ui->bandsPerOctaveCombo->currentData().toInt());
    });
    connect(m_ui->fpsSpin, &QSpinBox::valueChanged, this, [this](int v) { write(keys::fps, v); });
    connect(m_ui->bandsSpin, &QSpinBox::valueChanged, this, [this](int v) { write(keys::bands, v); });
    connect(m_ui->minHzSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) { write(keys::minHz, v); });
    connect(m_ui->maxHzSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) { write(keys::maxHz, v); });
    connect(m_ui->rangeDbSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) { write(keys::rangeDb, v); });
    connect(m_ui->captureOnStartCheck, &QCheckBox::toggled, this, [this](bool v) { write(keys::captureOnStart, v); });
}

void SettingsDialog::connectDisplay()
{
    const auto combo = [this](QComboBox *box, const auto &key) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, box, &key] {
            write(key, box->currentData().toString());
        });
    };
    combo(m_ui->styleCombo, keys::style);
    combo(m_ui->meterCombo, keys::meter);
    combo(m_ui->accentCombo, keys::accent);
    connect(m_ui->accentButton, &QToolButton::clicked, this, [this] {
        const QColor c = QColorDialog::getColor(QColor(m_settings.value(keys::accent)), this, tr("Accent colour"));
        if (c.isValid()) {
            write(keys::accent, c.name());
            m_loading = true;
            setAccentCombo(c.name());
            m_loading = false;
        }
    });
    const auto boolKey = [this](QCheckBox *box, const BoolKey &key) {
        connect(box, &QCheckBox::toggled, this, [this, &key](bool v) { write(key, v); });
    };
    boolKey(m_ui->bassPulseCheck, keys::bassPulse);
    boolKey(m_ui->peaksCheck, keys::peaks);
    boolKey(m_ui->alwaysOnTopCheck, keys::alwaysOnTop);
    boolKey(m_ui->clickThroughCheck, keys::clickThrough);
    boolKey(m_ui->frequencyAxisCheck, keys::frequencyAxis);
    boolKey(m_ui->dbGridCheck, keys::dbGrid);
    const auto spinKey = [this](QSpinBox *spin, const IntKey &key) {
        connect(spin, &QSpinBox::valueChanged, this, [this, &key](int v) { write(key, v); });
    };
    spinKey(m_ui->peakHoldSpin, keys::peakHoldMs);
    spinKey(m_ui->peakFallSpin, keys::peakFallMs);
    spinKey(m_ui->attackSpin, keys::attackMs);
    spinKey(m_ui->releaseSpin, keys::releaseMs);
    spinKey(m_windowOffsetSpin, keys::windowAvOffsetMs);
    connect(m_ui->opacitySlider, &QAbstractSlider::valueChanged, this, [this](int v) { write(keys::opacity, v); });
}

void SettingsDialog::connectNetwork()
{
    connect(m_ui->serverEnabledCheck, &QCheckBox::toggled, this, [this](bool v) { write(keys::serverEnabled, v); });
    connect(m_ui->lanAccessCheck, &QCheckBox::toggled, this, [this](bool v) { write(keys::serverLanAccess, v); });
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, [this](int v) { write(keys::serverPort, v); });
    connect(m_ui->maxClientsSpin, &QSpinBox::valueChanged, this, [this](int v) { write(keys::serverMaxClients, v); });
    connect(m_webOffsetSpin, &QSpinBox::valueChanged, this, [this](int v) { write(keys::webAvOffsetMs, v); });
    // Text fields are written when editing ends; a value the schema refuses (not an IP address, not a
    // host name) is not stored and the field shows the stored value again.
    const auto textKey = [this](QLineEdit *edit, const StringKey &key) {
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, &key] {
            write(key, edit->text().trimmed());
            reloadNetwork();
        });
    };
    textKey(m_ui->bindEdit, keys::serverBind);
    textKey(m_ui->allowedHostsEdit, keys::serverAllowedHosts);
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
        write(keys::startAtLogin, on);
        if (m_autoStart)
            m_autoStart->setEnabled(on);
    });
    connect(m_ui->languageCombo, &QComboBox::currentIndexChanged, this, [this] {
        write(keys::language, m_ui->languageCombo->currentData().toString());
    });
}

void SettingsDialog::setNetworkAvailable(bool available)
{
    m_ui->pages->setTabVisible(m_ui->pages->indexOf(m_ui->networkPage), available);
}

} // namespace spectray::gui

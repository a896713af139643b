#include "outputspages.h"

#include "avoffsetfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace spectray::gui {

namespace {

QLabel *note(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    return label;
}

QSpinBox *spinFor(const IntKey &key)
{
    auto *spin = new QSpinBox;
    spin->setRange(key.min, key.max);
    return spin;
}

} // namespace

OutputsPages::OutputsPages(Settings &settings, QTabWidget *pages, int beforeIndex, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    m_ledPage = buildLedPage();
    m_mqttPage = buildMqttPage();
    pages->insertTab(beforeIndex, m_ledPage, tr("LED sync"));
    pages->insertTab(beforeIndex < 0 ? -1 : beforeIndex + 1, m_mqttPage, tr("MQTT"));
    reload();
    connect(&m_settings, &Settings::changed, this, &OutputsPages::onSettingChanged);
}

OutputsPages::~OutputsPages() = default;

QWidget *OutputsPages::buildLedPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout;
    m_ledEnabled = new QCheckBox(tr("Send the analysis to WLED devices (Audio Sync)"));
    m_ledTargets = new QLineEdit;
    m_ledTargets->setPlaceholderText(QStringLiteral("multicast"));
    m_ledTargets->setToolTip(tr("multicast, broadcast, a multicast group, or device addresses and names, "
                                "separated by spaces; each may end in :PORT (default 11988)"));
    m_ledTtl = spinFor(keys::ledSyncTtl);
    m_ledInterface = new QComboBox;
    m_ledInterface->addItem(tr("All network interfaces"), QString());
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        if (iface.flags().testFlag(QNetworkInterface::CanMulticast)
            && !iface.flags().testFlag(QNetworkInterface::IsLoopBack))
            m_ledInterface->addItem(iface.humanReadableName(), iface.name());
    }
    form->addRow(m_ledEnabled);
    form->addRow(tr("Targets:"), m_ledTargets);
    form->addRow(tr("Multicast TTL:"), m_ledTtl);
    form->addRow(tr("Interface:"), m_ledInterface);
    m_ledAvOffset = makeAvOffsetSpin(keys::ledSyncAvOffsetMs, nullptr);
    form->addRow(tr("A/V offset:"), m_ledAvOffset);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(note(tr("In WLED: Config → Usermods → AudioReactive → Sync: receive (port 11988). "
                              "Packets go to the whole local network 50 times a second while sound plays.")));
    layout->addStretch();

    connect(m_ledEnabled, &QCheckBox::toggled, this, [this](bool v) { write(keys::ledSyncEnabled, v); });
    bindText(m_ledTargets, keys::ledSyncTargets);
    connect(m_ledTtl, &QSpinBox::valueChanged, this, [this](int v) { write(keys::ledSyncTtl, v); });
    connect(m_ledAvOffset, &QSpinBox::valueChanged, this, [this](int v) { write(keys::ledSyncAvOffsetMs, v); });
    connect(m_ledInterface, &QComboBox::currentIndexChanged, this,
        [this] { write(keys::ledSyncInterface, m_ledInterface->currentData().toString()); });
    return page;
}

QWidget *OutputsPages::buildMqttPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout;
    m_mqttEnabled = new QCheckBox(tr("Publish to an MQTT broker"));
    m_mqttUrl = new QLineEdit;
    m_mqttUrl->setPlaceholderText(QStringLiteral("mqtt://user@broker.lan:1883"));
    m_mqttPassword = new QLineEdit;
    m_mqttPassword->setEchoMode(QLineEdit::Password);
    m_mqttCaFile = new QLineEdit;
    m_mqttCaFile->setPlaceholderText(tr("System certificates"));
    auto *browse = new QToolButton;
    browse->setText(tr("Browse…"));
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_mqttCaFile);
    caRow->addWidget(browse);
    m_mqttPrefix = new QLineEdit;
    m_mqttPrefix->setPlaceholderText(tr("From the URL, or spectray/HOSTNAME"));
    m_mqttFrameRate = spinFor(keys::mqttFrameRate);
    m_mqttLevelRate = spinFor(keys::mqttLevelRate);
    form->addRow(m_mqttEnabled);
    form->addRow(tr("Broker URL:"), m_mqttUrl);
    form->addRow(tr("Password:"), m_mqttPassword);
    form->addRow(tr("CA certificate (mqtts):"), caRow);
    form->addRow(tr("Topic prefix:"), m_mqttPrefix);
    form->addRow(tr("Frames per second:"), m_mqttFrameRate);
    form->addRow(tr("Level messages per second:"), m_mqttLevelRate);
    m_mqttAvOffset = makeAvOffsetSpin(keys::mqttAvOffsetMs, nullptr);
    form->addRow(tr("A/V offset:"), m_mqttAvOffset);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(note(tr("Topics: PREFIX/frame, layout, status, level and availability. "
                              "The password is stored in the settings file in plain text.")));
    layout->addStretch();

    connect(m_mqttEnabled, &QCheckBox::toggled, this, [this](bool v) { write(keys::mqttEnabled, v); });
    bindText(m_mqttUrl, keys::mqttUrl);
    bindText(m_mqttPassword, keys::mqttPassword);
    bindText(m_mqttCaFile, keys::mqttCaFile);
    bindText(m_mqttPrefix, keys::mqttPrefix);
    connect(m_mqttFrameRate, &QSpinBox::valueChanged, this, [this](int v) { write(keys::mqttFrameRate, v); });
    connect(m_mqttLevelRate, &QSpinBox::valueChanged, this, [this](int v) { write(keys::mqttLevelRate, v); });
    connect(m_mqttAvOffset, &QSpinBox::valueChanged, this, [this](int v) { write(keys::mqttAvOffsetMs, v); });
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            m_mqttPage, tr("CA certificate"), m_mqttCaFile->text(), tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty()) {
            m_mqttCaFile->setText(file);
            write(keys::mqttCaFile, file);
        }
    });
    return page;
}

// Written when editing ends; a value the schema refuses shows the stored one again.
void OutputsPages::bindText(QLineEdit *edit, const StringKey &key)
{
    connect(edit, &QLineEdit::editingFinished, this, [this, edit, &key] {
        write(key, edit->text().trimmed());
        reload();
    });
}

void OutputsPages::reload()
{
    m_loading = true;
    m_ledEnabled->setChecked(m_settings.value(keys::ledSyncEnabled));
    m_ledTargets->setText(m_settings.value(keys::ledSyncTargets));
    m_ledTtl->setValue(m_settings.value(keys::ledSyncTtl));
    const QString iface = m_settings.value(keys::ledSyncInterface);
    if (m_ledInterface->findData(iface) < 0)
        m_ledInterface->addItem(iface, iface); // stored for an interface that is not up now
    m_ledInterface->setCurrentIndex(m_ledInterface->findData(iface));
    m_mqttEnabled->setChecked(m_settings.value(keys::mqttEnabled));
    m_mqttUrl->setText(m_settings.value(keys::mqttUrl));
    m_mqttPassword->setText(m_settings.value(keys::mqttPassword));
    m_mqttCaFile->setText(m_settings.value(keys::mqttCaFile));
    m_mqttPrefix->setText(m_settings.value(keys::mqttPrefix));
    m_mqttFrameRate->setValue(m_settings.value(keys::mqttFrameRate));
    m_mqttLevelRate->setValue(m_settings.value(keys::mqttLevelRate));
    m_ledAvOffset->setValue(m_settings.value(keys::ledSyncAvOffsetMs));
    m_mqttAvOffset->setValue(m_settings.value(keys::mqttAvOffsetMs));
    m_loading = false;
}

void OutputsPages::onSettingChanged(SettingId key)
{
    if (!m_writing && settingGroup(key) == SettingGroup::Outputs)
        reload();
}

} // namespace spectray::gui

// The settings dialog's "LED sync" and "MQTT" pages: present, filled from the ledSync/* and mqtt/*
// keys, and every edit written through the schema (text fields when editing ends).
#include "core/settings.h"
#include "gui/outputspages.h"
#include "gui/settingsdialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray;

class TestOutputsPages final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void pagesEditTheKeys()
    {
        Settings s(m_dir.filePath(QStringLiteral("pages.ini")));
        s.setValue(keys::mqttUrl, QStringLiteral("mqtt://broker.lan/home/spectray"));
        gui::SettingsDialog dialog(s, nullptr);
        auto *pages = dialog.findChild<QTabWidget *>(QStringLiteral("pages"));
        QVERIFY(pages);
        QStringList titles;
        for (int i = 0; i < pages->count(); ++i)
            titles << pages->tabText(i);
        QVERIFY2(titles.contains(QStringLiteral("LED sync")) && titles.contains(QStringLiteral("MQTT")),
            qPrintable(titles.join(u',')));
        auto *outputs = dialog.findChild<gui::OutputsPages *>();
        QVERIFY(outputs);

        // Off by default, and the stored URL is shown.
        const QList<QCheckBox *> ledChecks = outputs->ledPage()->findChildren<QCheckBox *>();
        QCOMPARE(ledChecks.size(), 1);
        QVERIFY(!ledChecks.first()->isChecked());
        const QList<QLineEdit *> mqttEdits = outputs->mqttPage()->findChildren<QLineEdit *>();
        QCOMPARE(mqttEdits.first()->text(), QStringLiteral("mqtt://broker.lan/home/spectray"));

        QSignalSpy changed(&s, &Settings::changed);
        ledChecks.first()->setChecked(true);
        QCOMPARE(s.value(keys::ledSyncEnabled), true);
        QLineEdit *targets = outputs->ledPage()->findChildren<QLineEdit *>().first();
        targets->setText(QStringLiteral("192.168.1.50 wled.lan:21324"));
        QCOMPARE(s.value(keys::ledSyncTargets), QStringLiteral("multicast")); // not while typing
        emit targets->editingFinished();
        QCOMPARE(s.value(keys::ledSyncTargets), QStringLiteral("192.168.1.50 wled.lan:21324"));
        QSpinBox *ttl = outputs->ledPage()->findChildren<QSpinBox *>().first();
        QCOMPARE(ttl->maximum(), keys::ledSyncTtl.max);
        ttl->setValue(4);
        QCOMPARE(s.value(keys::ledSyncTtl), 4);
        // A URL the schema refuses is not stored; the field shows the stored one again.
        mqttEdits.first()->setText(QStringLiteral("http://nope"));
        emit mqttEdits.first()->editingFinished();
        QCOMPARE(s.value(keys::mqttUrl), QStringLiteral("mqtt://broker.lan/home/spectray"));
        QCOMPARE(mqttEdits.first()->text(), QStringLiteral("mqtt://broker.lan/home/spectray"));
        QVERIFY(changed.count() >= 3);

        // A change made elsewhere (the tray) shows on the open page.
        s.setValue(keys::ledSyncEnabled, false);
        QVERIFY(!ledChecks.first()->isChecked());
    }
};

QTEST_MAIN(TestOutputsPages)
#include "tst_outputspages.moc"

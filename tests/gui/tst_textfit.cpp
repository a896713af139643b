// Every user-visible string reads whole in English, Russian and German (issue 15): no text in the
// settings dialog (every page), the tray menu, the window's context menu or the message boxes
// needs more room than its widget gives it, and Qt's own strings (the standard dialog buttons)
// are translated too. Under Xvfb with the real fonts, as a user sees it.
#include "app/desktopapp.h"
#include "app/session.h"
#include "core/metatypes.h"
#include "core/settings.h"
#include "gui/desktopactions.h"
#include "gui/settingsdialog.h"
#include "gui/singleinstance.h"
#include "gui/spectrumwindow.h"
#include "gui/translations.h"
#include "gui/traycontroller.h"
#include "hangguard.h"
#include "net/lanservice.h"
#include "textfit.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace spectray;

namespace {

QList<QMessageBox *> shownMessageBoxes()
{
    QList<QMessageBox *> boxes;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
            boxes.append(box);
    }
    return boxes;
}

QMenu *shownPopupMenu()
{
    return qobject_cast<QMenu *>(QApplication::activePopupWidget());
}

} // namespace

class TestTextFit final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        registerMetaTypes();
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_qs).toUtf8()); // autostart stays here
    }

    // The checker itself sees a clipped text of each kind it measures (a known-bad layout).
    void theCheckerSeesClippedTexts()
    {
        QWidget w;
        auto *combo = new QComboBox(&w);
        combo->addItem(u"A rather long entry that cannot fit"_qs);
        combo->setGeometry(0, 0, 60, 24);
        auto *label = new QLabel(u"A label much wider than its room"_qs, &w);
        label->setGeometry(0, 30, 40, 20);
        auto *check = new QCheckBox(u"A check box with a long text"_qs, &w);
        check->setGeometry(0, 60, 50, 20);
        auto *edit = new QLineEdit(&w);
        edit->setPlaceholderText(u"a placeholder longer than the field"_qs);
        edit->setGeometry(0, 90, 50, 24);
        w.resize(300, 200);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        test::TextFitReport report;
        test::checkTexts(&w, report);
        QCOMPARE(report.misfits.size(), 4);
        combo->setGeometry(0, 0, 290, 24);
        label->setGeometry(0, 30, 290, 20);
        check->setGeometry(0, 60, 290, 20);
        edit->setGeometry(0, 90, 290, 24);
        test::TextFitReport fixed;
        test::checkTexts(&w, fixed);
        QVERIFY2(fixed.misfits.isEmpty(), qPrintable(test::describe(fixed.misfits)));
    }

    void everyTextFits_data()
    {
        QTest::addColumn<QString>("language");
        // The Close button's text from Qt's own catalogues (qtbase_ru.qm / qtbase_de.qm, context
        // QPlatformTheme), as Debian's qt6-translations-l10n ships them.
        QTest::addColumn<QString>("close");
        QTest::newRow("en") << u"en"_qs << u"Close"_qs;
        QTest::newRow("ru") << u"ru"_qs << u"Закрыть"_qs;
        QTest::newRow("de") << u"de"_qs << u"Schließen"_qs;
    }

    void everyTextFits()
    {
        QFETCH(QString, language);
        QFETCH(QString, close);
        QCOMPARE(gui::installTranslators(*qobject_cast<QApplication *>(qApp), language), language);

        Settings settings(m_dir.filePath(language + u".ini"_qs));
        settings.setValue(keys::captureOnStart, false);
        settings.setValue(keys::serverLanAccess, false);
        settings.setValue(keys::serverBind, u"127.0.0.1"_qs); // loopback only, any free port below
        gui::SingleInstance instance(QUuid::createUuid().toString());
        Session session(settings);
        session.lan().setOverrides({ quint16(0), std::nullopt });
        DesktopOptions options;
        options.source = u"demo"_qs;
        DesktopApp app(session, instance, options);
        app.start(); // no tray under plain Xvfb: the window shows, with the no-tray message box
        test::TextFitReport dialogTexts, menuTexts, boxTexts;

        // The settings dialog at the size it opens with, every page in turn.
        emit app.actions()->settingsRequested();
        gui::SettingsDialog *dialog = app.settingsDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *pages = dialog->findChild<QTabWidget *>();
        QVERIFY(pages);
        // At the size it opens with, and at the smallest the user can make it.
        int pagesSeen = 0;
        for (const bool smallest : { false, true }) {
            if (smallest)
                dialog->resize(dialog->minimumSize()); // the layout's minimum, which Qt enforces
            for (int i = 0; i < pages->count(); ++i) {
                if (!pages->isTabVisible(i))
                    continue;
                pages->setCurrentIndex(i);
                QCoreApplication::processEvents();
                test::checkTexts(dialog, dialogTexts);
                ++pagesSeen;
            }
        }
        QCOMPARE(pagesSeen, 2 * pages->count()); // the Network page too: the server runs
        const QRect screen = dialog->screen()->availableGeometry();
        QVERIFY2(dialog->frameGeometry().width() <= screen.width(), "the dialog is wider than the screen");
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons && buttons->button(QDialogButtonBox::Close));
        QCOMPARE(test::withoutMnemonic(buttons->button(QDialogButtonBox::Close)->text()), close);

        // The tray menu (built whether or not a tray exists) and the window's context menu.
        test::checkMenuTexts(app.tray()->menu(), menuTexts);
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
        const QPoint inside = app.window()->rect().center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, inside, app.window()->mapToGlobal(inside));
        QCoreApplication::sendEvent(app.window(), &event);
        QTRY_VERIFY_WITH_TIMEOUT(shownPopupMenu(), test::kHangGuardMs);
        QMenu *context = shownPopupMenu();
        context->hide();
        test::checkMenuTexts(context, menuTexts);

        // The message boxes: "no system tray" (shown at start without a tray host) and About.
        emit app.actions()->aboutRequested();
        const int boxes = app.tray()->isTrayAvailable() ? 1 : 2;
        QTRY_COMPARE_WITH_TIMEOUT(shownMessageBoxes().size(), boxes, test::kHangGuardMs);
        for (QMessageBox *box : shownMessageBoxes()) {
            QVERIFY(QTest::qWaitForWindowExposed(box));
            test::checkTexts(box, boxTexts);
            box->close();
        }
        qInfo() << language << "texts measured: dialog" << dialogTexts.checked << "menus" << menuTexts.checked
                << "message boxes" << boxTexts.checked;
        // Every text of each kind was seen (the walk is not vacuous): labels, check boxes, combo
        // entries, tabs and buttons of all pages twice; both menus with their submenus; two boxes.
        QVERIFY(dialogTexts.checked > 100);
        QVERIFY(menuTexts.checked > 20);
        QVERIFY(boxTexts.checked >= 2 * boxes);
        const QList<test::TextMisfit> misfits = dialogTexts.misfits + menuTexts.misfits + boxTexts.misfits;
        QVERIFY2(misfits.isEmpty(), qPrintable(u'\n' + test::describe(misfits)));
    }
};

QTEST_MAIN(TestTextFit)
#include "tst_textfit.moc"

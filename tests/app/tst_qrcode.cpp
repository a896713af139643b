// The QR code of the LAN URL, as the desktop dialog paints it and as the headless mode prints it,
// read back by an independent decoder (zbarimg from ZBar) — not by the code that drew it.
#include "app/console.h"
#include "core/qrmatrix.h"
#include "gui/qrdialog.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace spectray;

namespace {

// What zbarimg reads in `image`; empty when it finds no code.
QString decode(const QImage &image, const QString &path)
{
    if (!image.save(path))
        return {};
    QProcess p;
    p.start(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), path});
    if (!p.waitForFinished(30000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// Turns the printed text back into pixels, reading only the characters: a full block is two light
// modules, an upper half block a light one over a dark one, a lower half the reverse, a space two
// dark ones. Escape sequences are skipped. 8 px per module, a white margin for the quiet zone.
QImage imageFromText(const QString &text)
{
    QStringList rows;
    for (QString line : text.split(u'\n', Qt::SkipEmptyParts)) {
        line.remove(QRegularExpression(QStringLiteral("\x1b\\[[0-9;]*m")));
        rows << line;
    }
    const int width = rows.isEmpty() ? 0 : int(rows.first().size());
    const int scale = 8, margin = 4 * scale;
    QImage image(width * scale + 2 * margin, int(rows.size()) * 2 * scale + 2 * margin, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int r = 0; r < rows.size(); ++r) {
        for (int x = 0; x < rows[r].size(); ++x) {
            const QChar c = rows[r][x];
            const bool topLight = c == u'\u2588' || c == u'\u2580';
            const bool bottomLight = c == u'\u2588' || c == u'\u2584';
            if (!topLight)
                p.fillRect(margin + x * scale, margin + 2 * r * scale, scale, scale, Qt::black);
            if (!bottomLight)
                p.fillRect(margin + x * scale, margin + (2 * r + 1) * scale, scale, scale, Qt::black);
        }
    }
    return image;
}

} // namespace

class TestQrCode final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty())
            QSKIP("zbarimg (zbar-tools) is not installed: scripts/install-deps.sh --test");
    }

    void bothFormsDecode_data()
    {
        QTest::addColumn<QString>("url");
        const QString t = QStringLiteral("#t=0123456789abcdef0123456789abcdef");
        QTest::newRow("ipv4") << QStringLiteral("http://192.168.1.20:8737/") + t;
        QTest::newRow("ipv6") << QStringLiteral("http://[2001:db8:85a3:8d3:1319:8a2e:370:7348]:65535/") + t;
        QTest::newRow("short") << QStringLiteral("http://10.0.0.7:1/") + t;
    }

    void bothFormsDecode()
    {
        QFETCH(QString, url);
        const QrMatrix matrix = QrMatrix::encode(url);
        QVERIFY(!matrix.isEmpty());
        // Version 1..40 sides are 21..177 modules, in steps of 4.
        QVERIFY(matrix.size() >= 21 && matrix.size() <= 177 && (matrix.size() - 21) % 4 == 0);

        gui::QrDialog *dialog = new gui::QrDialog(QUrl(url));
        const QImage shown = dialog->image();
        delete dialog;
        QCOMPARE(decode(shown, m_dir.filePath(QStringLiteral("dialog.png"))), url);

        const QString printed = qrCodeText(matrix);
        QCOMPARE(decode(imageFromText(printed), m_dir.filePath(QStringLiteral("console.png"))), url);
        // Fits an 80-column terminal.
        for (QString line : printed.split(u'\n', Qt::SkipEmptyParts)) {
            line.remove(QRegularExpression(QStringLiteral("\x1b\\[[0-9;]*m")));
            QVERIFY(line.size() <= 80);
        }
    }

    void tooLongIsEmpty()
    {
        QVERIFY(QrMatrix::encode(QString(8000, u'x')).isEmpty());
    }
};

QTEST_MAIN(TestQrCode)
#include "tst_qrcode.moc"

#include "qrdialog.h"

#include "core/qrmatrix.h"

#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

namespace spectray::gui {

QImage qrImage(const QrMatrix &matrix, int scale)
{
    const int quiet = QrMatrix::kQuietZone;
    const int n = matrix.size() + 2 * quiet;
    QImage image(n * scale, n * scale, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < matrix.size(); ++y)
        for (int x = 0; x < matrix.size(); ++x)
            if (matrix.isDark(x, y))
                p.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale, Qt::black);
    return image;
}

QrDialog::QrDialog(const QUrl &url, QWidget *parent)
    : QDialog(parent)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Open Spectray on another device"));
    auto *layout = new QVBoxLayout(this);
    m_picture = new QLabel(this);
    m_picture->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_picture);
    m_text = new QLabel(this);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    setUrl(url);
}

void QrDialog::setUrl(const QUrl &url)
{
    m_url = url;
    const QString text = url.toString();
    // 6 px per module keeps a version 4 code (an IPv4 URL with its token) near 250 px: easy to scan
    // from a phone held at arm's length, small enough for any screen.
    m_image = qrImage(QrMatrix::encode(text), 6);
    m_picture->setPixmap(QPixmap::fromImage(m_image));
    m_text->setText(tr("Scan with a phone on the same network, or open:\n%1").arg(text));
}

} // namespace spectray::gui

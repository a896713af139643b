#pragma once

#include <QDialog>
#include <QImage>
#include <QUrl>

class QLabel;

namespace spectray {
class QrMatrix;
}

namespace spectray::gui {

// Black modules on white with the standard quiet zone, `scale` pixels per module.
QImage qrImage(const QrMatrix &matrix, int scale);

// "Open Spectray on another device": the LAN URL as a QR code and as selectable text. Deletes
// itself when closed; setUrl() updates it when the URL changes (new token, new port).
class QrDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QrDialog)

public:
    explicit QrDialog(const QUrl &url, QWidget *parent = nullptr);

    QUrl url() const { return m_url; }
    QImage image() const { return m_image; } // what is shown, for tests

public slots:
    void setUrl(const QUrl &url);

private:
    QUrl m_url;
    QImage m_image;
    QLabel *m_picture = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace spectray::gui

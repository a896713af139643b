#include "singleinstance.h"

#include "core/logging.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>

namespace spectray::gui {

namespace {
QString defaultName(const QString &key)
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    // Hashed: user names may hold characters a socket name must not.
    const QByteArray id = QCryptographicHash::hash((user + u'|' + key).toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("io.github.spectray.Spectray-") + QString::fromLatin1(id.left(16));
}
} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_name(defaultName(key))
{
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::forwardToRunning(const QStringList &arguments, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    const QByteArray message = QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact);
    socket.write(message + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // Wait for the acknowledgement so we exit only once the arguments arrived.
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

bool SingleInstance::listen()
{
    if (m_server)
        return true;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // No instance answered forwardToRunning(), so a socket file left here is stale.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name)) {
            qCWarning(lcGui).noquote() << "Single-instance socket failed:" << m_server->errorString();
            return false;
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > 64 * 1024) // not ours; do not buffer forever
                    socket->abort();
                return;
            }
            const QJsonDocument doc = QJsonDocument::fromJson(socket->readLine());
            socket->write("ok\n");
            socket->flush();
            if (!doc.isArray())
                return;
            QStringList args;
            for (const QJsonValue &v : doc.array())
                args << v.toString();
            emit argumentsReceived(args);
        });
    }
}

} // namespace spectray::gui

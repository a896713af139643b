#pragma once

// A private mosquitto broker for a test: loopback only, a port the kernel picked, a temporary
// config (`listener PORT 127.0.0.1`, `allow_anonymous true`). Also a mosquitto_sub wrapper that
// collects "topic hexpayload" lines.

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace spectray::testmqtt {

inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

class Broker final
{
public:
    static bool available()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("mosquitto")).isEmpty()
            && !QStandardPaths::findExecutable(QStringLiteral("mosquitto_sub")).isEmpty();
    }
    explicit Broker(quint16 port = 0)
        : m_port(port ? port : freeLoopbackPort())
    {
    }
    ~Broker() { stop(); }
    quint16 port() const { return m_port; }
    bool start()
    {
        const QString conf = m_dir.filePath(QStringLiteral("mosquitto.conf"));
        QFile f(conf);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(QStringLiteral("listener %1 127.0.0.1\nallow_anonymous true\n").arg(m_port).toUtf8());
        f.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("mosquitto"), { QStringLiteral("-c"), conf });
        if (!m_process.waitForStarted(5000))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 5000) { // bounded: listening within 5 s or failed
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            if (s.waitForConnected(200))
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

private:
    quint16 m_port;
    QTemporaryDir m_dir;
    QProcess m_process;
};

struct Message
{
    QByteArray topic;
    QByteArray payload;
};

// mosquitto_sub -F '%t %x': one line per message, the payload in hex (binary frames survive).
class Subscriber final
{
public:
    Subscriber(quint16 port, const QString &filter)
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { read(); });
        m_process.start(QStringLiteral("mosquitto_sub"),
            { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
                QStringLiteral("-t"), filter, QStringLiteral("-F"), QStringLiteral("%t %x") });
        m_process.waitForStarted(5000);
    }
    ~Subscriber()
    {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
    QList<Message> messages;
    QList<Message> on(const QByteArray &topic) const
    {
        QList<Message> out;
        for (const Message &m : messages)
            if (m.topic == topic)
                out.append(m);
        return out;
    }

private:
    void read()
    {
        m_partial += m_process.readAllStandardOutput();
        qsizetype nl;
        while ((nl = m_partial.indexOf('\n')) >= 0) {
            const QByteArray line = m_partial.left(nl);
            m_partial.remove(0, nl + 1);
            const qsizetype sp = line.indexOf(' ');
            if (sp < 0)
                messages.append({ line, QByteArray() });
            else
                messages.append({ line.left(sp), QByteArray::fromHex(line.mid(sp + 1)) });
        }
    }
    QProcess m_process;
    QByteArray m_partial;
};

} // namespace spectray::testmqtt

#include "app/bankwallet/single_instance.h"

#include "bw_config.h"
#include "core/payment_link.h"
#include "ui/app_controller.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>
#include <QThread>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace bw::app {

namespace {

Q_LOGGING_CATEGORY(lcInstance, "bw.app.instance")

constexpr int kProtocolVersion = 1;
constexpr int kOwnerReadTimeoutMs = 5000; // a connection that says nothing is dropped after this
// Unix socket paths hold at most 107 bytes (sockaddr_un); leave room.
constexpr qsizetype kMaxSocketPath = 100;

const QByteArray kOk = QByteArrayLiteral("ok\n");
const QByteArray kRefused = QByteArrayLiteral("refused\n");

QString userKey()
{
#ifdef Q_OS_UNIX
    return QString::number(::getuid());
#else
    return qEnvironmentVariable("USERNAME");
#endif
}

} // namespace

QByteArray InstanceRequest::encode() const
{
    QJsonObject object{{QStringLiteral("v"), kProtocolVersion}};
    if (!link.isEmpty())
        object.insert(QStringLiteral("link"), link);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<InstanceRequest> InstanceRequest::decode(const QByteArray &bytes, QString *why)
{
    const auto refuse = [why](const char *reason) -> std::optional<InstanceRequest> {
        if (why)
            *why = QString::fromLatin1(reason);
        return std::nullopt;
    };
    if (bytes.size() > kMaxBytes)
        return refuse("too long");
    QByteArray line = bytes;
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.contains('\n') || line.contains('\0'))
        return refuse("not one line");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return refuse("not a JSON object");
    const QJsonObject object = document.object();
    const QJsonValue version = object.value(QStringLiteral("v"));
    if (!version.isDouble() || version.toDouble() != kProtocolVersion)
        return refuse("unknown protocol version");
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != QLatin1String("v") && it.key() != QLatin1String("link"))
            return refuse("unknown field");
    }
    InstanceRequest request;
    if (object.contains(QStringLiteral("link"))) {
        const QJsonValue link = object.value(QStringLiteral("link"));
        if (!link.isString())
            return refuse("link is not a string");
        const auto parsed = core::parsePaymentLink(link.toString());
        if (!parsed)
            return refuse("not a payment link");
        request.link = core::formatPaymentLink(*parsed);
    }
    return request;
}

SingleInstance::SingleInstance(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{}

SingleInstance::~SingleInstance()
{
    // The socket goes first: a second start then finds no listener and, the lock still held, retries
    // until it is released instead of talking to a process that is going away.
    m_server.reset();
    m_lock.reset();
}

QString SingleInstance::lockFilePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("bankwallet.lock"));
}

QString SingleInstance::serverName(const QString &dataDir)
{
    QFileInfo info(dataDir);
    QString folder = info.canonicalFilePath();
    if (folder.isEmpty())
        folder = QDir::cleanPath(info.absoluteFilePath());
    const QByteArray key = QByteArrayLiteral(BW_APP_ID) + '\0' + userKey().toUtf8() + '\0' + folder.toUtf8();
    const QString name =
        QStringLiteral(BW_APP_ID ".") +
        QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(20));
    // $XDG_RUNTIME_DIR is the user's own 0700 folder: nobody else can squat the name or reach the socket.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir()) {
        const QString path = QDir(runtime).filePath(name);
        if (QFile::encodeName(path).size() <= kMaxSocketPath)
            return path;
    }
    return name; // Qt puts it in the temporary folder
}

SingleInstance::Claim SingleInstance::claim(QString *error)
{
    if (isOwner())
        return Claim::Owner;
    auto lock = std::make_unique<QLockFile>(lockFilePath());
    // Held for the life of the app: never stale by age, only when its process is gone.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        if (lock->error() == QLockFile::LockFailedError)
            return Claim::Busy;
        if (error)
            *error = QCoreApplication::translate("bw::app",
                                                 "BankWallet cannot lock its data folder %1. Check that "
                                                 "you may write there, or choose another folder with "
                                                 "--data-dir.")
                         .arg(QDir::toNativeSeparators(m_dataDir));
        return Claim::Failed;
    }
    m_lock = std::move(lock);
    QFile::setPermissions(lockFilePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // Holding the lock, any socket of that name was left by a process that died: remove it and listen.
    const QString name = serverName(m_dataDir);
    QLocalServer::removeServer(name);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server.get(), &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    if (!m_server->listen(name)) {
        // Still the owner (the database is safe); only a second start cannot hand over its link.
        qCWarning(lcInstance) << "cannot listen for a second start:" << m_server->errorString();
        m_server.reset();
    }
    return Claim::Owner;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        socket->setReadBufferSize(InstanceRequest::kMaxBytes + 1);
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, &QLocalSocket::abort);
        deadline->start(kOwnerReadTimeoutMs);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        auto answered = std::make_shared<bool>(false);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, buffer, answered, deadline] {
            if (*answered)
                return; // one request per connection
            buffer->append(socket->read(InstanceRequest::kMaxBytes + 1 - buffer->size()));
            const bool complete = buffer->contains('\n');
            if (!complete && buffer->size() <= InstanceRequest::kMaxBytes)
                return; // more to come
            deadline->stop();
            *answered = true;
            QString why;
            const auto request =
                InstanceRequest::decode(complete ? buffer->left(buffer->indexOf('\n') + 1) : *buffer, &why);
            socket->write(request ? kOk : kRefused);
            socket->flush();
            socket->disconnectFromServer();
            if (!request) {
                qCWarning(lcInstance) << "refused a message from a second start:" << why;
                return;
            }
            qCInfo(lcInstance) << "a second start handed over"
                               << (request->link.isEmpty() ? "nothing" : "a link");
            // Answered "ok" before main() routed the requests (a message box of the start-up runs the event
            // loop early): kept until routeActivations() takes it.
            if (!isSignalConnected(QMetaMethod::fromSignal(&SingleInstance::activationRequested)))
                m_pending << request->link;
            else
                Q_EMIT activationRequested(request->link);
        });
    }
}

QString SingleInstance::notAnsweringMessage(const QString &dataDir)
{
    return QCoreApplication::translate(
               "bw::app", "BankWallet is already running with the data folder %1, but it does not "
                          "answer. Close it (or wait until it has started) and try again.")
        .arg(QDir::toNativeSeparators(dataDir));
}

SingleInstance::HandOver SingleInstance::handOver(const InstanceRequest &request, int timeoutMs,
                                                  QString *error)
{
    const QDeadlineTimer deadline(timeoutMs);
    const QString name = serverName(m_dataDir);
    const QByteArray message = request.encode();
    const auto noOwner = [&] {
        if (error)
            *error = notAnsweringMessage(m_dataDir);
        return HandOver::NoOwner;
    };
    while (!deadline.hasExpired()) {
        QLocalSocket socket;
        socket.connectToServer(name);
        if (!socket.waitForConnected(int(std::min<qint64>(1000, deadline.remainingTime())))) {
            // The owner quit meanwhile (its lock is free): the caller may claim the folder now.
            QLockFile probe(lockFilePath());
            probe.setStaleLockTime(0);
            if (probe.tryLock(0)) {
                probe.unlock();
                return HandOver::Released;
            }
            // Not listening yet (the owner is starting): try again shortly.
            QThread::msleep(100);
            continue;
        }
        socket.write(message);
        if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
            return noOwner();
        QByteArray answer;
        while (!answer.contains('\n') && answer.size() < 64 &&
               socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            answer += socket.readAll();
        if (answer.startsWith(kOk))
            return HandOver::Delivered;
        if (answer.startsWith(kRefused)) {
            if (error)
                *error =
                    QCoreApplication::translate("bw::app", "The running BankWallet refused this request.");
            return HandOver::Refused;
        }
        return noOwner();
    }
    return noOwner();
}

void routeActivations(SingleInstance &instance, ui::AppController &controller)
{
    QObject::connect(&instance, &SingleInstance::activationRequested, &controller,
                     [&controller](const QString &text) {
                         controller.bringToFront();
                         if (text.isEmpty())
                             return;
                         // Checked on receipt already; parsed again into the typed link.
                         if (auto link = core::parsePaymentLink(text))
                             controller.openPaymentLink(link.value());
                     });
    for (const QString &link : instance.takePending())
        Q_EMIT instance.activationRequested(link);
}

} // namespace bw::app

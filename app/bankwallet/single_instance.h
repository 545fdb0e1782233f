// API-READY
// SingleInstance — one BankWallet process per data folder. The process that holds the folder's lock file
// (<data folder>/bankwallet.lock, a QLockFile: a lock left by a process that died is taken over) owns the
// wallet database and listens on a local socket; a second `bankwallet` on the same folder (started again,
// or by a `bankwallet:` link) fails to take the lock, hands its payment link to the owner over the socket,
// waits for the owner's answer and exits. Two processes therefore never write the same wallet database.
//
//   SingleInstance instance(dataDir);
//   switch (instance.claim(&error)) {
//   case SingleInstance::Claim::Owner:   // listen: connect activationRequested, then run the app
//   case SingleInstance::Claim::Busy:    // instance.handOver({link}, ...) and exit
//   case SingleInstance::Claim::Failed:  // cannot even create the lock file: show `error`, exit
//   }
//
// The socket's name is derived from the application id, the user and the canonical data folder, so two
// users or two data folders never meet; it lives in $XDG_RUNTIME_DIR (per user, 0700) when there is one,
// and only the owner's user may connect. What arrives on it is checked strictly (InstanceRequest).
#pragma once

#include <QLocalServer>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

namespace bw::ui {
class AppController;
}

namespace bw::app {

// One message from a second start: protocol version 1 is the JSON object {"v":1} or
// {"v":1,"link":"bankwallet:pay?..."}, UTF-8, on one line, at most kMaxBytes. The owner answers "ok\n"
// or "refused\n".
struct InstanceRequest
{
    static constexpr qsizetype kMaxBytes = 8 * 1024;
    // A payment link in canonical form (checked with core::parsePaymentLink); empty = come to the front.
    QString link;

    QByteArray encode() const;
    // Strict: a JSON object with "v" == 1 and at most a string "link" that core::parsePaymentLink accepts;
    // no other key, no more than kMaxBytes. nullopt (with an untranslated reason for the log) otherwise.
    static std::optional<InstanceRequest> decode(const QByteArray &bytes, QString *why = nullptr);
};

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Claim { Owner, Busy, Failed };
    enum class HandOver { Delivered, Refused, NoOwner, Released };

    // `dataDir` must exist (AppEnvironment::open made it).
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);
    ~SingleInstance() override; // stops listening, then releases the lock

    // Takes the folder: Owner (the lock is ours; a stale socket is removed and we listen), Busy (another
    // live process holds it) or Failed (the lock file cannot be created; translated `error`).
    Claim claim(QString *error = nullptr);
    bool isOwner() const { return m_lock && m_lock->isLocked(); }
    // True while the owner's socket listens (a handover can reach it).
    bool isListening() const { return m_server && m_server->isListening(); }

    // From a process that got Busy: sends `request` to the owner and waits (blocking, at most `timeoutMs`)
    // for its answer. The owner may still be starting (lock taken, not listening yet): connecting is retried
    // until the time is up. NoOwner/Refused come with a translated `error`. Released: the owner has quit
    // meanwhile (its lock is free), so claim() again instead.
    HandOver handOver(const InstanceRequest &request, int timeoutMs, QString *error = nullptr);

    // Requests that arrived while nothing was connected to activationRequested (routeActivations() replays
    // them); taking them empties the list.
    QStringList takePending() { return std::exchange(m_pending, {}); }

    // The translated "running but not answering" error for `dataDir`.
    static QString notAnsweringMessage(const QString &dataDir);

    QString lockFilePath() const;
    // The QLocalServer name for a data folder (a full socket path when $XDG_RUNTIME_DIR is usable).
    static QString serverName(const QString &dataDir);

Q_SIGNALS:
    // The owner got a valid request from a second start: bring the window to the front, open `link`
    // (canonical payment link, or empty).
    void activationRequested(const QString &link);

private:
    void onNewConnection();

    QString m_dataDir;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QLocalServer> m_server;
    QStringList m_pending;
};

// What the owner does with a second start's request (main() and the UI test share it): the window comes to
// the front and, when the request carries a payment link, the Pay dialog opens prefilled (after sign-in
// when nobody is signed in). `controller` must outlive the connection or be destroyed first.
void routeActivations(SingleInstance &instance, ui::AppController &controller);

} // namespace bw::app

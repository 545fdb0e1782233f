// One BankWallet process per data folder, with real processes: this test process owns a folder (the app's
// SingleInstance and, for the hand-over, the real AppController and main window, signed in) and starts the
// REAL `bankwallet` executable on the same folder with a `bankwallet:` payment link. The second process
// must hand the link over and exit 0 quickly without touching a file of the folder; the running window comes
// to the front with the Pay dialog prefilled. Also: another folder is not redirected, a lock left by a
// killed process does not block, and whatever arrives on the socket is checked (garbage is refused, the
// owner keeps working).
#include "widget_test_support.h"

#include "app/bankwallet/app_environment.h"
#include "app/bankwallet/single_instance.h"
#include "bw_config.h"
#include "ui/app_controller.h"
#include "ui/main/main_window.h"
#include "ui/payments/payment_dialog.h"
#include "ui/session/sign_in_page.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QLocalSocket>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <future>

using namespace bw::ui;
using namespace bw::ui::test;
using bw::app::InstanceRequest;
using bw::app::SingleInstance;

namespace {

const ComponentVersions kVersions{QStringLiteral(BW_VERSION), QString::fromLatin1(qVersion()),
                                  QStringLiteral("OpenSSL 3"), QStringLiteral("0.13")};

// Every entry under `dir` with its size, modification time and (files) content hash.
QMap<QString, QString> snapshot(const QString &dir)
{
    QMap<QString, QString> entries;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        QString state = QStringLiteral("%1 %2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
        QFile file(path);
        if (info.isFile() && file.open(QIODevice::ReadOnly))
            state += QLatin1Char(' ') +
                     QString::fromLatin1(
                         QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
        entries.insert(QDir(dir).relativeFilePath(path), state);
    }
    return entries;
}

QProcessEnvironment appEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

struct SecondStart
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    qint64 elapsedMs = -1;
    QString err;
};

// Starts the real bankwallet on `dir` and waits until it owns the folder (its log is opened after the lock is
// taken and the socket listens).
bool startOwner(QProcess &process, const QString &dir)
{
    process.setProcessEnvironment(appEnvironment());
    process.start(QStringLiteral(BW_APP_EXECUTABLE), {QStringLiteral("--data-dir"), dir});
    return process.waitForStarted() &&
           QTest::qWaitFor([&] { return QFile::exists(dir + QStringLiteral("/logs/bankwallet.log")); },
                           30000);
}

// Where the owner's socket file is.
QString socketPathOf(const QString &dir)
{
    const QString name = SingleInstance::serverName(dir);
    return QFileInfo(name).isRelative() ? QDir::temp().filePath(name) : name;
}

// Starts the real bankwallet and lets this process's event loop run (the owner answers from it) until the
// second process has exited.
SecondStart startSecond(const QStringList &args)
{
    SecondStart result;
    QProcess process;
    process.setProcessEnvironment(appEnvironment());
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(BW_APP_EXECUTABLE), args);
    if (!process.waitForStarted(10000))
        return result;
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = QStringLiteral("still running after 60 s: ") +
                     QString::fromLocal8Bit(process.readAllStandardError());
        return result;
    }
    result.elapsedMs = timer.elapsed();
    result.exitCode = process.exitCode();
    result.status = process.exitStatus();
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

// A hand-over from another thread (handOver() blocks, and the owner answers from this thread's loop).
SingleInstance::HandOver handOverFromThread(const QString &dataDir, const InstanceRequest &request)
{
    auto future = std::async(std::launch::async, [dataDir, request] {
        SingleInstance second(dataDir);
        if (second.claim() != SingleInstance::Claim::Busy)
            return SingleInstance::HandOver::NoOwner;
        return second.handOver(request, 10000);
    });
    (void)QTest::qWaitFor(
        [&] { return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 20000);
    return future.get();
}

// What a raw client gets back for `bytes` (the owner answers from this thread's event loop).
QByteArray rawAnswer(const QString &dataDir, const QByteArray &bytes)
{
    QLocalSocket socket;
    socket.connectToServer(SingleInstance::serverName(dataDir));
    if (!socket.waitForConnected(5000))
        return "not connected";
    socket.write(bytes);
    QByteArray answer;
    (void)QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains('\n') || socket.state() == QLocalSocket::UnconnectedState;
        },
        10000);
    return answer + socket.readAll();
}

void signInThroughPage(MainWindow &window, const QString &password)
{
    auto *page = find<SignInPage>(&window, QStringLiteral("signInPage"));
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 20000);
    typeInto(find<QLineEdit>(page, QStringLiteral("passwordEdit")), password);
    click(find<QPushButton>(page, QStringLiteral("signInButton")));
    QTRY_VERIFY_WITH_TIMEOUT(window.isShowingWallet(), 30000);
}

} // namespace

class TestUiInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageParserRefusesGarbage()
    {
        const QString link = QStringLiteral("bankwallet:pay?to=%2B8613912345678&amount=12.50&currency=CNY");
        auto ok = InstanceRequest::decode(InstanceRequest{link}.encode());
        QVERIFY(ok);
        QCOMPARE(ok->link, link);
        auto activate = InstanceRequest::decode(QByteArrayLiteral("{\"v\":1}\n"));
        QVERIFY(activate && activate->link.isEmpty());
        // Given in another spelling, the link is kept in its canonical form.
        auto canonical = InstanceRequest::decode(QByteArrayLiteral(
            "{\"v\":1,\"link\":\"BankWallet:pay?to=+86%20139%201234%205678&amount=12.5&currency=CNY\"}"));
        QVERIFY(canonical);
        QCOMPARE(canonical->link,
                 QStringLiteral("bankwallet:pay?to=%2B8613912345678&amount=12.50&currency=CNY"));

        const QList<QByteArray> garbage{
            QByteArray(),
            QByteArrayLiteral("activate"),
            QByteArrayLiteral("[1]"),
            QByteArrayLiteral("{\"v\":2}"),
            QByteArrayLiteral("{\"v\":\"1\"}"),
            QByteArrayLiteral("{\"link\":\"bankwallet:pay?to=%2B8613912345678\"}"),
            QByteArrayLiteral("{\"v\":1,\"link\":7}"),
            QByteArrayLiteral("{\"v\":1,\"link\":\"https://evil.example/\"}"),
            QByteArrayLiteral("{\"v\":1,\"link\":\"bankwallet:pay?to=%2B8613912345678&amount=-1\"}"),
            QByteArrayLiteral("{\"v\":1,\"cmd\":\"rm -rf\"}"),
            QByteArrayLiteral("{\"v\":1}\n{\"v\":1}\n"),
            QByteArrayLiteral("{\"v\":1,\"link\":\"bankwallet:pay?to=%2B86139\0\"}"),
            "{\"v\":1,\"link\":\"" + QByteArray(InstanceRequest::kMaxBytes, 'a') + "\"}",
            QByteArray("\xff\xfe{\"v\":1}"),
        };
        for (const QByteArray &bytes : garbage) {
            QString why;
            QVERIFY2(!InstanceRequest::decode(bytes, &why), bytes.left(80).constData());
            QVERIFY(!why.isEmpty());
        }

        // Over the socket: refused, nothing reaches the app, and the owner keeps answering.
        QTemporaryDir dir;
        SingleInstance owner(dir.path());
        QCOMPARE(owner.claim(), SingleInstance::Claim::Owner);
        QVERIFY(owner.isListening());
        QSignalSpy requests(&owner, &SingleInstance::activationRequested);
        QCOMPARE(rawAnswer(dir.path(), QByteArrayLiteral("not json\n")), QByteArrayLiteral("refused\n"));
        QCOMPARE(rawAnswer(dir.path(), QByteArray(InstanceRequest::kMaxBytes + 100, '{')),
                 QByteArrayLiteral("refused\n"));
        QCOMPARE(
            rawAnswer(dir.path(), QByteArrayLiteral("{\"v\":1,\"link\":\"bankwallet:pay?amount=abc\"}\n")),
            QByteArrayLiteral("refused\n"));
        QCOMPARE(requests.size(), 0);
        QCOMPARE(rawAnswer(dir.path(), InstanceRequest{link}.encode()), QByteArrayLiteral("ok\n"));
        QTRY_COMPARE(requests.size(), 1);
        QCOMPARE(requests.first().first().toString(), link);
    }

    // Two folders: two owners, two sockets; a second object on the same folder is Busy and reaches only
    // that folder's owner.
    void twoFoldersDoNotMeet()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        SingleInstance ownerA(a.path());
        SingleInstance ownerB(b.path());
        QCOMPARE(ownerA.claim(), SingleInstance::Claim::Owner);
        QCOMPARE(ownerB.claim(), SingleInstance::Claim::Owner);
        QVERIFY(ownerA.isListening() && ownerB.isListening());
        QVERIFY(SingleInstance::serverName(a.path()) != SingleInstance::serverName(b.path()));
        // The same folder by another path is the same folder.
        QCOMPARE(SingleInstance::serverName(a.path() + QStringLiteral("/./")),
                 SingleInstance::serverName(a.path()));
        QVERIFY(QFileInfo(SingleInstance::serverName(a.path())).fileName().size() < 60);

        SingleInstance again(a.path());
        QCOMPARE(again.claim(), SingleInstance::Claim::Busy);
        QVERIFY(!again.isOwner());

        QSignalSpy toA(&ownerA, &SingleInstance::activationRequested);
        QSignalSpy toB(&ownerB, &SingleInstance::activationRequested);
        QCOMPARE(handOverFromThread(a.path(), {}), SingleInstance::HandOver::Delivered);
        QTRY_COMPARE(toA.size(), 1);
        QCOMPARE(toA.first().first().toString(), QString());
        QCOMPARE(toB.size(), 0);

        QCOMPARE(handOverFromThread(b.path(), {}), SingleInstance::HandOver::Delivered);
        QTRY_COMPARE(toB.size(), 1);
        QCOMPARE(toA.size(), 1);
    }

    // A request answered before main() routes them (a start-up message box runs the event loop early) is
    // kept, not dropped; and a second start that knocks while the owner quits takes the folder itself.
    void earlyRequestIsKeptAndAFreedFolderIsTaken()
    {
        QTemporaryDir dir;
        const QString link = QStringLiteral("bankwallet:pay?to=%2B8613912345678&amount=66.00&currency=CNY");
        auto owner = std::make_unique<SingleInstance>(dir.path());
        QCOMPARE(owner->claim(), SingleInstance::Claim::Owner);
        QCOMPARE(handOverFromThread(dir.path(), InstanceRequest{link}), SingleInstance::HandOver::Delivered);
        QCOMPARE(owner->takePending(), QStringList{link});
        QCOMPARE(owner->takePending(), QStringList{}); // taken once

        SingleInstance second(dir.path());
        QCOMPARE(second.claim(), SingleInstance::Claim::Busy);
        owner.reset(); // the owner quits
        QString error;
        QCOMPARE(second.handOver(InstanceRequest{link}, 5000, &error), SingleInstance::HandOver::Released);
        QCOMPARE(second.claim(&error), SingleInstance::Claim::Owner);
        QVERIFY(second.isListening());
    }

    // A bankwallet killed with SIGKILL leaves its lock file and its socket behind: neither blocks the next.
    void staleLockFromKilledProcessDoesNotBlock()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        QProcess first;
        QVERIFY(startOwner(first, dir));
        {
            SingleInstance probe(dir);
            QCOMPARE(probe.claim(), SingleInstance::Claim::Busy); // alive: owned
        }
        first.kill();
        QVERIFY(first.waitForFinished(10000));
        QVERIFY(QFile::exists(dir + QStringLiteral("/bankwallet.lock"))); // left behind
        QVERIFY(QFile::exists(socketPathOf(dir)));                        // left behind

        SingleInstance next(dir);
        QString error;
        QCOMPARE(next.claim(&error), SingleInstance::Claim::Owner);
        QVERIFY(next.isListening());
        QSignalSpy requests(&next, &SingleInstance::activationRequested);
        QCOMPARE(handOverFromThread(dir, {}), SingleInstance::HandOver::Delivered);
        QTRY_COMPARE(requests.size(), 1);
    }

    // SIGTERM (a session that ends, `kill`) is a clean exit: status 0, the lock file and the socket gone.
    void terminatedProcessReleasesTheFolder()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        QProcess first;
        QVERIFY(startOwner(first, dir));
        QVERIFY(QFile::exists(dir + QStringLiteral("/bankwallet.lock")));
        first.terminate();
        QVERIFY(first.waitForFinished(30000));
        QCOMPARE(first.exitStatus(), QProcess::NormalExit);
        QCOMPARE(first.exitCode(), 0);
        QVERIFY(!QFile::exists(dir + QStringLiteral("/bankwallet.lock")));
        QVERIFY(!QFile::exists(socketPathOf(dir)));
    }

    // The second process exits without writing, creating or even touching one file of the folder.
    void secondStartLeavesTheFolderUntouched()
    {
        UiFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w), qPrintable(fx.error())); // a real wallet database in the folder
        QVERIFY(QFile::exists(fx.dataDir() + QStringLiteral("/wallet.sqlite")));
        QVERIFY(bw::app::AppEnvironment::open(fx.dataDir(), nullptr)); // as the owner's main() did
        SingleInstance owner(fx.dataDir());
        QCOMPARE(owner.claim(), SingleInstance::Claim::Owner);
        QSignalSpy requests(&owner, &SingleInstance::activationRequested);
        const QMap<QString, QString> before = snapshot(fx.dataDir());

        const SecondStart second = startSecond({QStringLiteral("--data-dir"), fx.dataDir()});
        QCOMPARE(second.status, QProcess::NormalExit);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(QStringLiteral("already running")), qPrintable(second.err));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().first().toString(), QString()); // no link: just to the front
        QCOMPARE(snapshot(fx.dataDir()), before);
        QVERIFY(!QFile::exists(fx.dataDir() + QStringLiteral("/gateway-stub.sqlite")));
        qInfo("second start handed over and exited in %lld ms", second.elapsedMs);
    }

    // The whole story: the app runs, signed in, minimized behind another window; `bankwallet <link>` on the
    // same folder brings it to the front with the Pay dialog prefilled, and exits 0.
    void secondStartHandsOverTheLink()
    {
        UiFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w), qPrintable(fx.error()));
        const QString payee =
            fx.services().enrollRecipient(QStringLiteral("Han Meimei"), QStringLiteral("han@example.com"));
        QVERIFY2(!payee.isEmpty(), qPrintable(fx.error()));
        QVERIFY(bw::app::AppEnvironment::open(fx.dataDir(), nullptr));

        SingleInstance instance(fx.dataDir());
        QCOMPARE(instance.claim(), SingleInstance::Claim::Owner);
        AppController controller(fx.ui(), kVersions);
        bw::app::routeActivations(instance, controller);
        controller.start();
        MainWindow &window = controller.window();
        signInThroughPage(window, w.password);
        QVERIFY(!visibleTopLevel<PaymentDialog>());

        // The customer minimized the wallet and works in another window.
        QWidget other;
        other.setWindowTitle(QStringLiteral("another application"));
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        window.showMinimized();
        other.activateWindow();
        QTRY_VERIFY(other.isActiveWindow());
        QTRY_VERIFY(window.isMinimized());
        const QStringList namesBefore = snapshot(fx.dataDir()).keys();

        const QString link = QStringLiteral("bankwallet:pay?to=%1&amount=66.00&currency=CNY&note=Books")
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(payee)));
        // In Chinese: a second start speaks the customer's language too.
        const SecondStart second = startSecond({QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                                                QStringLiteral("--data-dir"), fx.dataDir(), link});
        QCOMPARE(second.status, QProcess::NormalExit);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(QStringLiteral("已在使用此数据文件夹运行")), qPrintable(second.err));
        QVERIFY2(second.elapsedMs < 30000, qPrintable(QString::number(second.elapsedMs)));
        qInfo("second start with a link handed over and exited in %lld ms", second.elapsedMs);

        PaymentDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleTopLevel<PaymentDialog>()) != nullptr, 20000);
        QCOMPARE(dialog->kind(), bw::gateway::QuoteKind::Transfer);
        QVERIFY(find<QLineEdit>(dialog, QStringLiteral("phoneEdit"))
                    ->text()
                    .remove(QLatin1Char(' '))
                    .contains(payee.right(8)));
        QCOMPARE(find<QLineEdit>(dialog, QStringLiteral("amountEdit"))->text(), QStringLiteral("66.00"));
        QCOMPARE(find<QLineEdit>(dialog, QStringLiteral("noteEdit"))->text(), QStringLiteral("Books"));
        // The wallet is in front again: restored, visible, and it (or its Pay dialog) has the focus.
        QVERIFY(window.isVisible());
        QTRY_VERIFY(!window.isMinimized());
        QTRY_VERIFY(QApplication::activeWindow() == &window || QApplication::activeWindow() == dialog);
        QVERIFY(!other.isActiveWindow());

        // The second process created nothing in the folder (no stub database, no log of its own).
        const QStringList namesAfter = snapshot(fx.dataDir()).keys();
        for (const QString &name : namesAfter)
            QVERIFY2(namesBefore.contains(name), qPrintable(name));
        QVERIFY(!QFile::exists(fx.dataDir() + QStringLiteral("/gateway-stub.sqlite")));
        dialog->close();
    }
};

QTEST_MAIN(TestUiInstance)
#include "test_ui_instance.moc"

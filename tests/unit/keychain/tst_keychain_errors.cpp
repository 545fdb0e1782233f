// How backend errors become KeychainStatus values, and the codes and messages of each status. Needs no
// keyring: the real-backend behaviour is covered by test_keychain and test_keychain_no_*.

#include "keychain/backend_error.h"
#include "keychain/keychain_result.h"
#include "keychain_test_support.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <set>

using namespace bw::keychain;
using bw::keychain::detail::BackendError;
using bw::keychain::detail::classifyBackendError;

Q_DECLARE_METATYPE(BackendError)

class KeychainErrorsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<BackendError>("error");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("busConfigured");
        QTest::addColumn<KeychainStatus>("expected");

        const bool bus = true;
        QTest::newRow("no error") << BackendError::NoError << QString() << bus << KeychainStatus::Ok;
        QTest::newRow("entry not found")
            << BackendError::EntryNotFound << QStringLiteral("No such secret item") << bus
            << KeychainStatus::NotFound;
        QTest::newRow("access denied")
            << BackendError::AccessDenied << QString() << bus << KeychainStatus::AccessDenied;
        QTest::newRow("access denied by user")
            << BackendError::AccessDeniedByUser << QString() << bus << KeychainStatus::AccessDenied;
        QTest::newRow("no backend") << BackendError::NoBackendAvailable << QString() << bus
                                    << KeychainStatus::NoBackend;
        QTest::newRow("not implemented")
            << BackendError::NotImplemented << QString() << bus << KeychainStatus::NoBackend;
        QTest::newRow("could not delete")
            << BackendError::CouldNotDeleteEntry << QStringLiteral("failed") << bus << KeychainStatus::Other;
        QTest::newRow("other, unknown text")
            << BackendError::OtherError << QStringLiteral("Something broke") << bus << KeychainStatus::Other;
        QTest::newRow("other, empty text")
            << BackendError::OtherError << QString() << bus << KeychainStatus::Other;
        // The texts seen on Linux (CONVENTIONS.md, "Failure modes seen here").
        QTest::newRow("no provider (dbus-daemon text)")
            << BackendError::OtherError
            << QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files")
            << bus << KeychainStatus::NoBackend;
        QTest::newRow("no provider (GDBus error name)")
            << BackendError::OtherError
            << QStringLiteral(
                   "GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name is not activatable")
            << bus << KeychainStatus::NoBackend;
        QTest::newRow("no D-Bus (GLib text)")
            << BackendError::OtherError << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
            << bus << KeychainStatus::NoBackend;
        QTest::newRow("locked collection")
            << BackendError::OtherError << QStringLiteral("Cannot create an item in a locked collection")
            << bus << KeychainStatus::AccessDenied;
        QTest::newRow("locked (Secret Service error name)")
            << BackendError::OtherError << QStringLiteral("org.freedesktop.Secret.Error.IsLocked: x") << bus
            << KeychainStatus::AccessDenied;
        QTest::newRow("locked collection on delete")
            << BackendError::CouldNotDeleteEntry
            << QStringLiteral("Cannot delete an item in a LOCKED COLLECTION") << bus
            << KeychainStatus::AccessDenied;
        QTest::newRow("D-Bus timeout") << BackendError::OtherError << QStringLiteral("Timeout was reached")
                                       << bus << KeychainStatus::TimedOut;
        QTest::newRow("D-Bus no reply")
            << BackendError::OtherError
            << QStringLiteral(
                   "GDBus.Error:org.freedesktop.DBus.Error.NoReply: Message recipient disconnected")
            << bus << KeychainStatus::TimedOut;
        // GLib translates its messages: without a reachable bus every OtherError means "no backend".
        QTest::newRow("no bus, translated GLib text")
            << BackendError::OtherError << QStringLiteral("无法在没有 X11 $DISPLAY 的情况下自动启动 D-Bus")
            << false << KeychainStatus::NoBackend;
        QTest::newRow("no bus, empty text")
            << BackendError::OtherError << QString() << false << KeychainStatus::NoBackend;
        QTest::newRow("no bus, but entry not found is still not found")
            << BackendError::EntryNotFound << QString() << false << KeychainStatus::NotFound;
        QTest::newRow("hostile: NUL inside text")
            << BackendError::OtherError
            << QStringLiteral("locked") + QChar(u'\0') + QStringLiteral(" collection") << bus
            << KeychainStatus::Other;
        QTest::newRow("hostile: huge text")
            << BackendError::OtherError << QString(1 << 20, QChar(u'x')) << bus << KeychainStatus::Other;
    }

    void classify()
    {
        QFETCH(BackendError, error);
        QFETCH(QString, message);
        QFETCH(bool, busConfigured);
        QFETCH(KeychainStatus, expected);
        QCOMPARE(classifyBackendError(error, message, busConfigured), expected);
    }

    void sessionBusConfigured()
    {
        const QByteArray savedAddress = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        const QByteArray savedRuntime = qgetenv("XDG_RUNTIME_DIR");
        QTemporaryDir runtime;
        QVERIFY(runtime.isValid());

        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        QVERIFY(detail::sessionBusConfigured());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("XDG_RUNTIME_DIR", runtime.path().toLocal8Bit());
        QVERIFY(!detail::sessionBusConfigured());
        QFile bus(runtime.filePath(QStringLiteral("bus")));
        QVERIFY(bus.open(QIODevice::WriteOnly));
        bus.close();
        QVERIFY(detail::sessionBusConfigured());
        qunsetenv("XDG_RUNTIME_DIR");
        QVERIFY(!detail::sessionBusConfigured());

        if (!savedAddress.isNull())
            qputenv("DBUS_SESSION_BUS_ADDRESS", savedAddress);
        if (!savedRuntime.isNull())
            qputenv("XDG_RUNTIME_DIR", savedRuntime);
    }

    void codesAndMessages()
    {
        const std::vector<std::pair<KeychainStatus, const char *>> all = {
            {KeychainStatus::Ok, "keychain.ok"},
            {KeychainStatus::NotFound, "keychain.not_found"},
            {KeychainStatus::AccessDenied, "keychain.access_denied"},
            {KeychainStatus::NoBackend, "keychain.no_backend"},
            {KeychainStatus::TimedOut, "keychain.timed_out"},
            {KeychainStatus::InvalidEntry, "keychain.invalid_entry"},
            {KeychainStatus::InvalidArgument, "keychain.invalid_argument"},
            {KeychainStatus::Other, "keychain.other"},
        };
        std::set<QString> messages;
        for (const auto &[status, code] : all) {
            QCOMPARE(keychainStatusCode(status), QString::fromLatin1(code));
            const QString message = keychainStatusMessage(status);
            if (status == KeychainStatus::Ok) {
                QVERIFY(message.isEmpty());
                continue;
            }
            QVERIFY2(message.size() > 20, code);
            messages.insert(message);
        }
        QCOMPARE(messages.size(), all.size() - 1); // each error says something different
        // Stable numbers.
        QCOMPARE(int(KeychainStatus::Ok), 0);
        QCOMPARE(int(KeychainStatus::NoBackend), 3);
        QCOMPARE(int(KeychainStatus::Other), 7);
        // What the user is told to do.
        QVERIFY(keychainStatusMessage(KeychainStatus::NoBackend).contains(QStringLiteral("GNOME Keyring")));
        QVERIFY(keychainStatusMessage(KeychainStatus::NoBackend).contains(QStringLiteral("KWallet")));
        QVERIFY(keychainStatusMessage(KeychainStatus::AccessDenied).contains(QStringLiteral("Unlock")));
        QVERIFY(keychainStatusMessage(KeychainStatus::TimedOut).contains(QStringLiteral("try again")));
    }

    void failureCarriesMessageAndDetail()
    {
        const KeychainResult r =
            KeychainResult::failure(KeychainStatus::AccessDenied, QStringLiteral("detail"));
        QVERIFY(!r.ok());
        QCOMPARE(r.message, keychainStatusMessage(KeychainStatus::AccessDenied));
        QCOMPARE(r.detail, QStringLiteral("detail"));
        QVERIFY(KeychainResult::success().ok());
        QVERIFY(KeychainResult::success().message.isEmpty());
    }

    // The messages go through the translator in context "Keychain".
    void messagesAreTranslated()
    {
        class Fake : public QTranslator
        {
        public:
            bool isEmpty() const override { return false; }
            QString translate(const char *context, const char *source, const char *, int) const override
            {
                return QByteArray(context) == "Keychain" ? QStringLiteral("译:") + QString::fromUtf8(source)
                                                         : QString();
            }
        } fake;
        QVERIFY(QCoreApplication::installTranslator(&fake));
        const QString message = keychainStatusMessage(KeychainStatus::NoBackend);
        QCoreApplication::removeTranslator(&fake);
        QVERIFY(message.startsWith(QStringLiteral("译:")));
    }
};

QTEST_GUILESS_MAIN(KeychainErrorsTest)
#include "tst_keychain_errors.moc"

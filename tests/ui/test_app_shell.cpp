// The application shell as a customer and a shell script meet it: the command line, the data folder,
// and the About dialog. (The windows and the language switch: test_ui_app.)
#include "app/bankwallet/app_environment.h"
#include "app/bankwallet/command_line.h"
#include "bw_config.h"
#include "ui/language.h"
#include "ui/main/about_dialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using bw::app::ParseResult;

namespace {

QString g_xdgRoot; // every XDG location points under here: nothing may appear in it

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

ProcessResult runApp(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(BW_APP_EXECUTABLE), args);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromLocal8Bit(process.readAllStandardOutput()),
            QString::fromLocal8Bit(process.readAllStandardError())};
}

} // namespace

class TestAppShell : public QObject
{
    Q_OBJECT

private:
    bw::ui::Language m_language;
    const bw::ui::ComponentVersions m_versions{QStringLiteral(BW_VERSION), QString::fromLatin1(qVersion()),
                                               QStringLiteral("OpenSSL 3.0.test"), QStringLiteral("0.13.2")};

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_language.setCurrent(QStringLiteral("en"))); }

    void parsesVersionAndHelp()
    {
        ParseResult version =
            bw::app::parseCommandLine({QStringLiteral("bankwallet"), QStringLiteral("--version")});
        QCOMPARE(version.action, ParseResult::Action::Exit);
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.output, QStringLiteral("bankwallet " BW_VERSION "\n"));

        ParseResult help =
            bw::app::parseCommandLine({QStringLiteral("bankwallet"), QStringLiteral("--help")});
        QCOMPARE(help.action, ParseResult::Action::Exit);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.output.contains(QStringLiteral("--data-dir <dir>")));
        QVERIFY(help.output.contains(QStringLiteral("--lang <code>")));
        QVERIFY(help.output.contains(QStringLiteral("--version")));
    }

    void parsesOptions()
    {
        ParseResult run = bw::app::parseCommandLine({QStringLiteral("bankwallet"), QStringLiteral("--lang"),
                                                     QStringLiteral("zh_CN"), QStringLiteral("--data-dir"),
                                                     QStringLiteral("/tmp/bw data")});
        QCOMPARE(run.action, ParseResult::Action::Run);
        QCOMPARE(run.options.language, QStringLiteral("zh_CN"));
        QCOMPARE(run.options.dataDir, QStringLiteral("/tmp/bw data"));

        ParseResult plain = bw::app::parseCommandLine({QStringLiteral("bankwallet")});
        QCOMPARE(plain.action, ParseResult::Action::Run);
        QVERIFY(plain.options.language.isEmpty());
        QVERIFY(plain.options.dataDir.isEmpty());
        QVERIFY(plain.options.gateway.isEmpty());
        QVERIFY(!plain.options.demo);

        ParseResult demo =
            bw::app::parseCommandLine({QStringLiteral("bankwallet"), QStringLiteral("--demo")});
        QCOMPARE(demo.action, ParseResult::Action::Run);
        QVERIFY(demo.options.demo);

        ParseResult remote =
            bw::app::parseCommandLine({QStringLiteral("bankwallet"), QStringLiteral("--gateway"),
                                       QStringLiteral("https://bank.example:8443/")});
        QCOMPARE(remote.action, ParseResult::Action::Run);
        QCOMPARE(remote.options.gateway, QUrl(QStringLiteral("https://bank.example:8443/")));
        QVERIFY(remote.options.paymentLink.isEmpty());

        // `bankwallet bankwallet:pay?...`: the link is checked and kept in its canonical form.
        ParseResult link = bw::app::parseCommandLine(
            {QStringLiteral("bankwallet"), QStringLiteral("--lang"), QStringLiteral("en"),
             QStringLiteral("BankWallet:pay?to=+86%20139%201234%205678&amount=12.5&currency=CNY&note=%E5%8D%"
                            "88%E9%A5%AD")});
        QCOMPARE(link.action, ParseResult::Action::Run);
        QCOMPARE(link.options.paymentLink,
                 QStringLiteral(
                     "bankwallet:pay?to=%2B8613912345678&amount=12.50&currency=CNY&note=%E5%8D%88%E9%A5%AD"));
    }

    void rejectsBadOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown language")
            << QStringList{QStringLiteral("--lang"), QStringLiteral("fr")} << QStringLiteral("fr");
        QTest::newRow("language missing") << QStringList{QStringLiteral("--lang")} << QStringLiteral("lang");
        QTest::newRow("empty data dir")
            << QStringList{QStringLiteral("--data-dir"), QStringLiteral(" ")} << QStringLiteral("--data-dir");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("hello")} << QStringLiteral("hello");
        QTest::newRow("gateway not http")
            << QStringList{QStringLiteral("--gateway"), QStringLiteral("ftp://x.y")}
            << QStringLiteral("ftp://x.y");
        QTest::newRow("gateway no host")
            << QStringList{QStringLiteral("--gateway"), QStringLiteral("bank")} << QStringLiteral("https://");
        QTest::newRow("gateway with credentials")
            << QStringList{QStringLiteral("--gateway"), QStringLiteral("https://li:pw@bank.example")}
            << QStringLiteral("https://");
        QTest::newRow("gateway with a query")
            << QStringList{QStringLiteral("--gateway"), QStringLiteral("https://bank.example/?token=x")}
            << QStringLiteral("https://");
        QTest::newRow("demo with gateway")
            << QStringList{QStringLiteral("--demo"), QStringLiteral("--gateway"),
                           QStringLiteral("http://a.b")}
            << QStringLiteral("--demo");
        QTest::newRow("bad payment link")
            << QStringList{QStringLiteral("bankwallet:pay?to=%2B8613912345678&amount=-1&currency=CNY")}
            << QStringLiteral("more than zero");
        QTest::newRow("payment link not a payment")
            << QStringList{QStringLiteral("bankwallet:send?to=%2B8613912345678")}
            << QStringLiteral("not a payment request");
        QTest::newRow("two payment links")
            << QStringList{QStringLiteral("bankwallet:pay?to=%2B8613912345678"),
                           QStringLiteral("bankwallet:pay?to=%2B8613800138000")}
            << QStringLiteral("Unexpected argument: bankwallet:pay?to=%2B8613800138000");
        QTest::newRow("NUL in language")
            << QStringList{QStringLiteral("--lang"), QString(QChar(0))} << QStringLiteral("language");
    }

    void rejectsBadOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        args.prepend(QStringLiteral("bankwallet"));
        const ParseResult result = bw::app::parseCommandLine(args);
        QCOMPARE(result.action, ParseResult::Action::Exit);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.errorOutput.contains(mentions), qPrintable(result.errorOutput));
        QVERIFY(result.errorOutput.contains(QStringLiteral("--help")));
    }

    void dataDirHoldsEverythingTheAppWrites()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("wallet data"));
        QString error;
        auto env = bw::app::AppEnvironment::open(dir, &error);
        QVERIFY2(env.has_value(), qPrintable(error));
        QCOMPARE(env->dataDir(), dir);
        QCOMPARE(QFile::permissions(dir) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        env->installLogHandler();
        qWarning("shell test log line");
        qInstallMessageHandler(nullptr);

        QCOMPARE(env->settingsPath(), dir + QStringLiteral("/settings.ini"));
        QFile log(env->logPath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("shell test log line"));
        QVERIFY(env->logPath().startsWith(dir + QLatin1Char('/')));

        auto reopened = bw::app::AppEnvironment::open(dir, &error);
        QVERIFY(reopened.has_value());

        // Nothing went to the standard locations.
        QCOMPARE(filesUnder(g_xdgRoot), QStringList());
    }

    void dataDirThatCannotBeCreatedIsAnError()
    {
        QTemporaryDir root;
        const QString file = root.filePath(QStringLiteral("not-a-folder"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QString error;
        QVERIFY(!bw::app::AppEnvironment::open(file + QStringLiteral("/sub"), &error).has_value());
        QVERIFY(error.contains(QStringLiteral("not-a-folder")));
    }

    void aboutDialogShowsVersionsAndLicence()
    {
        auto *about = new bw::ui::AboutDialog(m_versions);
        about->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<bw::ui::AboutDialog> alive(about);
        about->open();
        QTRY_VERIFY(about->isVisible());
        QCOMPARE(about->findChild<QLabel *>(QStringLiteral("versionValue"))->text(),
                 QStringLiteral(BW_VERSION));
        QCOMPARE(about->findChild<QLabel *>(QStringLiteral("qtValue"))->text(),
                 QString::fromLatin1(qVersion()));
        QCOMPARE(about->findChild<QLabel *>(QStringLiteral("opensslValue"))->text(),
                 QStringLiteral("OpenSSL 3.0.test"));
        QCOMPARE(about->findChild<QLabel *>(QStringLiteral("keychainValue"))->text(),
                 QStringLiteral("0.13.2"));
        QVERIFY(about->findChild<QPlainTextEdit *>(QStringLiteral("licenseText"))
                    ->toPlainText()
                    .startsWith(QStringLiteral("MIT License")));

        QVERIFY(m_language.setCurrent(QStringLiteral("zh_CN")));
        QTRY_COMPARE(about->findChild<QLabel *>(QStringLiteral("versionCaption"))->text(),
                     QStringLiteral("版本:"));
        QVERIFY(m_language.setCurrent(QStringLiteral("en")));
        QTRY_COMPARE(about->findChild<QLabel *>(QStringLiteral("versionCaption"))->text(),
                     QStringLiteral("Version:"));
        QTest::keyClick(about, Qt::Key_Escape);
        QTRY_VERIFY(!alive);
    }

    // The real executable, as a shell script or a customer's terminal meets it.
    void executableCommandLine()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        ProcessResult version = runApp({QStringLiteral("--version")}, env);
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QStringLiteral("bankwallet " BW_VERSION "\n"));

        ProcessResult help = runApp({QStringLiteral("--help")}, env);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("--data-dir")));

        ProcessResult bad = runApp({QStringLiteral("--lang"), QStringLiteral("fr")}, env);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QStringLiteral("'fr'")));

        ProcessResult badLink =
            runApp({QStringLiteral("bankwallet:pay?to=%2B8613912345678&to=%2B8613800138000")}, env);
        QCOMPARE(badLink.exitCode, 2);
        QVERIFY2(badLink.err.contains(QStringLiteral("payment link")), qPrintable(badLink.err));

        QProcessEnvironment noDisplay = env;
        noDisplay.remove(QStringLiteral("DISPLAY"));
        noDisplay.remove(QStringLiteral("WAYLAND_DISPLAY"));
        noDisplay.remove(QStringLiteral("QT_QPA_PLATFORM"));
        ProcessResult headless = runApp({}, noDisplay);
        QCOMPARE(headless.exitCode, 1);
        QVERIFY2(headless.err.contains(QStringLiteral("xvfb-run")), qPrintable(headless.err));
    }

    void executableStartsWithDataDir()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(BW_APP_EXECUTABLE),
                      {QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--data-dir"), dir});
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir + QStringLiteral("/logs/bankwallet.log")), 20000);
        // The embedded gateway stub keeps its database (and server key) in the data folder too.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir + QStringLiteral("/gateway-stub.sqlite")), 20000);
        QTest::qWait(500);
        QCOMPARE(process.state(), QProcess::Running); // it started and keeps running: no crash
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(filesUnder(g_xdgRoot), QStringList());
    }
};

int main(int argc, char **argv)
{
    // Point every standard location at one empty folder, so the tests can prove nothing lands there.
    QTemporaryDir xdgRoot;
    g_xdgRoot = xdgRoot.path();
    for (const char *var : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        qputenv(var, QDir(xdgRoot.path()).filePath(QString::fromLatin1(var)).toLocal8Bit());
    QApplication app(argc, argv);
    TestAppShell test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_app_shell.moc"

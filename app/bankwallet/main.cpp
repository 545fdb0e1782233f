// bankwallet — the GUI: parse the command line, open the data folder, make sure this is the folder's only
// process (or hand the link to the one that is), pick the language, show the shell.
#include "app/bankwallet/app_environment.h"
#include "app/bankwallet/app_services.h"
#include "app/bankwallet/command_line.h"
#include "app/bankwallet/gateway_factory.h"
#include "app/bankwallet/single_instance.h"
#include "app/common/quit_on_signals.h"
#include "bw_config.h"
#include "core/memory_allocator.h"
#include "core/payment_link.h"
#include "crypto/version.h"
#include "services/settings_service.h"
#include "ui/app_controller.h"
#include "ui/language.h"
#include "ui/main/about_dialog.h"

#include <QApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>

#include <cstdio>

namespace {

bool hasDisplay()
{
    // Without a display server the xcb plugin aborts; say what to do instead of crashing.
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty())
        return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

} // namespace

int main(int argc, char *argv[])
{
    bw::core::keepLargeBlocksOutOfTheHeap(); // before any thread: see core/memory_allocator.h
    QCoreApplication::setOrganizationName(QStringLiteral("BankWallet"));
    QCoreApplication::setApplicationName(QStringLiteral("BankWallet"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BW_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(BW_APP_ID));

    // Parse before creating the GUI application, so --help and --version work with no display.
    bw::app::ParseResult parsed;
    {
        QCoreApplication core(argc, argv);
        parsed = bw::app::parseCommandLine(QCoreApplication::arguments());
    }
    if (parsed.action == bw::app::ParseResult::Action::Exit) {
        print(stdout, parsed.output);
        print(stderr, parsed.errorOutput);
        return parsed.exitCode;
    }

    QLoggingCategory::setFilterRules(bw::app::effectiveLogRules(parsed.options));

    if (!hasDisplay()) {
        print(stderr,
              QStringLiteral("bankwallet: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                             "Start it inside a desktop session, or under a virtual display:\n"
                             "  xvfb-run -a -s '-screen 0 1280x800x24' bankwallet\n"));
        return 1;
    }

    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/bankwallet.svg")));

    QString error;
    auto environment = bw::app::AppEnvironment::open(parsed.options.dataDir, &error);
    if (!environment) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("bw::app", "BankWallet cannot start"),
                              error);
        return 1;
    }

    // The language and the gateway: the command line wins over Settings (only read here: a second start
    // speaks the customer's language too, and writes nothing). The gateway is the embedded stub (its
    // database in the data folder) unless one is named.
    QUrl external = parsed.options.gateway;
    QString code = parsed.options.language;
    {
        const bw::services::SettingsService saved(environment->settingsPath());
        if (external.isEmpty())
            external = saved.gatewayUrl();
        if (!bw::ui::Language::isAvailable(code))
            code = saved.language();
    }
    bw::ui::Language language;
    language.setCurrent(code);

    // Before anything in the folder is opened (log, stub database, wallet database): is it ours?
    bw::app::SingleInstance instance(environment->dataDir());
    QString instanceError;
    auto claim = instance.claim(&instanceError);
    // A few rounds at most: an owner that quits while we knock leaves the folder to us (claim again).
    for (int round = 0; claim == bw::app::SingleInstance::Claim::Busy && round < 3; ++round) {
        // Enough time for an owner that is still starting (its embedded bank, its keychain) to answer.
        const auto handed = instance.handOver({parsed.options.paymentLink}, 15000, &instanceError);
        if (handed == bw::app::SingleInstance::HandOver::Delivered) {
            print(stderr, QCoreApplication::translate("bw::app", "BankWallet is already running with this "
                                                                 "data folder; it has been brought to the "
                                                                 "front.") +
                              QLatin1Char('\n'));
            return 0;
        }
        claim = handed == bw::app::SingleInstance::HandOver::Released
                    ? instance.claim(&instanceError)
                    : bw::app::SingleInstance::Claim::Failed;
    }
    if (claim == bw::app::SingleInstance::Claim::Busy)
        instanceError = bw::app::SingleInstance::notAnsweringMessage(environment->dataDir());
    if (claim != bw::app::SingleInstance::Claim::Owner) {
        print(stderr, instanceError + QLatin1Char('\n'));
        QMessageBox::critical(nullptr, QCoreApplication::translate("bw::app", "BankWallet cannot start"),
                              instanceError);
        return 1;
    }
    environment->installLogHandler();
    // Ctrl+C, kill, the session ending: leave through app.exec(), so the folder's lock and databases close.
    // Only the owner: a second start waiting for the owner's answer keeps the default (it holds nothing).
    const bw::app::QuitOnSignals quitOnSignals;

    bw::app::GatewayFactory gateway;
    QString gatewayError;
    if (!external.isEmpty())
        gateway.useExternal(external);
    else if (!gateway.startEmbedded(environment->gatewayDbPath(), parsed.options.demo, &gatewayError))
        QMessageBox::warning(nullptr, QCoreApplication::translate("bw::app", "BankWallet"), gatewayError);

    bw::app::AppServicesOptions options;
    options.dataDir = environment->dataDir();
    options.gatewayUrl = gateway.url();
    options.embeddedGateway = gateway.isEmbedded();
    options.demo = parsed.options.demo;
    bw::app::AppServices services(options, language);

    const bw::ui::ComponentVersions versions{QStringLiteral(BW_VERSION), QString::fromLatin1(qVersion()),
                                             bw::crypto::libraryVersion(),
                                             QStringLiteral(BW_QTKEYCHAIN_VERSION)};
    bw::ui::AppController controller(services.screenServices(), versions);
    controller.start();
    if (!parsed.options.paymentLink.isEmpty()) {
        // Checked by the command-line parser already; parsed again here into the typed link.
        if (auto link = bw::core::parsePaymentLink(parsed.options.paymentLink))
            controller.openPaymentLink(link.value());
    }
    // A second start on this folder: the window comes to the front and opens its link.
    bw::app::routeActivations(instance, controller);
    return app.exec();
}

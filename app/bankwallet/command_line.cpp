#include "app/bankwallet/command_line.h"

#include "bw_config.h"
#include "core/payment_link.h"
#include "ui/language.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace bw::app {

ParseResult parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("bw::app", "BankWallet — the digital wallet from your bank."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("bw::app", "Language of the interface: en or zh_CN."),
        QStringLiteral("code"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("bw::app",
                                    "Keep everything BankWallet writes (database, settings, logs) in <dir>."),
        QStringLiteral("dir"));
    const QCommandLineOption gateway(
        QStringLiteral("gateway"),
        QCoreApplication::translate("bw::app",
                                    "Talk to the bank gateway at <url> instead of the built-in demo bank."),
        QStringLiteral("url"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("bw::app",
                                    "Demo mode for bank staff: the built-in demo bank shows the codes "
                                    "it sends and offers staff actions."));
    parser.addOption(lang);
    parser.addOption(dataDir);
    parser.addOption(gateway);
    parser.addOption(demo);
    parser.addPositionalArgument(
        QStringLiteral("link"),
        QCoreApplication::translate("bw::app",
                                    "A payment link (bankwallet:pay?...) to open in the Pay dialog after "
                                    "you sign in."),
        QStringLiteral("[bankwallet:pay?...]"));

    ParseResult result;
    const auto fail = [&](const QString &message) {
        result.action = ParseResult::Action::Exit;
        result.exitCode = 2;
        result.errorOutput = message + QLatin1Char('\n') +
                             QCoreApplication::translate("bw::app", "Try 'bankwallet --help' for more.") +
                             QLatin1Char('\n');
        return result;
    };

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        result.action = ParseResult::Action::Exit;
        result.output = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.action = ParseResult::Action::Exit;
        result.output = QStringLiteral("bankwallet %1\n").arg(QStringLiteral(BW_VERSION));
        return result;
    }
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        // One payment link at most; anything else is a mistake the person should hear about.
        const QString &first = positional.constFirst();
        if (positional.size() > 1 || !first.startsWith(QLatin1String("bankwallet:"), Qt::CaseInsensitive))
            return fail(QCoreApplication::translate("bw::app", "Unexpected argument: %1")
                            .arg(positional.size() > 1 ? positional.at(1) : first));
        const auto link = core::parsePaymentLink(first);
        if (!link)
            return fail(QCoreApplication::translate("bw::app", "This payment link cannot be opened: %1")
                            .arg(core::paymentLinkMessage(link.error())));
        result.options.paymentLink = core::formatPaymentLink(*link);
    }

    if (parser.isSet(lang)) {
        const QString code = parser.value(lang);
        if (!ui::Language::isAvailable(code))
            return fail(
                QCoreApplication::translate("bw::app", "Unknown language '%1'. Use en or zh_CN.").arg(code));
        result.options.language = code;
    }
    if (parser.isSet(dataDir)) {
        result.options.dataDir = parser.value(dataDir);
        if (result.options.dataDir.trimmed().isEmpty())
            return fail(QCoreApplication::translate("bw::app", "--data-dir needs a folder."));
    }
    if (parser.isSet(gateway)) {
        const QUrl url(parser.value(gateway), QUrl::StrictMode);
        const bool http = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
        if (!url.isValid() || !http || url.host().isEmpty())
            return fail(QCoreApplication::translate(
                            "bw::app", "'%1' is not a gateway address. Use http:// or https:// "
                                       "followed by a host, for example https://bank.example:8443.")
                            .arg(parser.value(gateway)));
        result.options.gateway = url;
        if (parser.isSet(demo))
            return fail(QCoreApplication::translate(
                "bw::app", "--demo runs the built-in demo bank, so it cannot be combined with --gateway."));
    }
    result.options.demo = parser.isSet(demo);
    return result;
}

} // namespace bw::app

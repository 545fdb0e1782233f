#include "app/bankwallet/command_line.h"

#include "bw_config.h"
#include "core/payment_link.h"
#include "ui/language.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace bw::app {

QString normalizeLogRules(const QString &rules, QString *badRule)
{
    static const QRegularExpression rule(QStringLiteral(
        "^(\\*|\\*?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\*?|\\*?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.\\*)"
        "(\\.(debug|info|warning|critical))?\\s*=\\s*(true|false)$"));
    QStringList out;
    const QStringList parts = rules.split(QRegularExpression(QStringLiteral("[;\\n]")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString trimmed = part.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (!rule.match(trimmed).hasMatch()) {
            if (badRule)
                *badRule = trimmed;
            return {};
        }
        out << trimmed;
    }
    if (out.isEmpty() && badRule)
        *badRule = rules;
    return out.join(QLatin1Char('\n'));
}

QString effectiveLogRules(const Options &options)
{
    const QString defaults = QStringLiteral("bw.*.debug=false");
    return options.logRules.isEmpty() ? defaults : defaults + QLatin1Char('\n') + options.logRules;
}

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
    const QCommandLineOption log(
        QStringLiteral("log"),
        QCoreApplication::translate("bw::app",
                                    "Switch log categories on or off, e.g. "
                                    "\"bw.gateway.debug=true;bw.stub.*=false\" (categories: bw.app, "
                                    "bw.gateway, bw.keychain, bw.services, bw.storage, bw.stub, bw.ui). "
                                    "The log is in the data folder, under logs/."),
        QStringLiteral("rules"));
    const QCommandLineOption verbose(
        QStringLiteral("verbose"),
        QCoreApplication::translate("bw::app", "Log debug messages of every BankWallet category "
                                               "(the same as --log \"bw.*.debug=true\")."));
    parser.addOption(lang);
    parser.addOption(dataDir);
    parser.addOption(gateway);
    parser.addOption(demo);
    parser.addOption(log);
    parser.addOption(verbose);
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
    if (parser.isSet(QStringLiteral("help-all"))) {
        // Only Qt can list its own options (the platform, style, ...): it prints them and exits 0 itself.
        parser.process(arguments);
    }
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
        // No user:password@, query or fragment: the address is shown in Settings and in diagnostics.
        if (!url.isValid() || !http || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() ||
            url.hasFragment())
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

    QStringList logRules;
    if (parser.isSet(verbose))
        logRules << QStringLiteral("bw.*.debug=true");
    for (const QString &value : parser.values(log)) {
        QString bad;
        const QString normalized = normalizeLogRules(value, &bad);
        if (normalized.isEmpty())
            return fail(QCoreApplication::translate(
                            "bw::app", "'%1' is not a log rule. Write <category>[.<level>]=true|false, "
                                       "for example bw.gateway.debug=true.")
                            .arg(bad));
        logRules << normalized;
    }
    result.options.logRules = logRules.join(QLatin1Char('\n'));
    return result;
}

} // namespace bw::app

// CommandLine — what `bankwallet` was asked to do: --lang, --data-dir, --gateway, --demo, --log, --verbose,
// --version, --help, and an optional `bankwallet:pay?...` payment link to open in the Pay dialog after
// sign-in.
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace bw::app {

struct Options
{
    QString language;  // "en" or "zh_CN"; empty = remembered choice or the system locale
    QString dataDir;   // empty = the platform's standard location
    QUrl gateway;      // empty = start the embedded stub
    bool demo = false; // demo mode for bank staff: the embedded stub's /v1/dev endpoints
    // A payment link given as the positional argument, already checked with core::parsePaymentLink and in
    // its canonical form (core::formatPaymentLink); empty = none. Parse it again to prefill the Pay dialog.
    QString paymentLink;
    // Logging-category rules for QLoggingCategory::setFilterRules, one per line ("bw.gateway.debug=true");
    // --verbose adds "bw.*.debug=true" before the --log rules (a later rule wins). Empty = Qt's defaults.
    QString logRules;
};

// Checks a --log value: rules separated by ';' (or new lines), each `<category>[.<level>]=true|false`, where
// the category is letters, digits, '_', '-' and '.', with '*' only as its first or last character, and the
// level is debug, info, warning or critical. Returns the rules one per line, or an empty string with
// `badRule` set to the first rule that does not fit.
QString normalizeLogRules(const QString &rules, QString *badRule);

// The outcome of parsing: run with options, or exit at once with a message and exit code
// (--version and --help print to stdout and exit 0; a bad option prints to stderr and exits 2).
struct ParseResult
{
    enum class Action { Run, Exit };
    Action action = Action::Run;
    Options options;
    int exitCode = 0;
    QString output;      // for stdout
    QString errorOutput; // for stderr
};

// The rules main() gives QLoggingCategory::setFilterRules: BankWallet's debug messages off by default (Qt
// would show them), then the --verbose / --log rules, which win. QT_LOGGING_RULES still overrides all.
QString effectiveLogRules(const Options &options);

// `arguments` includes the program name first, as QCoreApplication::arguments() gives it.
ParseResult parseCommandLine(const QStringList &arguments);

} // namespace bw::app

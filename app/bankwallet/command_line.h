// CommandLine — what `bankwallet` was asked to do: --lang, --data-dir, --gateway, --demo, --version, --help,
// and an optional `bankwallet:pay?...` payment link to open in the Pay dialog after sign-in.
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
};

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

// `arguments` includes the program name first, as QCoreApplication::arguments() gives it.
ParseResult parseCommandLine(const QStringList &arguments);

} // namespace bw::app

// Shared helpers of the libFuzzer targets in tests/fuzz (see README.md).
//
// A target includes this header, calls bw::fuzz::init() first thing in LLVMFuzzerTestOneInput (it runs
// once per process) and checks its properties with BW_FUZZ_CHECK, which prints what broke and aborts, so
// libFuzzer records the input as a crash. FuzzInput splits the raw bytes into the selector bytes a target
// dispatches on and the payload.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace bw::fuzz {

// A QCoreApplication (Qt SQL plugins, QLocale and QTimeZone need one) and a message handler that keeps
// the expected warnings of refused input off the terminal: at millions of inputs a second the output
// would cost more than the code under test. qFatal still aborts (Qt aborts after the handler returns).
inline void init()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    static int argc = 1;
    static char name[] = "bw_fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    (void)app;
    if (qEnvironmentVariableIsEmpty("BW_FUZZ_VERBOSE")) {
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type == QtFatalMsg)
                std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        });
    }
}

[[noreturn]] inline void fail(const char *file, int line, const char *condition, const QString &detail)
{
    std::fprintf(stderr, "%s:%d: BW_FUZZ_CHECK(%s) failed: %s\n", file, line, condition, qPrintable(detail));
    std::abort();
}

#define BW_FUZZ_CHECK(condition, detail)                                                                     \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            ::bw::fuzz::fail(__FILE__, __LINE__, #condition, (detail));                                      \
    } while (false)

// The raw input: selector bytes from the front, then the rest as the payload.
class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    {}
    // The next byte, 0 when there is none.
    uint8_t takeByte()
    {
        if (m_pos >= m_size)
            return 0;
        return m_data[m_pos++];
    }
    // Everything not taken yet.
    QByteArray rest() const
    {
        return QByteArray(reinterpret_cast<const char *>(m_data + m_pos), qsizetype(m_size - m_pos));
    }

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

} // namespace bw::fuzz

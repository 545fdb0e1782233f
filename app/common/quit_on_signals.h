// QuitOnSignals — SIGINT and SIGTERM (Ctrl+C, `kill`, a desktop session that ends) quit the event loop, so
// main() returns normally: databases close, the log is flushed and the data folder's lock is released.
// Both programs make one in main() after their QCoreApplication:
//
//   QCoreApplication app(argc, argv);
//   bw::app::QuitOnSignals quitOnSignals; // before exec()
//
// The signal handler only writes a byte to a socket pair (async-signal-safe); the event loop reads it.
#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace bw::app {

class QuitOnSignals : public QObject
{
public:
    explicit QuitOnSignals(QObject *parent = nullptr);
    ~QuitOnSignals() override; // the default handlers again

    // False if the socket pair could not be made (then the signals keep their default action).
    bool isActive() const { return m_notifier != nullptr; }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace bw::app

// CommitGroup: group commit for the gateway stub's single SQLite writer. Under synchronous=FULL every
// COMMIT waits for an fsync (a few milliseconds on this disk), so one commit per request caps the whole
// server at the disk's fsync rate. Instead the server opens ONE batch transaction (StubStore::beginBatch)
// before the first request of a burst, runs each request's handler inside it (a handler's own
// StubStore::Transaction becomes a savepoint, so a failing request undoes only itself), and commits when
// the event loop has no more ready requests: a zero-timer fires after every socket that was ready in this
// pass has been read, or at once when kMaxBatch requests are waiting. Only then are the answers released —
// an answer is never written before its data is durable; if the COMMIT fails every answer of the batch is
// told so (the server turns them into 500 internal_error) and nothing of the batch stays.
//
// Reads are held back the same way (every signed request writes its nonce anyway, and an answer must not
// show data of the batch that a failed COMMIT could still take back). A batch that wrote nothing costs no
// fsync (SQLite writes no WAL frame for it).
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

namespace bw::stub {

class StubStore;

class CommitGroup : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxBatch = 256;

    // Called once the batch holding the request is durable (true) or failed to commit (false).
    using Release = std::function<void(bool durable)>;

    struct Stats
    {
        quint64 batches = 0;       // COMMITs of a batch
        quint64 requests = 0;      // requests that went through a batch
        quint64 failedBatches = 0; // COMMITs that failed (every answer became 500)
        int largestBatch = 0;
    };

    explicit CommitGroup(StubStore &store, QObject *parent = nullptr);
    ~CommitGroup() override; // flush()

    // Before a request is dispatched: opens the batch unless one is open and schedules its commit. False
    // when the database refused to begin one; the request then runs without a batch (each Transaction
    // commits on its own) and its release runs at once.
    bool enter();
    // After the request was dispatched: keeps `release` until the batch is durable. Without an open batch
    // it runs at once with true (the work is already committed). Commits at once at kMaxBatch requests.
    void defer(Release release);
    // Commits the open batch now and runs its releases (also on shutdown). Safe without an open batch.
    void flush();

    Stats stats() const { return m_stats; }

private:
    StubStore &m_store;
    QTimer m_timer; // zero interval, single shot: "the event loop has nothing more ready"
    std::vector<Release> m_waiting;
    Stats m_stats;
};

} // namespace bw::stub

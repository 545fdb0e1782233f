#include "stub/commit_group.h"

#include "stub/stub_store.h"

#include <QLoggingCategory>

namespace bw::stub {

Q_LOGGING_CATEGORY(lcCommit, "bw.stub.commit", QtInfoMsg)

CommitGroup::CommitGroup(StubStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &CommitGroup::flush);
}

CommitGroup::~CommitGroup()
{
    flush();
}

bool CommitGroup::enter()
{
    if (m_store.inBatch())
        return true;
    if (!m_store.isOpen())
        return false;
    try {
        m_store.beginBatch();
    } catch (const StoreError &e) {
        qCWarning(lcCommit, "cannot open a batch, the request commits on its own: %s", e.what());
        return false;
    }
    m_timer.start();
    return true;
}

void CommitGroup::defer(Release release)
{
    if (!m_store.inBatch()) {
        release(true);
        return;
    }
    m_waiting.push_back(std::move(release));
    if (int(m_waiting.size()) >= kMaxBatch)
        flush();
}

void CommitGroup::flush()
{
    m_timer.stop();
    if (!m_store.inBatch() && m_waiting.empty())
        return;
    bool durable = true;
    if (m_store.inBatch()) {
        try {
            m_store.commitBatch();
        } catch (const StoreError &e) {
            durable = false;
            ++m_stats.failedBatches;
            qCCritical(lcCommit, "%zu answers fail: %s", m_waiting.size(), e.what());
        }
    }
    // Swap first: a release may dispatch more work (it does not today, but it must not see this batch).
    std::vector<Release> waiting;
    waiting.swap(m_waiting);
    ++m_stats.batches;
    m_stats.requests += waiting.size();
    m_stats.largestBatch = std::max(m_stats.largestBatch, int(waiting.size()));
    for (Release &release : waiting)
        release(durable);
}

} // namespace bw::stub

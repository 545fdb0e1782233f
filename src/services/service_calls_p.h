// Internal to bw_services (not installed, not for ui/ or app/): the small call patterns every service
// shares — answering a callback on a later turn of the event loop, handing a gateway answer on as a
// ServiceResult while the service lives, and holding a secret that is wiped when the last pending call lets
// go of it. One place for each, so that the services cannot drift apart on them.
#pragma once

#include "crypto/secret_bytes.h"
#include "gateway/gateway_client.h"
#include "services/service_context.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

namespace bw::services::detail {

// Runs done(answer) on `owner`'s thread on a later turn of its event loop: services never call back from
// inside the call they were handed the callback in (callers may not be ready for it yet).
template<typename Callback, typename Answer>
void answerLater(QObject *owner, Callback done, Answer answer)
{
    QMetaObject::invokeMethod(
        owner,
        [done = std::move(done), answer = std::move(answer)] {
            if (done)
                done(answer);
        },
        Qt::QueuedConnection);
}

// A gateway callback that hands its answer on to `done` as a ServiceResult<T> (a gateway error as
// ServiceError::fromGateway), only while `owner` lives.
template<typename T>
gateway::Callback<T> relayResult(QObject *owner, std::function<void(ServiceResult<T>)> done)
{
    return [self = QPointer<QObject>(owner), done = std::move(done)](gateway::Result<T> result) {
        if (!self || !done)
            return;
        if (!result)
            done(ServiceError::fromGateway(result.error()));
        else
            done(std::move(result).value());
    };
}

// Wipes the text (a password, a PIN, a document number) when the last holder — the pending call — lets go.
inline std::shared_ptr<QString> holdSecret(QString text)
{
    return std::shared_ptr<QString>(new QString(std::move(text)), [](QString *p) {
        crypto::secureWipe(*p);
        delete p;
    });
}

} // namespace bw::services::detail

#include "services/security_service.h"

namespace bw::services {

SecurityService::SecurityService(ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

SecurityService::~SecurityService() = default;

} // namespace bw::services
